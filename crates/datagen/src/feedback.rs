//! The survey and reviews of `--survey`: a Google Forms lifestyle survey (survey.csv) answered
//! by some registered customers (by e-mail) and a few strangers, each respondent drawn from one
//! of three lifestyles that set their answers and NPS; and Judge.me-style reviews
//! (reviews.csv) by some buyers, their texts made of phrases whose theme is known. The truth
//! holds the counts a reader must find.

use crate::config::Config;
use crate::dist::{self, Stream};
use crate::format::{self, Ymd};
use crate::people::Person;
use crate::render::{FileStat, Renderer};
use crate::timeline::{Timeline, DAYS};
use crate::writer::CsvWriter;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io;

/// Survey headers, Google Forms style, [en, zh].
const SURVEY_HEADER: [[&str; 10]; 2] = [
    [
        "Timestamp",
        "Email Address",
        "How likely are you to recommend us to a friend?",
        "Overall, how satisfied are you with your last order?",
        "What matters most when you shop?",
        "How do you usually shop?",
        "How much do you agree? [I follow fashion trends]",
        "How much do you agree? [I compare prices before buying]",
        "How do you spend your weekends?",
        "Anything else you would like to tell us?",
    ],
    [
        "时间戳记",
        "电子邮件地址",
        "您向朋友推荐我们的可能性有多大？",
        "您对最近一次购物满意吗？",
        "购物时您最看重什么？",
        "您通常怎么购物？",
        "您对以下说法的同意程度 [我关注时尚潮流]",
        "您对以下说法的同意程度 [我买东西前会比价]",
        "您周末通常怎么过？",
        "您还有什么想告诉我们的？",
    ],
];

/// Options of the three choice questions, [en, zh].
const MATTERS: [[&str; 4]; 2] = [
    ["Price", "Quality", "Brand", "Eco-friendly"],
    ["价格", "品质", "品牌", "环保"],
];
const SHOPS: [[&str; 3]; 2] = [["Online", "In store", "Both"], ["网上", "实体店", "都有"]];
const WEEKENDS: [[&str; 3]; 2] = [["Outdoors", "At home", "With friends"], ["户外", "宅家", "和朋友一起"]];

/// Each lifestyle's favoured answer: matters, shops, fashion (1–5 as 0–4), comparing, weekends.
const FAVOURITE: [[usize; 5]; 3] = [[0, 0, 1, 4, 1], [2, 0, 4, 1, 2], [1, 1, 2, 2, 0]];
/// Categories of those five questions.
const CATEGORIES: [usize; 5] = [4, 3, 5, 5, 3];
/// How often a respondent gives their lifestyle's favoured answer.
const FAITHFUL: f64 = 0.7;
/// The lifestyles' shares.
const LIFESTYLES: [f64; 3] = [0.45, 0.35, 0.20];
/// Mean NPS score of each lifestyle.
const NPS_MEAN: [f64; 3] = [5.5, 8.0, 9.0];

/// Phrases of comments and reviews: [en, zh], the built-in theme they mention (`None`: none,
/// as the word is negated or absent) and whether they complain.
const PHRASES: [([&str; 2], Option<&str>, bool); 14] = [
    (["Delivery was fast", "物流很快"], Some("Delivery"), false),
    (["The parcel arrived late", "快递太慢了"], Some("Delivery"), true),
    (["Customer service was helpful", "客服很耐心"], Some("Service"), false),
    (["Customer service never replied", "客服不回复"], Some("Service"), true),
    (["Great quality", "质量很好"], Some("Quality"), false),
    (["The quality is poor", "质量太差"], Some("Quality"), true),
    (["Good value for the price", "性价比很高"], Some("Price"), false),
    (["Too expensive", "太贵了"], Some("Price"), true),
    (["The size was wrong", "尺码不对"], Some("Size"), true),
    (["Beautiful packaging", "包装很精美"], Some("Packaging"), false),
    (["The box was damaged", "包装破损"], Some("Packaging"), true),
    (["The refund took weeks", "退款太慢"], Some("After-sales"), true),
    (["Will buy again", "会回购"], None, false),
    (["Nothing was damaged", "没有破损"], None, false),
];

