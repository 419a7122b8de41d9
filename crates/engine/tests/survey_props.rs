//! Survey scores by segment on random shops and random answers
//! (docs/product.md#surveys-and-feedback): every linked answer counts in
//! exactly one value tier and one lifecycle stage (and in one RFM segment
//! when its customer has one), the overall counts every answer, linked or
//! not, and each group's figures equal a count made here from the labels.

mod common;

use proptest::prelude::*;
use segscope_engine::run;
use segscope_engine::settings::Settings;
use segscope_engine::survey::{GroupScore, SurveyGroup};
use segscope_model::{Answer, Customers, Dataset, Question, QuestionKind, Survey};

fn question(text: &str, kind: QuestionKind, scale: (u8, u8)) -> Question {
    Question {
        text: text.into(),
        kind,
        options: Vec::new(),
        scale,
    }
}

/// A shop with a survey: (customer or none, NPS 0–10 or none, satisfaction 1–5 or none) per response.
fn shop() -> impl Strategy<Value = Dataset> {
    let order = ((0usize..40, 0i32..900, 1u32..50_000, 0u8..8), 0u16..4);
    let response = (
        prop::option::of(0u32..50),
        prop::option::of(0u8..=10),
        prop::option::of(1u8..=5),
    );
    (
        1usize..40,
        prop::collection::vec(order, 0..150),
        prop::collection::vec(response, 0..120),
    )
        .prop_map(|(n, orders, responses)| {
            let mut d = Dataset {
                customers: Customers::with_keys((0..n).map(|i| format!("c{i}")).collect()),
                ..Dataset::default()
            };
            common::push_orders(&mut d, orders);
            let questions = vec![
                question("How likely are you to recommend us?", QuestionKind::Nps, (0, 10)),
                question("How satisfied are you?", QuestionKind::Rating, (1, 5)),
            ];
            let mut survey = Survey::new("s.csv", "Qualtrics", questions);
            for (customer, nps, sat) in responses {
                // Customers beyond the shop's are strangers: not linked.
                let customer = customer.filter(|&c| (c as usize) < n);
                let score = |s: Option<u8>| s.map_or(Answer::Missing, Answer::Score);
                survey.push_response(customer, None, vec![score(nps), score(sat)]);
            }
            d.surveys.push(survey);
            d
        })
}

fn answers(groups: &[GroupScore]) -> u64 {
    groups.iter().map(|g| g.score.n).sum()
}

proptest! {
    #[test]
    fn every_linked_answer_counts_once_per_scheme(d in shop()) {
        let a = run(&d, &Settings::default());
        let survey = &d.surveys[0];
        let stats = &a.summary.surveys[0];
        prop_assert_eq!(stats.responses, survey.len() as u64);
        let linked = survey.customer().iter().filter(|c| c.is_some()).count() as u64;
        prop_assert_eq!(stats.linked, linked);
        let Some(segscope_model::AnswerColumn::Scores(nps)) = survey.answers(0) else { panic!("scores") };
        let nps_table = stats.nps.as_ref().expect("NPS table");
        let answered = nps.iter().filter(|s| s.is_some()).count() as u64;
        prop_assert_eq!(nps_table.overall.score.n, answered);
        let linked_answers: Vec<(u32, u8)> = survey
            .customer()
            .iter()
            .zip(nps)
            .filter_map(|(c, s)| Some(((*c)?, (*s)?)))
            .collect();
        prop_assert_eq!(answers(&nps_table.by_tier), linked_answers.len() as u64);
        prop_assert_eq!(answers(&nps_table.by_stage), linked_answers.len() as u64);
        let with_segment = linked_answers.iter().filter(|(c, _)| a.labels.segment()[*c as usize].is_some()).count();
        prop_assert_eq!(answers(&nps_table.by_segment), with_segment as u64);
        // Each tier's promoters and detractors, counted here from the labels.
        let tiers = a.summary.tiers.len();
        for group in &nps_table.by_tier {
            let SurveyGroup::Tier(t) = group.group else { panic!("tier group") };
            let mine: Vec<u8> = linked_answers
                .iter()
                .filter(|(c, _)| a.labels.tier()[*c as usize].map_or(tiers - 1, |x| x as usize) == t)
                .map(|(_, s)| *s)
                .collect();
            prop_assert_eq!(group.score.n, mine.len() as u64);
            prop_assert_eq!(group.score.top, mine.iter().filter(|&&s| s >= 9).count() as u64);
            prop_assert_eq!(group.score.bottom, mine.iter().filter(|&&s| s <= 6).count() as u64);
            prop_assert!(group.score.low <= group.score.high);
            prop_assert!(group.response_rate >= 0.0 && group.response_rate <= 1.0);
        }
        let csat = stats.csat.as_ref().expect("CSAT table");
        prop_assert!(csat.overall.score.value >= 0.0 && csat.overall.score.value <= 100.0);
    }
}
