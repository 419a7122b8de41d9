//! Native benchmark of custom segments (docs/product.md#custom-segments-and-tags): five rules of the kind a
//! shop writes (ranges, labels, text, dates, membership of another segment)
//! applied in ordered exclusive mode to 150 k customers, and the live count of
//! one rule while it is edited. Budget: ≤ ~20 ms for a handful of rules.
//!
//! The shop is synthetic and deterministic: `cargo bench -p segscope-engine --bench rules`.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use segscope_engine::custom::rules::{
    assign, live_count, CmpOp, CustomSegments, Field, Mode, Node, RuleContext, SegmentRule, Test,
};
use segscope_engine::run;
use segscope_engine::settings::Settings;
use segscope_model::{Customers, Dataset, OrderStatus};
use std::hint::black_box;

/// `customers` customers with 0–14 orders each over three years, sources,
/// categories and signup dates for some.
fn shop(customers: u32) -> Dataset {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let n = customers as usize;
    let mut d = Dataset {
        customers: Customers::with_keys((0..n).map(|c| format!("C{c:06}")).collect()),
        sources: ["ads", "wechat", "store", "referral"].map(String::from).to_vec(),
        categories: ["apparel", "beauty", "tea", "home", "food"].map(String::from).to_vec(),
        ..Dataset::default()
    };
    for c in 0..customers {
        let r = next();
        d.customers
            .set_source(c as usize, (r % 5 < 4).then_some((r % 4) as u16));
        d.customers
            .set_signup(c as usize, (r % 3 == 0).then_some(18_600 + ((r >> 8) % 1_100) as i32));
        for _ in 0..next() % 15 {
            let r = next();
            let status = match r % 10 {
                0 => OrderStatus::Refunded,
                1 => OrderStatus::Cancelled,
                _ => OrderStatus::Paid,
            };
            let amount = 5.0 + ((r >> 20) % 40_000) as f64 / 100.0;
            d.orders.push_with_category(
                c,
                18_600 + ((r >> 4) % 1_100) as i32,
                amount,
                status,
                ((r >> 40) % 5) as u16,
            );
        }
    }
    d
}

fn cond(field: Field, test: Test) -> Node {
    Node::cond(field, test)
}

fn ge(value: f64) -> Test {
    Test::Cmp { op: CmpOp::Ge, value }
}

fn rules() -> CustomSegments {
    let segment = |name: &str, rule: Node| SegmentRule {
        name: name.into(),
        rule,
    };
    CustomSegments {
        mode: Mode::OrderedExclusive {
            other_name: "Other".into(),
        },
        segments: vec![
            segment(
                "VIP",
                Node::All(vec![
                    cond(Field::Revenue, ge(1_000.0)),
                    cond(
                        Field::RfmSegment,
                        Test::InList(vec!["Champions".into(), "忠诚客户".into()]),
                    ),
                ]),
            ),
            segment(
                "Lapsed big spenders",
                Node::All(vec![
                    cond(Field::Revenue, ge(500.0)),
                    Node::Not(Box::new(cond(Field::LastOrderDate, Test::WithinDays(180)))),
                ]),
            ),
            segment(
                "New from ads",
                Node::All(vec![
                    cond(Field::Source, Test::Equals("ads".into())),
                    cond(Field::FirstOrderDate, Test::WithinDays(90)),
                ]),
            ),
            segment(
                "Refunders",
                Node::All(vec![
                    cond(Field::Refunds, ge(2.0)),
                    cond(Field::Segment("VIP".into()), Test::IsEmpty),
                ]),
            ),
            segment(
                "Tea lovers",
                Node::Any(vec![
                    cond(Field::FavoriteCategory, Test::Equals("Tea".into())),
                    cond(Field::CustomerId, Test::Contains("c0777".into())),
                    cond(
                        Field::SignupDate,
                        Test::After(NaiveDate::from_ymd_opt(2022, 6, 1).unwrap_or_default()),
                    ),
                ]),
            ),
        ],
    }
}

fn bench_rules(c: &mut Criterion) {
    let dataset = shop(150_000);
    let analysis = run(&dataset, &Settings::default());
    let rules = rules();
    assert!(rules.validate().is_empty());
    let ctx = RuleContext::new(&dataset, &analysis, &rules);
    let mut group = c.benchmark_group("rules");
    group.sample_size(20);
    group.bench_function("assign_5_rules_150k", |b| b.iter(|| black_box(assign(black_box(&ctx)))));
    let edited = &rules.segments[0].rule;
    group.bench_function("live_count_150k", |b| {
        b.iter(|| black_box(live_count(&ctx, black_box(edited))))
    });
    group.finish();
}

criterion_group!(benches, bench_rules);
criterion_main!(benches);
