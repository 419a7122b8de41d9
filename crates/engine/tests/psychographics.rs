//! Psychographic classes on generated populations with known classes
//! (docs/product.md#psychographic-classes): the number of classes is found,
//! respondents are put back in their class, the result does not depend on
//! the order of the responses, and a population of one kind gets one class.

use segscope_engine::survey::lca::{adjusted_rand_index, psychographics, LcaProblem};
use segscope_model::{Answer, Customers, Dataset, Question, QuestionKind, Survey};

/// A small deterministic generator (xorshift64*), independent of the engine's.
struct Rng(u64);

impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index drawn with the given probabilities.
    fn pick(&mut self, p: &[f64]) -> usize {
        let mut u = self.unit();
        for (i, &q) in p.iter().enumerate() {
            if u < q {
                return i;
            }
            u -= q;
        }
        p.len() - 1
    }
}

fn question(text: &str, kind: QuestionKind, options: &[&str], scale: (u8, u8)) -> Question {
    Question {
        text: text.into(),
        kind,
        options: options.iter().map(|o| o.to_string()).collect(),
        scale,
    }
}

/// Three lifestyles: the answer each class favours on each question.
const FAVOURITE: [[usize; 7]; 3] = [[0, 0, 0, 4, 4, 0, 1], [1, 2, 1, 0, 2, 2, 0], [3, 3, 2, 2, 0, 4, 1]];
const SHARES: [f64; 3] = [0.5, 0.3, 0.2];

/// A survey of `n` responses from `classes` (a prefix of the three
/// lifestyles), each favoured answer drawn with probability 0.65, 5 % of
/// answers missing; returns the dataset, each response's true class and
/// the class the true probabilities make most likely (the best any method
/// can do).
fn population(n: usize, classes: usize, seed: u64) -> (Dataset, Vec<usize>, Vec<usize>) {
    let options = ["Price", "Quality", "Brand", "Eco", "Speed"];
    let questions = vec![
        question(
            "What matters most when you buy?",
            QuestionKind::SingleChoice,
            &options[..4],
            (0, 0),
        ),
        question(
            "How do you shop?",
            QuestionKind::SingleChoice,
            &["Online", "Mall", "Local", "Mixed"],
            (0, 0),
        ),
        question(
            "Weekend plans?",
            QuestionKind::SingleChoice,
            &["Outdoors", "Home", "Friends"],
            (0, 0),
        ),
        question("I follow fashion trends", QuestionKind::Rating, &[], (1, 5)),
        question("I compare prices before buying", QuestionKind::Rating, &[], (1, 5)),
        question("Preferred channel", QuestionKind::SingleChoice, &options, (0, 0)),
        question("Which do you own?", QuestionKind::MultiChoice, &["Car", "Pet"], (0, 0)),
        question("How likely are you to recommend us?", QuestionKind::Nps, &[], (0, 10)),
    ];
    let categories = [4, 4, 3, 5, 5, 5, 2];
    let mut survey = Survey::new("lifestyle.csv", "Qualtrics", questions);
    let mut rng = Rng(seed | 1);
    let shares: Vec<f64> = SHARES[..classes]
        .iter()
        .map(|s| s / SHARES[..classes].iter().sum::<f64>())
        .collect();
    let mut truth = Vec::new();
    let mut best = Vec::new();
    let probability = |class: usize, q: usize, a: usize| {
        let c = categories[q];
        if a == FAVOURITE[class][q] {
            0.65
        } else {
            0.35 / (c - 1) as f64
        }
    };
    for r in 0..n {
        let class = rng.pick(&shares);
        truth.push(class);
        let mut answers = Vec::new();
        let mut likelihood = shares.clone();
        for (q, &c) in categories.iter().enumerate() {
            let favourite = FAVOURITE[class][q];
            let p: Vec<f64> = (0..c)
                .map(|a| if a == favourite { 0.65 } else { 0.35 / (c - 1) as f64 })
                .collect();
            let a = rng.pick(&p);
            let missing = rng.unit() < 0.05;
            if !missing {
                for (k, l) in likelihood.iter_mut().enumerate() {
                    *l *= probability(k, q, a);
                }
            }
            answers.push(match (missing, q) {
                (true, _) => Answer::Missing,
                (false, 3 | 4) => Answer::Score(a as u8 + 1),
                // Owns the car, the pet, or both.
                (false, 6) => Answer::Options(if a == 0 { 1 } else { 3 }),
                (false, _) => Answer::Choice(a as u16),
            });
        }
        best.push((0..classes).fold(0, |m, k| if likelihood[k] > likelihood[m] { k } else { m }));
        answers.push(Answer::Score([10, 7, 3][class]));
        survey.push_response(Some(r as u32), Some(r as i32 % 90), answers);
    }
    let dataset = Dataset {
        customers: Customers::with_keys((0..n).map(|i| format!("c{i}")).collect()),
        surveys: vec![survey],
        ..Dataset::default()
    };
    (dataset, truth, best)
}