/// Review headers (Judge.me's export).
const REVIEW_HEADER: [&str; 10] = [
    "title",
    "body",
    "rating",
    "review_date",
    "source",
    "curated",
    "reviewer_name",
    "reviewer_email",
    "product_handle",
    "reply",
];

/// What the survey and reviews hold.
#[derive(Clone, Debug, Default, Serialize)]
pub struct FeedbackTruth {
    /// Survey responses.
    pub survey_responses: u64,
    /// Of them, by a customer of customers.csv.
    pub survey_linked: u64,
    /// Respondents per true lifestyle.
    pub lifestyles: [u64; 3],
    /// NPS answers, promoters (9–10) and detractors (0–6).
    pub nps: [u64; 3],
    /// Satisfaction answers and satisfied ones (4–5).
    pub csat: [u64; 2],
    /// Reviews.
    pub reviews: u64,
    /// Reviews by stars 1..=5.
    pub review_stars: [u64; 5],
    /// Written comments (survey comments and reviews).
    pub comments: u64,
    /// Comments per built-in theme they mention.
    pub theme_mentions: BTreeMap<&'static str, u64>,
}

/// Writes survey.csv and reviews.csv; returns their stats and truth.
pub fn write(
    cfg: &Config,
    people: &[Person],
    renderer: &Renderer,
    timeline: &Timeline,
) -> io::Result<(Vec<FileStat>, FeedbackTruth)> {
    let lang = cfg.lang.index();
    let mut rng = dist::rng(cfg.seed, Stream::Feedback);
    let mut truth = FeedbackTruth::default();
    let comment = |rng: &mut rand_chacha::ChaCha8Rng, complaint: bool, truth: &mut FeedbackTruth| {
        let pool: Vec<usize> = (0..PHRASES.len())
            .filter(|&k| PHRASES[k].2 == complaint || dist::unit(rng) < 0.15)
            .collect();
        let count = 1 + usize::from(dist::unit(rng) < 0.4);
        let mut chosen: Vec<usize> = (0..count)
            .map(|_| pool[dist::between(rng, 0, pool.len() as u32 - 1) as usize])
            .collect();
        chosen.dedup();
        let mut themes: Vec<&'static str> = chosen.iter().filter_map(|&k| PHRASES[k].1).collect();
        themes.sort_unstable();
        themes.dedup();
        truth.comments += 1;
        for t in themes {
            *truth.theme_mentions.entry(t).or_default() += 1;
        }
        let sep = if lang == 0 { ". " } else { "," };
        chosen.iter().map(|&k| PHRASES[k].0[lang]).collect::<Vec<_>>().join(sep)
    };

    let path = cfg.out_dir.join("survey.csv");
    let mut w = CsvWriter::create(&path, cfg)?;
    w.header(&SURVEY_HEADER[lang])?;
    let mut respondents: Vec<Option<String>> = people
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.guest)
        .filter_map(|(i, p)| {
            let chance = if p.buyer { 0.3 } else { 0.12 };
            (dist::unit(&mut rng) < chance).then(|| renderer.email(i)).flatten()
        })
        .map(Some)
        .collect();
    respondents.extend((0..15).map(|_| None));
    for (k, email) in respondents.iter().enumerate() {
        let style = dist::pick(&mut rng, &LIFESTYLES);
        truth.lifestyles[style] += 1;
        truth.survey_responses += 1;
        truth.survey_linked += u64::from(email.is_some());
        let answer = |rng: &mut rand_chacha::ChaCha8Rng, q: usize| {
            let favourite = FAVOURITE[style][q];
            if dist::unit(rng) < FAITHFUL {
                favourite
            } else {
                dist::between(rng, 0, CATEGORIES[q] as u32 - 1) as usize
            }
        };
        let nps = (NPS_MEAN[style] + 1.8 * dist::normal(&mut rng))
            .round()
            .clamp(0.0, 10.0) as u64;
        let satisfaction = (1.0 + nps as f64 * 0.4 + 0.6 * dist::normal(&mut rng))
            .round()
            .clamp(1.0, 5.0) as u64;
        truth.nps[0] += 1;
        truth.nps[1] += u64::from(nps >= 9);
        truth.nps[2] += u64::from(nps <= 6);
        truth.csat[0] += 1;
        truth.csat[1] += u64::from(satisfaction >= 4);
        let day = DAYS - 1 - dist::between(&mut rng, 0, 29);
        let seconds = dist::between(&mut rng, 8 * 3600, 22 * 3600);
        w.field_with(|s| push_form_time(s, timeline.ymd(day), seconds));
        w.field(email.as_deref().unwrap_or(&format!("visitor{k}@example.org")));
        w.field_with(|s| format::push_uint(s, nps, 1));
        w.field_with(|s| format::push_uint(s, satisfaction, 1));
        let choices = [
            answer(&mut rng, 0),
            answer(&mut rng, 1),
            answer(&mut rng, 2),
            answer(&mut rng, 3),
            answer(&mut rng, 4),
        ];
        w.field(MATTERS[lang][choices[0]]);
        w.field(SHOPS[lang][choices[1]]);
        w.field_with(|s| format::push_uint(s, choices[2] as u64 + 1, 1));
        w.field_with(|s| format::push_uint(s, choices[3] as u64 + 1, 1));
        w.field(WEEKENDS[lang][choices[4]]);
        if dist::unit(&mut rng) < 0.4 {
            let text = comment(&mut rng, nps <= 6, &mut truth);
            w.field(&text);
        } else {
            w.field("");
        }
        w.end_row()?;
    }
    let survey = FileStat {
        name: "survey.csv",
        rows: w.finish()?,
        bytes: std::fs::metadata(&path)?.len(),
    };

    let path = cfg.out_dir.join("reviews.csv");
    let mut w = CsvWriter::create(&path, cfg)?;
    w.header(&REVIEW_HEADER)?;
    for (i, _) in people.iter().enumerate().filter(|(_, p)| p.buyer && !p.guest) {
        if dist::unit(&mut rng) >= 0.2 {
            continue;
        }
        let Some(email) = renderer.email(i) else { continue };
        let stars = 1 + dist::pick(&mut rng, &[0.08, 0.07, 0.15, 0.30, 0.40]) as u64;
        truth.reviews += 1;
        truth.review_stars[stars as usize - 1] += 1;
        let body = comment(&mut rng, stars <= 2, &mut truth);
        let day = DAYS - 1 - dist::between(&mut rng, 0, 179);
        let seconds = dist::between(&mut rng, 0, 86_399);
        w.field("");
        w.field(&body);
        w.field_with(|s| format::push_uint(s, stars, 1));
        w.field_with(|s| {
            push_iso(s, timeline.ymd(day));
            s.push(' ');
            push_clock(s, seconds, 2);
            s.push_str(" UTC");
        });
        w.field("web");
        w.field("ok");
        w.field(email.split('@').next().unwrap_or(""));
        w.field(&email);
        w.field(["jasmine-tea", "ceramic-mug", "gift-box"][i % 3]);
        w.field("");
        w.end_row()?;
    }
    let reviews = FileStat {
        name: "reviews.csv",
        rows: w.finish()?,
        bytes: std::fs::metadata(&path)?.len(),
    };
    Ok((vec![survey, reviews], truth))
}

/// Google Forms' US timestamp: `6/3/2024 10:21:33`.
fn push_form_time(s: &mut String, d: Ymd, seconds: u32) {
    format::push_uint(s, d.month.into(), 1);
    s.push('/');
    format::push_uint(s, d.day.into(), 1);
    s.push('/');
    format::push_uint(s, d.year.into(), 4);
    s.push(' ');
    push_clock(s, seconds, 1);
}

fn push_iso(s: &mut String, d: Ymd) {
    format::push_uint(s, d.year.into(), 4);
    s.push('-');
    format::push_uint(s, d.month.into(), 2);
    s.push('-');
    format::push_uint(s, d.day.into(), 2);
}

/// `H:MM:SS` with the hour `hour_width` digits wide at least.
fn push_clock(s: &mut String, seconds: u32, hour_width: usize) {
    format::push_uint(s, (seconds / 3600).into(), hour_width);
    s.push(':');
    format::push_uint(s, (seconds / 60 % 60).into(), 2);
    s.push(':');
    format::push_uint(s, (seconds % 60).into(), 2);
}
