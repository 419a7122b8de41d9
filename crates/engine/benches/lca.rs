//! Native benchmark of the psychographic classes (docs/product.md#psychographic-classes): a
//! survey of 20,000 responses to ten questions (single choice, agreement scales, a
//! four-option multiple choice) from four lifestyles; fitted on the 5,000-response sample,
//! 1–6 classes with ten starts each, three refits for stability, every response classified.
//! `cargo bench -p segscope-engine --bench lca`.

use criterion::{criterion_group, criterion_main, Criterion};
use segscope_engine::survey::lca::psychographics;
use segscope_model::{Answer, Customers, Dataset, Question, QuestionKind, Survey};
use std::hint::black_box;

fn question(text: &str, kind: QuestionKind, options: usize, scale: (u8, u8)) -> Question {
    Question {
        text: text.into(),
        kind,
        options: (0..options).map(|o| format!("option {o}")).collect(),
        scale,
    }
}

/// `n` responses, each from one of four lifestyles favouring their own answers.
fn survey(n: usize) -> Dataset {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut questions: Vec<Question> = (0..5)
        .map(|q| question(&format!("Choice {q}?"), QuestionKind::SingleChoice, 4, (0, 0)))
        .collect();
    questions.extend((0..4).map(|q| question(&format!("Agree {q}"), QuestionKind::Rating, 0, (1, 5))));
    questions.push(question("Which do you own?", QuestionKind::MultiChoice, 4, (0, 0)));
    let mut s = Survey::new("bench.csv", "", questions);
    for r in 0..n {
        let style = r % 4;
        let pick = |c: usize, u: f64, v: f64| {
            if u < 0.65 {
                (style + c) % c
            } else {
                (v * c as f64) as usize % c
            }
        };
        let mut answers: Vec<Answer> = (0..5).map(|_| Answer::Choice(pick(4, next(), next()) as u16)).collect();
        answers.extend((0..4).map(|_| Answer::Score(1 + pick(5, next(), next()) as u8)));
        answers.push(Answer::Options(1 + (1 << (style % 4)) as u64 % 15));
        s.push_response(Some(r as u32), None, answers);
    }
    Dataset {
        customers: Customers::with_keys((0..n).map(|i| format!("c{i}")).collect()),
        surveys: vec![s],
        ..Dataset::default()
    }
}

fn bench(c: &mut Criterion) {
    let dataset = survey(20_000);
    let mut group = c.benchmark_group("lca");
    group.sample_size(10);
    group.bench_function("20k responses, 10 questions", |b| {
        b.iter(|| black_box(psychographics(black_box(&dataset))))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