#[test]
fn three_known_classes_are_found_and_recovered() {
    let (dataset, truth, best) = population(1500, 3, 42);
    let p = psychographics(&dataset).expect("classes");
    let s = &p.summary;
    assert_eq!(s.classes.len(), 3, "BIC by k: {:?}", s.bic_by_k);
    assert_eq!(s.items, 8, "six questions and two options; NPS left out");
    assert_eq!(s.responses, 1500);
    let assigned: Vec<usize> = p
        .customer_class
        .iter()
        .map(|c| usize::from(c.expect("classified")))
        .collect();
    // Classes overlap, so even the true probabilities misplace some
    // respondents: the fit must come close to that and agree with it.
    let ari = adjusted_rand_index(&truth, &assigned);
    let ceiling = adjusted_rand_index(&truth, &best);
    assert!(
        ari > ceiling - 0.03,
        "agreement with the true classes {ari}, best possible {ceiling}"
    );
    assert!(adjusted_rand_index(&best, &assigned) > 0.9);
    assert!(s.stability > 0.95, "stability {}", s.stability);
    for (class, share) in s.classes.iter().zip(SHARES) {
        assert!((class.share - share).abs() < 0.05, "{} vs {share}", class.share);
    }
    // The largest class's traits are answers it favours; its NPS is its promoters'.
    let favoured = ["Price", "Online", "Outdoors", "5", "Pet"];
    assert!(!s.classes[0].traits.is_empty());
    for t in &s.classes[0].traits {
        assert!(favoured.contains(&t.answer.as_str()), "{t:?}");
        assert!(t.share > 0.55 && t.overall < 0.45, "{t:?}");
    }
    let nps: Vec<f64> = s.classes.iter().map(|c| c.nps.expect("NPS asked").value).collect();
    assert!(
        nps[0] > 80.0 && nps[0] > nps[1] && nps[1] > nps[2] && nps[2] < -70.0,
        "{nps:?}"
    );
    let responses: u64 = s.classes.iter().map(|c| c.responses).sum();
    assert_eq!(responses, 1500, "every response in exactly one class");
}

#[test]
fn the_order_of_responses_does_not_matter() {
    let (dataset, _, _) = population(800, 3, 7);
    let survey = &dataset.surveys[0];
    // The same responses backwards.
    let mut reversed = Survey::new(survey.file(), survey.tool(), survey.questions().to_vec());
    for r in (0..survey.len()).rev() {
        let answers = (0..survey.questions().len())
            .map(|q| match survey.answers(q).expect("column") {
                segscope_model::AnswerColumn::Scores(v) => v[r].map_or(Answer::Missing, Answer::Score),
                segscope_model::AnswerColumn::Choices(v) => v[r].map_or(Answer::Missing, Answer::Choice),
                segscope_model::AnswerColumn::Options(v) => Answer::Options(v[r]),
                segscope_model::AnswerColumn::Texts(_) => Answer::Missing,
            })
            .collect();
        reversed.push_response(survey.customer()[r], survey.day()[r], answers);
    }
    let backwards = Dataset {
        surveys: vec![reversed],
        ..dataset.clone()
    };
    let a = psychographics(&dataset).expect("classes");
    let b = psychographics(&backwards).expect("classes");
    assert_eq!(a, b);
}

#[test]
fn one_kind_of_respondent_is_one_class() {
    let (dataset, _, _) = population(600, 1, 3);
    let p = psychographics(&dataset).expect("a fit");
    assert_eq!(p.summary.classes.len(), 1, "BIC by k: {:?}", p.summary.bic_by_k);
    assert_eq!(p.summary.stability, 1.0);
}

#[test]
fn too_little_to_classify_is_said() {
    assert_eq!(psychographics(&Dataset::default()), Err(LcaProblem::NoSurvey));
    let (dataset, _, _) = population(30, 2, 1);
    assert_eq!(
        psychographics(&dataset),
        Err(LcaProblem::TooFewResponses { responses: 30 })
    );
    let mut few = dataset.clone();
    let questions = few.surveys[0].questions()[..2].to_vec();
    few.surveys = vec![Survey::new("two.csv", "", questions)];
    assert_eq!(psychographics(&few), Err(LcaProblem::TooFewItems { items: 2 }));
}
