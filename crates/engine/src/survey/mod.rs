//! Surveys by segment (docs/product.md#surveys-and-feedback): per survey
//! export, who answered, and the NPS and CSAT of every value tier, RFM
//! segment and lifecycle stage with their intervals and response rates.

mod customer;
pub mod lca;
mod score;
mod waves;

pub use customer::NpsGroup;
pub(crate) use customer::{customer_answers, CustomerAnswers};
pub use score::{GroupSize, Score, SMALL_GROUP, TINY_GROUP};
pub(crate) use waves::wave_moves;
pub use waves::{NpsMove, WaveMoves};

use crate::labels::Labels;
use crate::lifecycle::LifecycleStage;
use crate::rfm::segment::RfmSegment;
use segscope_model::{AnswerColumn, Dataset, QuestionKind, Survey};
use serde::{Deserialize, Serialize};

/// Words in a rating question that make it the satisfaction (CSAT) question.
const SATISFACTION_WORDS: &[&str] = &["satisf", "满意", "滿意", "satisfe", "zufrieden", "csat"];

/// Words in a rating question that make it the customer effort (CES) question.
const EFFORT_WORDS: &[&str] = &[
    "effort", "easy", "easier", "ces", "费力", "省力", "容易", "轻松", "方便",
];

/// One survey export, summarised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyStats {
    /// The file it came from.
    pub file: String,
    /// The tool that wrote it (empty when not recognised).
    pub tool: String,
    /// Responses read.
    pub responses: u64,
    /// Responses linked to a customer of the other files.
    pub linked: u64,
    /// Distinct customers who answered.
    pub respondents: u64,
    /// Each question with its kind and number of answers.
    pub questions: Vec<QuestionStat>,
    /// The NPS question's scores, if the survey has one.
    pub nps: Option<ScoreTable>,
    /// The satisfaction question's CSAT (% in the top two boxes), if any.
    pub csat: Option<ScoreTable>,
    /// The effort question's CES (% in the top two boxes: easy), if any.
    #[serde(default)]
    pub ces: Option<ScoreTable>,
}

/// A question and how many answered it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionStat {
    /// The question's text.
    pub text: String,
    /// Its kind.
    pub kind: QuestionKind,
    /// Responses with an answer.
    pub answered: u64,
}

/// Whose answers a score counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SurveyGroup {
    /// Every response, linked or not.
    All,
    /// Responses of customers in value tier `i` (the summary's tier rows;
    /// the last is "No purchase").
    Tier(usize),
    /// Responses of customers in an RFM segment.
    Segment(RfmSegment),
    /// Responses of customers in a lifecycle stage.
    Stage(LifecycleStage),
}

/// A group's score and who in it answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupScore {
    /// The group.
    pub group: SurveyGroup,
    /// Customers in the group (0 for [`SurveyGroup::All`]).
    pub customers: u64,
    /// Distinct customers of the group who answered the question.
    pub respondents: u64,
    /// Respondents as a share of the group's customers (0–1).
    pub response_rate: f64,
    /// The score.
    pub score: Score,
}

/// The labels a score table is split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SurveyDimension {
    /// Value tiers.
    Tier,
    /// RFM segments.
    Segment,
    /// Lifecycle stages.
    Stage,
}

impl SurveyDimension {
    /// Every dimension, in the order the page offers them.
    pub const ALL: [SurveyDimension; 3] = [SurveyDimension::Tier, SurveyDimension::Segment, SurveyDimension::Stage];

    /// The i18n key of the dimension's name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            SurveyDimension::Tier => "survey.by_tier",
            SurveyDimension::Segment => "survey.by_segment",
            SurveyDimension::Stage => "survey.by_stage",
        }
    }
}

/// One question's score overall and by value tier, RFM segment and
/// lifecycle stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreTable {
    /// The question, as an index into [`SurveyStats::questions`].
    pub question: usize,
    /// Every response.
    pub overall: GroupScore,
    /// By value tier, best first, then "No purchase".
    pub by_tier: Vec<GroupScore>,
    /// By RFM segment, in table order.
    pub by_segment: Vec<GroupScore>,
    /// By lifecycle stage, in stage order.
    pub by_stage: Vec<GroupScore>,
}

impl ScoreTable {
    /// The groups of `dimension`.
    pub fn by(&self, dimension: SurveyDimension) -> &[GroupScore] {
        match dimension {
            SurveyDimension::Tier => &self.by_tier,
            SurveyDimension::Segment => &self.by_segment,
            SurveyDimension::Stage => &self.by_stage,
        }
    }
}

