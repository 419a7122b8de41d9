//! NPS between survey waves (docs/product.md#surveys-and-feedback) on random
//! answers: the later-dated survey is the later wave whatever the reading
//! order; each customer who answered both is counted once in the cell of
//! their two groups (their latest answer in each wave), the others as
//! answering one wave only; and each cell's list is exactly its customers.

use proptest::prelude::*;
use segscope_engine::explore::CustomerQuery;
use segscope_engine::run;
use segscope_engine::settings::Settings;
use segscope_engine::survey::{NpsGroup, NpsMove};
use segscope_model::{Answer, Customers, Dataset, Question, QuestionKind, Survey};

fn wave(file: &str, day: i32, answers: &[(u32, u8)]) -> Survey {
    let question = Question {
        text: "How likely are you to recommend us?".into(),
        kind: QuestionKind::Nps,
        options: Vec::new(),
        scale: (0, 10),
    };
    let mut s = Survey::new(file, "Qualtrics", vec![question]);
    for (k, &(c, score)) in answers.iter().enumerate() {
        s.push_response(Some(c), Some(day + k as i32 % 3), vec![Answer::Score(score)]);
    }
    s
}

/// The latest answer of each customer in one wave (responses are dated in order, so the last wins on ties).
fn latest(answers: &[(u32, u8)], n: usize) -> Vec<Option<NpsGroup>> {
    let mut out = vec![None; n];
    let mut when = vec![i32::MIN; n];
    for (k, &(c, s)) in answers.iter().enumerate() {
        let day = k as i32 % 3;
        if day >= when[c as usize] {
            out[c as usize] = Some(NpsGroup::of(s));
            when[c as usize] = day;
        }
    }
    out
}

proptest! {
    #[test]
    fn moves_count_each_customer_once(
        n in 1usize..25,
        first in prop::collection::vec((0u32..25, 0u8..=10), 0..40),
        second in prop::collection::vec((0u32..25, 0u8..=10), 0..40),
        later_first in any::<bool>(),
    ) {
        let clip = |v: Vec<(u32, u8)>| v.into_iter().filter(|(c, _)| (*c as usize) < n).collect::<Vec<_>>();
        let (first, second) = (clip(first), clip(second));
        let mut d = Dataset {
            customers: Customers::with_keys((0..n).map(|i| format!("c{i}")).collect()),
            ..Dataset::default()
        };
        // The June wave is read first or second: time decides which is earlier.
        let (june, july) = (wave("june.csv", 100, &first), wave("july.csv", 130, &second));
        d.surveys = if later_first { vec![july, june] } else { vec![june, july] };
        let a = run(&d, &Settings::default());
        let both_asked = !first.is_empty() && !second.is_empty();
        prop_assert_eq!(a.summary.nps_waves.len(), usize::from(both_asked));
        let Some(w) = a.summary.nps_waves.first() else { return Ok(()) };
        let (june_at, july_at) = if later_first { (1, 0) } else { (0, 1) };
        prop_assert_eq!((w.from, w.to), (june_at, july_at));
        let (x, y) = (latest(&first, n), latest(&second, n));
        for (i, from) in NpsGroup::ALL.iter().enumerate() {
            for (j, to) in NpsGroup::ALL.iter().enumerate() {
                let want: Vec<u32> = (0..n).filter(|&c| x[c] == Some(*from) && y[c] == Some(*to)).map(|c| c as u32).collect();
                prop_assert_eq!(w.moves[i][j], want.len() as u64);
                let q = CustomerQuery {
                    nps_move: Some(NpsMove { from_survey: w.from, to_survey: w.to, from: *from, to: *to }),
                    ..CustomerQuery::default()
                };
                let mut got = q.matching(&d, &a);
                got.sort_unstable();
                prop_assert_eq!(got, want);
            }
        }
        prop_assert_eq!(w.only_from, (0..n).filter(|&c| x[c].is_some() && y[c].is_none()).count() as u64);
        prop_assert_eq!(w.only_to, (0..n).filter(|&c| x[c].is_none() && y[c].is_some()).count() as u64);
    }
}
