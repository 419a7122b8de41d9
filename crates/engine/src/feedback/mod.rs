//! Feedback and reviews (docs/product.md#feedback-and-reviews): the written
//! answers of every survey and review file, their tone from the stars given
//! with them, the themes of an editable dictionary they mention, and those
//! themes by value tier, RFM segment and lifecycle stage.

mod collect;
mod sentiment;
mod themes;

pub(crate) use collect::{collect, FeedbackText};
pub use sentiment::Sentiment;
pub use themes::{Theme, ThemeProblem, ThemeSettings, MAX_THEMES};

use crate::labels::Labels;
use crate::lifecycle::LifecycleStage;
use crate::rfm::segment::RfmSegment;
use crate::survey::{SurveyDimension, SurveyGroup};
use segscope_model::Dataset;
use serde::{Deserialize, Serialize};

/// Quotes kept per theme.
const QUOTES: usize = 3;
/// Longest quote, in characters (longer ones are cut with "…").
const QUOTE_CHARS: usize = 160;

/// A text quoted for a theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The words, cut to [`QUOTE_CHARS`].
    pub text: String,
    /// Its tone.
    pub sentiment: Sentiment,
}

/// One theme's mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeStat {
    /// The theme's name as in the dictionary.
    pub name: String,
    /// Texts that mention it.
    pub mentions: u64,
    /// Of them, by tone, in [`Sentiment::ALL`] order.
    pub sentiment: [u64; 4],
    /// Distinct linked customers who mentioned it.
    pub customers: u64,
    /// A few texts that mention it, negative ones first.
    pub quotes: Vec<Quote>,
}

/// The feedback of one group of customers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackGroup {
    /// The group.
    pub group: SurveyGroup,
    /// Texts its customers wrote.
    pub texts: u64,
    /// Per theme, texts of the group that mention it.
    pub mentions: Vec<u64>,
    /// Per theme, those of them that are negative.
    pub negative: Vec<u64>,
}

/// Every feedback text, summarised.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FeedbackSummary {
    /// Texts read (responses with a written answer).
    pub texts: u64,
    /// Of them, written by a linked customer.
    pub linked: u64,
    /// The files they came from.
    pub files: Vec<String>,
    /// Texts by tone, in [`Sentiment::ALL`] order.
    pub sentiment: [u64; 4],
    /// Texts that mention no theme.
    pub untagged: u64,
    /// Each theme of the dictionary, in its order.
    pub themes: Vec<ThemeStat>,
    /// By value tier (the summary's tier rows, "No purchase" last).
    pub by_tier: Vec<FeedbackGroup>,
    /// By RFM segment, in table order.
    pub by_segment: Vec<FeedbackGroup>,
    /// By lifecycle stage, in stage order.
    pub by_stage: Vec<FeedbackGroup>,
}

impl FeedbackSummary {
    /// The groups of `dimension`.
    pub fn by(&self, dimension: SurveyDimension) -> &[FeedbackGroup] {
        match dimension {
            SurveyDimension::Tier => &self.by_tier,
            SurveyDimension::Segment => &self.by_segment,
            SurveyDimension::Stage => &self.by_stage,
        }
    }
}

/// Each of `customers` customers' themes: the bits of every text they wrote.
pub(crate) fn customer_themes(texts: &[FeedbackText], customers: usize) -> Vec<u32> {
    let mut themes = vec![0u32; customers];
    for t in texts {
        if let Some(slot) = t.customer.and_then(|c| themes.get_mut(c as usize)) {
            *slot |= t.themes;
        }
    }
    themes
}