/// Summarises every survey of the dataset against the customers' labels;
/// `tiers` is the number of tier rows (tiers and "No purchase").
pub(crate) fn summarize(dataset: &Dataset, labels: &Labels, tiers: usize) -> Vec<SurveyStats> {
    dataset.surveys.iter().map(|s| survey_stats(s, labels, tiers)).collect()
}

fn survey_stats(survey: &Survey, labels: &Labels, tiers: usize) -> SurveyStats {
    let customers = survey.customer();
    let mut respondents: Vec<u32> = customers.iter().flatten().copied().collect();
    respondents.sort_unstable();
    respondents.dedup();
    let questions: Vec<QuestionStat> = survey
        .questions()
        .iter()
        .enumerate()
        .map(|(q, question)| QuestionStat {
            text: question.text.clone(),
            kind: question.kind,
            answered: survey.answers(q).map_or(0, answered),
        })
        .collect();
    let (nps, csat) = score_questions(survey);
    let table = |q: usize, judge: Judge| {
        let scale = survey.questions()[q].scale;
        let Some(AnswerColumn::Scores(scores)) = survey.answers(q) else {
            return None;
        };
        Some(score_table(q, scores, customers, labels, tiers, judge, scale))
    };
    SurveyStats {
        file: survey.file().to_string(),
        tool: survey.tool().to_string(),
        responses: survey.len() as u64,
        linked: customers.iter().filter(|c| c.is_some()).count() as u64,
        respondents: respondents.len() as u64,
        questions,
        nps: nps.and_then(|q| table(q, Judge::Nps)),
        csat: csat.and_then(|q| table(q, Judge::Csat)),
        ces: effort_question(survey).and_then(|q| table(q, Judge::Csat)),
    }
}

/// The survey's NPS question (the first of that kind) and satisfaction
/// question (the first rating that names satisfaction, else the first 1–5
/// rating that does not name effort), as indexes into its questions.
pub(crate) fn score_questions(survey: &Survey) -> (Option<usize>, Option<usize>) {
    let questions = survey.questions();
    let find = |test: &dyn Fn(usize) -> bool| (0..questions.len()).find(|&q| test(q));
    let nps = find(&|q| questions[q].kind == QuestionKind::Nps);
    let is_rating = |q: usize| questions[q].kind == QuestionKind::Rating;
    let satisfaction = |q: usize| is_rating(q) && names_satisfaction(&questions[q].text);
    let five_point = |q: usize| is_rating(q) && questions[q].scale == (1, 5) && !names_effort(&questions[q].text);
    (nps, find(&satisfaction).or_else(|| find(&five_point)))
}

/// The survey's effort question: the first rating whose text names effort
/// or ease (effort, easy, 费力, 容易 …) and not satisfaction.
pub(crate) fn effort_question(survey: &Survey) -> Option<usize> {
    survey
        .questions()
        .iter()
        .position(|q| q.kind == QuestionKind::Rating && names_effort(&q.text) && !names_satisfaction(&q.text))
}

/// Whether a question's text asks about effort or ease.
pub(crate) fn names_effort(text: &str) -> bool {
    let text = text.to_lowercase();
    EFFORT_WORDS.iter().any(|w| {
        // Short Latin words as whole words ("ces" is not in "services").
        text.match_indices(w).any(|(at, _)| {
            let latin = w.is_ascii();
            let before = text[..at].chars().next_back().is_some_and(char::is_alphanumeric);
            let after = text[at + w.len()..].chars().next().is_some_and(char::is_alphabetic);
            !latin || !(before || (w.len() <= 3 && after))
        })
    })
}

/// Whether a question's text asks about satisfaction.
pub(crate) fn names_satisfaction(text: &str) -> bool {
    let text = text.to_lowercase();
    SATISFACTION_WORDS.iter().any(|w| text.contains(w))
}

/// Responses that answered a question.
fn answered(column: &AnswerColumn) -> u64 {
    let n = match column {
        AnswerColumn::Scores(v) => v.iter().filter(|a| a.is_some()).count(),
        AnswerColumn::Choices(v) => v.iter().filter(|a| a.is_some()).count(),
        AnswerColumn::Options(v) => v.iter().filter(|&&bits| bits != 0).count(),
        AnswerColumn::Texts(v) => v.iter().filter(|a| a.is_some()).count(),
    };
    n as u64
}

