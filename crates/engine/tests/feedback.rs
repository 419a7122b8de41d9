//! Feedback themes on random shops and random reviews
//! (docs/product.md#feedback-and-reviews): reviews are written from phrases
//! whose theme this test knows (some negated, so they mention nothing), with
//! random stars and reviewers. Every review counts once by tone; a theme's
//! mentions are the reviews holding one of its phrases, counted here; each
//! linked review counts in exactly one value tier and one lifecycle stage;
//! each customer's themes are those of their reviews; the explorer's theme
//! filter and a custom rule on the themes keep exactly them, and rules on
//! the satisfaction rating pick the customers whose latest rating passes.

mod common;

use proptest::prelude::*;
use segscope_engine::custom::rules::{matching, CmpOp, CustomSegments, Field, Node, RuleContext, Test};
use segscope_engine::explore::CustomerQuery;
use segscope_engine::feedback::Sentiment;
use segscope_engine::run;
use segscope_engine::settings::Settings;
use segscope_model::{Answer, Customers, Dataset, Question, QuestionKind, Survey};

/// Phrases and the theme each mentions (position in the default dictionary;
/// `None`: no theme, as the word is negated or absent).
const PHRASES: &[(&str, Option<usize>)] = &[
    ("物流很快", Some(0)),
    ("the courier was late", Some(0)),
    ("客服态度好", Some(1)),
    ("great quality", Some(2)),
    ("质量一般", Some(2)),
    ("too expensive", Some(3)),
    ("一点都不贵", None),
    ("the size is wrong", Some(4)),
    ("包装完好", Some(5)),
    ("没有破损", None),
    ("it was not damaged", None),
    ("asked for a refund", Some(6)),
    ("thanks", None),
];

fn question(text: &str, kind: QuestionKind, scale: (u8, u8)) -> Question {
    Question {
        text: text.into(),
        kind,
        options: Vec::new(),
        scale,
    }
}

/// A review: (reviewer or a stranger, stars or none, phrases).
type Review = (Option<u32>, Option<u8>, Vec<usize>);

fn shop() -> impl Strategy<Value = (Dataset, Vec<Review>)> {
    let order = ((0usize..30, 0i32..900, 1u32..50_000, 0u8..8), 0u16..4);
    let review = (
        prop::option::of(0u32..40),
        prop::option::of(1u8..=5),
        prop::collection::vec(0..PHRASES.len(), 0..4),
    );
    (
        1usize..30,
        prop::collection::vec(order, 0..120),
        prop::collection::vec(review, 1..80),
    )
        .prop_map(|(n, orders, reviews)| {
            let mut d = Dataset {
                customers: Customers::with_keys((0..n).map(|i| format!("c{i}")).collect()),
                ..Dataset::default()
            };
            common::push_orders(&mut d, orders);
            let questions = vec![
                question("Rating", QuestionKind::Rating, (1, 5)),
                question("Review", QuestionKind::FreeText, (0, 0)),
            ];
            let mut survey = Survey::new("reviews.csv", "Reviews", questions);
            let reviews: Vec<Review> = reviews
                .into_iter()
                .map(|(c, stars, phrases)| (c.filter(|&c| (c as usize) < n), stars, phrases))
                .collect();
            for (customer, stars, phrases) in &reviews {
                let text: Vec<&str> = phrases.iter().map(|&p| PHRASES[p].0).collect();
                let text = if text.is_empty() {
                    Answer::Missing
                } else {
                    Answer::Text(text.join(", "))
                };
                survey.push_response(
                    *customer,
                    None,
                    vec![stars.map_or(Answer::Missing, Answer::Score), text],
                );
            }
            d.surveys.push(survey);
            (d, reviews)
        })
}

/// The themes of a review's phrases, as bits.
fn bits(phrases: &[usize]) -> u32 {
    phrases
        .iter()
        .filter_map(|&p| PHRASES[p].1)
        .fold(0, |b, t| b | (1 << t))
}

