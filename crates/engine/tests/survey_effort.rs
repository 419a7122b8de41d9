//! The effort question (docs/product.md#surveys-and-feedback): a rating that
//! names ease or effort is scored as CES (share in its top two points), is
//! never taken for the satisfaction question, and does not define the
//! psychographic classes.

use segscope_engine::run;
use segscope_engine::settings::Settings;
use segscope_engine::survey::lca::psychographics;
use segscope_model::{Answer, Customers, Dataset, Question, QuestionKind, Survey};

fn rating(text: &str, scale: (u8, u8)) -> Question {
    Question {
        text: text.into(),
        kind: QuestionKind::Rating,
        options: Vec::new(),
        scale,
    }
}

#[test]
fn effort_is_scored_apart_from_satisfaction() {
    let questions = vec![
        rating("How easy was it to find what you needed?", (1, 5)),
        rating("Rate your last order", (1, 5)),
        rating("服务人员态度", (1, 5)),
    ];
    let mut survey = Survey::new("after-purchase.csv", "", questions);
    // Effort answers 1..=5 in turn: 2 of every 5 are easy (4 or 5).
    for i in 0..60u8 {
        let answers = vec![
            Answer::Score(1 + i % 5),
            Answer::Score(1 + (i / 3) % 5),
            Answer::Score(3),
        ];
        survey.push_response(Some(u32::from(i % 20)), None, answers);
    }
    let dataset = Dataset {
        customers: Customers::with_keys((0..20).map(|i| format!("c{i}")).collect()),
        surveys: vec![survey],
        ..Dataset::default()
    };
    let a = run(&dataset, &Settings::default());
    let stats = &a.summary.surveys[0];
    let ces = stats.ces.as_ref().expect("an effort question");
    assert_eq!(ces.question, 0);
    assert_eq!((ces.overall.score.n, ces.overall.score.top), (60, 24));
    // The 1–5 rating that is not about effort is the satisfaction question.
    assert_eq!(stats.csat.as_ref().map(|t| t.question), Some(1));
    // Classes read the other two ratings only, not the effort one: two items are too few.
    let p = psychographics(&dataset);
    assert!(
        matches!(
            p,
            Err(segscope_engine::survey::lca::LcaProblem::TooFewItems { items: 2 })
        ),
        "{p:?}"
    );
}