/// How a score question's answers count.
#[derive(Clone, Copy)]
enum Judge {
    /// 9–10 promoters, 0–6 detractors.
    Nps,
    /// The top two points of the scale satisfied.
    Csat,
}

impl Judge {
    /// Where an answer falls: +1 top (promoter, satisfied), −1 bottom
    /// (detractor), 0 neither.
    fn classify(self, score: u8, scale: (u8, u8)) -> i8 {
        match self {
            Judge::Nps if score >= 9 => 1,
            Judge::Nps if score <= 6 => -1,
            Judge::Csat if score + 1 >= scale.1 => 1,
            _ => 0,
        }
    }
}

/// Running counts of one group.
#[derive(Clone, Default)]
struct Tally {
    n: u64,
    top: u64,
    bottom: u64,
    respondents: Vec<u32>,
}

impl Tally {
    fn add(&mut self, class: i8, customer: Option<u32>) {
        self.n += 1;
        self.top += u64::from(class > 0);
        self.bottom += u64::from(class < 0);
        self.respondents.extend(customer);
    }

    fn finish(mut self, group: SurveyGroup, customers: u64, judge_nps: bool) -> GroupScore {
        self.respondents.sort_unstable();
        self.respondents.dedup();
        let respondents = self.respondents.len() as u64;
        GroupScore {
            group,
            customers,
            respondents,
            response_rate: if customers == 0 {
                0.0
            } else {
                respondents as f64 / customers as f64
            },
            score: if judge_nps {
                Score::nps(self.n, self.top, self.bottom)
            } else {
                Score::share(self.n, self.top)
            },
        }
    }
}

fn score_table(
    question: usize,
    scores: &[Option<u8>],
    customers: &[Option<u32>],
    labels: &Labels,
    tiers: usize,
    judge: Judge,
    scale: (u8, u8),
) -> ScoreTable {
    let is_nps = matches!(judge, Judge::Nps);
    let classify = |score: u8| judge.classify(score, scale);
    let mut overall = Tally::default();
    let mut by_tier = vec![Tally::default(); tiers];
    let mut by_segment = vec![Tally::default(); RfmSegment::ALL.len()];
    let mut by_stage = vec![Tally::default(); LifecycleStage::ALL.len()];
    for (score, customer) in scores.iter().zip(customers) {
        let Some(score) = *score else { continue };
        let class = classify(score);
        overall.add(class, *customer);
        let Some(c) = customer.map(|c| c as usize) else {
            continue;
        };
        let tier = labels.tier.get(c).map(|t| t.map_or(tiers - 1, |t| t as usize));
        if let Some(slot) = tier.and_then(|t| by_tier.get_mut(t)) {
            slot.add(class, Some(c as u32));
        }
        if let Some(segment) = labels.segment.get(c).copied().flatten() {
            by_segment[segment.index()].add(class, Some(c as u32));
        }
        if let Some(stage) = labels.lifecycle.get(c) {
            by_stage[stage.index()].add(class, Some(c as u32));
        }
    }
    let mut tier_sizes = vec![0u64; tiers];
    for t in &labels.tier {
        if let Some(slot) = tier_sizes.get_mut(t.map_or(tiers - 1, |t| t as usize)) {
            *slot += 1;
        }
    }
    let mut segment_sizes = [0u64; 11];
    for s in labels.segment.iter().flatten() {
        segment_sizes[s.index()] += 1;
    }
    let mut stage_sizes = [0u64; 5];
    for s in &labels.lifecycle {
        stage_sizes[s.index()] += 1;
    }
    ScoreTable {
        question,
        overall: overall.finish(SurveyGroup::All, 0, is_nps),
        by_tier: by_tier
            .into_iter()
            .enumerate()
            .map(|(i, t)| t.finish(SurveyGroup::Tier(i), tier_sizes[i], is_nps))
            .collect(),
        by_segment: by_segment
            .into_iter()
            .zip(RfmSegment::ALL)
            .map(|(t, s)| t.finish(SurveyGroup::Segment(s), segment_sizes[s.index()], is_nps))
            .collect(),
        by_stage: by_stage
            .into_iter()
            .zip(LifecycleStage::ALL)
            .map(|(t, s)| t.finish(SurveyGroup::Stage(s), stage_sizes[s.index()], is_nps))
            .collect(),
    }
}
