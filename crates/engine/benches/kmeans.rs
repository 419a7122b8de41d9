//! Native benchmark of K-means clusters (docs/product.md#clusters): 150 k synthetic buyers,
//! k chosen automatically (fits and silhouettes for k = 2…8 on the 3,000-buyer
//! sample, then the chosen fit on everyone). Budget: ≤ 1 s in the browser,
//! i.e. about ≤ 300 ms here (wasm runs 2–3× slower).
//! `cargo bench -p segscope-engine --bench kmeans`.

use criterion::{criterion_group, criterion_main, Criterion};
use segscope_engine::kmeans::{cluster, KmeansSettings};
use segscope_engine::{CustomerMetrics, Headline};
use std::hint::black_box;

/// `n` buyers from a few overlapping behaviour groups (xorshift noise).
fn buyers(n: usize) -> CustomerMetrics {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x >> 11) as f64 / (1u64 << 53) as f64
    };
    let customers: Vec<Headline> = (0..n)
        .map(|i| {
            // (typical recency days, orders, revenue) of four groups.
            let (days, orders, revenue) = [
                (10.0, 8.0, 900.0),
                (60.0, 3.0, 250.0),
                (200.0, 1.5, 80.0),
                (500.0, 1.0, 30.0),
            ][i % 4];
            let spread = |typical: f64, u: f64| typical * (0.3 + 1.4 * u);
            Headline {
                recency_days: Some(spread(days, next()) as i32),
                orders: spread(orders, next()).round().max(1.0) as u32,
                revenue: (spread(revenue, next()) * 100.0).round() / 100.0,
            }
        })
        .collect();
    CustomerMetrics::from_headlines(10_000, customers)
}

fn kmeans(c: &mut Criterion) {
    let metrics = buyers(150_000);
    let all = metrics.buyers();
    let settings = KmeansSettings::default();
    let mut group = c.benchmark_group("kmeans");
    group.sample_size(10);
    group.bench_function("150k_buyers_auto_k", |b| {
        b.iter(|| cluster(black_box(&metrics), black_box(&all), &settings, 5))
    });
    group.finish();
}

criterion_group!(benches, kmeans);
criterion_main!(benches);