/// Summarises `texts` of `dataset` against the labels; `tiers` is the
/// number of tier rows (tiers and "No purchase"). `None` without texts.
pub(crate) fn summarize(
    dataset: &Dataset,
    texts: &[FeedbackText],
    labels: &Labels,
    tiers: usize,
    dictionary: &ThemeSettings,
) -> Option<FeedbackSummary> {
    if texts.is_empty() {
        return None;
    }
    let k = dictionary.themes.len().min(MAX_THEMES);
    let group = |g: SurveyGroup| FeedbackGroup {
        group: g,
        texts: 0,
        mentions: vec![0; k],
        negative: vec![0; k],
    };
    let mut by_tier: Vec<FeedbackGroup> = (0..tiers).map(|i| group(SurveyGroup::Tier(i))).collect();
    let mut by_segment: Vec<FeedbackGroup> = RfmSegment::ALL
        .iter()
        .map(|&s| group(SurveyGroup::Segment(s)))
        .collect();
    let mut by_stage: Vec<FeedbackGroup> = LifecycleStage::ALL
        .iter()
        .map(|&s| group(SurveyGroup::Stage(s)))
        .collect();
    let mut themes: Vec<ThemeStat> = dictionary
        .themes
        .iter()
        .take(k)
        .map(|t| ThemeStat {
            name: t.name.clone(),
            mentions: 0,
            sentiment: [0; 4],
            customers: 0,
            quotes: Vec::new(),
        })
        .collect();
    let mut who: Vec<Vec<u32>> = vec![Vec::new(); k];
    let mut sentiment = [0u64; 4];
    let mut untagged = 0;
    for t in texts {
        sentiment[t.sentiment.index()] += 1;
        untagged += u64::from(t.themes == 0);
        let negative = t.sentiment == Sentiment::Negative;
        let mut groups: Vec<&mut FeedbackGroup> = Vec::new();
        if let Some(c) = t.customer.map(|c| c as usize).filter(|&c| c < labels.tier.len()) {
            let tier = labels.tier[c].map_or(tiers.saturating_sub(1), |t| t as usize);
            groups.extend(by_tier.get_mut(tier));
            if let Some(s) = labels.segment[c] {
                groups.push(&mut by_segment[s.index()]);
            }
            if let Some(s) = labels.lifecycle.get(c) {
                groups.push(&mut by_stage[s.index()]);
            }
        }
        for g in &mut groups {
            g.texts += 1;
        }
        for (i, theme) in themes.iter_mut().enumerate().filter(|(i, _)| t.themes & (1 << i) != 0) {
            theme.mentions += 1;
            theme.sentiment[t.sentiment.index()] += 1;
            who[i].extend(t.customer);
            for g in &mut groups {
                g.mentions[i] += 1;
                g.negative[i] += u64::from(negative);
            }
        }
    }
    for (theme, mut people) in themes.iter_mut().zip(who) {
        people.sort_unstable();
        people.dedup();
        theme.customers = people.len() as u64;
    }
    add_quotes(dataset, texts, &mut themes);
    let mut files: Vec<String> = Vec::new();
    for t in texts {
        let file = dataset.surveys[t.survey].file();
        if !files.iter().any(|f| f == file) {
            files.push(file.to_string());
        }
    }
    Some(FeedbackSummary {
        texts: texts.len() as u64,
        linked: texts.iter().filter(|t| t.customer.is_some()).count() as u64,
        files,
        sentiment,
        untagged,
        themes,
        by_tier,
        by_segment,
        by_stage,
    })
}

/// Up to [`QUOTES`] texts per theme: negative ones first, then the others,
/// each group in reading order.
fn add_quotes(dataset: &Dataset, texts: &[FeedbackText], themes: &mut [ThemeStat]) {
    for (i, theme) in themes.iter_mut().enumerate() {
        let mentioning = texts.iter().filter(|t| t.themes & (1 << i) != 0);
        let negative_first = mentioning
            .clone()
            .filter(|t| t.sentiment == Sentiment::Negative)
            .chain(mentioning.filter(|t| t.sentiment != Sentiment::Negative));
        theme.quotes = negative_first
            .take(QUOTES)
            .filter_map(|t| {
                let text = collect::quote(&dataset.surveys[t.survey], t.response)?;
                Some(Quote {
                    text: cut(&text),
                    sentiment: t.sentiment,
                })
            })
            .collect();
    }
}

fn cut(text: &str) -> String {
    if text.chars().count() <= QUOTE_CHARS {
        return text.to_string();
    }
    let mut short: String = text.chars().take(QUOTE_CHARS - 1).collect();
    short.push('…');
    short
}