fn tone(stars: Option<u8>) -> Sentiment {
    match stars {
        Some(4..) => Sentiment::Positive,
        Some(3) => Sentiment::Neutral,
        Some(_) => Sentiment::Negative,
        None => Sentiment::Unknown,
    }
}

proptest! {
    #[test]
    fn themes_and_tones_are_counted_once(case in shop()) {
        let (d, reviews) = case;
        let a = run(&d, &Settings::default());
        let written: Vec<&Review> = reviews.iter().filter(|r| !r.2.is_empty()).collect();
        let Some(f) = a.summary.feedback.as_ref() else {
            prop_assert!(written.is_empty());
            return Ok(());
        };
        prop_assert_eq!(f.texts, written.len() as u64);
        prop_assert_eq!(f.linked, written.iter().filter(|r| r.0.is_some()).count() as u64);
        for s in Sentiment::ALL {
            prop_assert_eq!(f.sentiment[s.index()], written.iter().filter(|r| tone(r.1) == s).count() as u64);
        }
        prop_assert_eq!(f.untagged, written.iter().filter(|r| bits(&r.2) == 0).count() as u64);
        for (t, theme) in f.themes.iter().enumerate() {
            let mentioning: Vec<&&Review> = written.iter().filter(|r| bits(&r.2) & (1 << t) != 0).collect();
            prop_assert_eq!(theme.mentions, mentioning.len() as u64, "{}", theme.name);
            prop_assert_eq!(theme.sentiment.iter().sum::<u64>(), theme.mentions);
            let mut who: Vec<u32> = mentioning.iter().filter_map(|r| r.0).collect();
            who.sort_unstable();
            who.dedup();
            prop_assert_eq!(theme.customers, who.len() as u64);
            prop_assert!(theme.quotes.len() <= 3 && theme.quotes.len() as u64 <= theme.mentions);
            // Each linked mention in exactly one tier and one stage.
            let linked = mentioning.iter().filter(|r| r.0.is_some()).count() as u64;
            prop_assert_eq!(f.by_tier.iter().map(|g| g.mentions[t]).sum::<u64>(), linked);
            prop_assert_eq!(f.by_stage.iter().map(|g| g.mentions[t]).sum::<u64>(), linked);
        }
        prop_assert_eq!(f.by_tier.iter().map(|g| g.texts).sum::<u64>(), f.linked);
        // Each customer's themes, and the explorer's theme filter.
        for t in 0..f.themes.len() {
            let mut want: Vec<u32> = written.iter().filter(|r| bits(&r.2) & (1 << t) != 0).filter_map(|r| r.0).collect();
            want.sort_unstable();
            want.dedup();
            let q = CustomerQuery { theme: Some(t as u8), ..CustomerQuery::default() };
            let mut got = q.matching(&d, &a);
            got.sort_unstable();
            prop_assert_eq!(&got, &want);
            let rules = CustomSegments::default();
            let ctx = RuleContext::new(&d, &a, &rules);
            let rule = Node::cond(Field::Themes, Test::Equals(f.themes[t].name.to_lowercase()));
            let by_rule: Vec<u32> = matching(&ctx, &rule).ones().map(|i| i as u32).collect();
            prop_assert_eq!(by_rule, want);
        }
        // The latest rating of each reviewer (no dates: the one read last).
        let mut latest: Vec<Option<u8>> = vec![None; d.customers.len()];
        for (c, stars, _) in &reviews {
            if let (Some(c), Some(s)) = (c, stars) {
                latest[*c as usize] = Some(*s);
            }
        }
        let rules = CustomSegments::default();
        let ctx = RuleContext::new(&d, &a, &rules);
        let low = Node::cond(Field::Csat, Test::Cmp { op: CmpOp::Le, value: 2.0 });
        let got: Vec<usize> = matching(&ctx, &low).ones().collect();
        let want: Vec<usize> = (0..latest.len()).filter(|&c| latest[c].is_some_and(|s| s <= 2)).collect();
        prop_assert_eq!(got, want);
    }
}
