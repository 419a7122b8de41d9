//! Native benchmarks of the engine (docs/product.md#budgets): CSV bytes → Dataset (ingest
//! throughput, budget ≥ 250 MB/s on one core) and Dataset → Analysis
//! (re-segmentation, budget ≤ 200 ms for 150 k customers in the browser),
//! both on orders grouped by customer as generated and, as after a settings
//! change on a real export, on orders in no particular order.
//!
//! The input is a synthetic orders file shaped like a real export (ids,
//! timestamps, amounts, statuses, categories, currency), made in memory so the
//! benchmark needs no files: `cargo bench -p segscope-engine`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use segscope_engine as analyze;
use segscope_engine::settings::{PointsSource, Settings};
use segscope_ingest::{read_file, sniff, DatasetBuilder, SNIFF_BYTES};
use segscope_model::{Dataset, Orders};
use std::fmt::Write;
use std::hint::black_box;

/// A deterministic orders CSV: `customers` customers, ~7.3 orders each.
fn orders_csv(customers: u32) -> Vec<u8> {
    let statuses = [
        "completed",
        "completed",
        "paid",
        "completed",
        "paid",
        "refunded",
        "cancelled",
    ];
    let categories = [
        "apparel",
        "beauty",
        "electronics",
        "home",
        "food",
        "sports",
        "books",
        "toys",
    ];
    let mut out = String::from("order_id,customer_id,order_date,amount,status,category,quantity,channel,currency\n");
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut order_id = 1_000_000u64;
    for c in 0..customers {
        let orders = next() % 15;
        for _ in 0..orders {
            order_id += 1;
            let r = next();
            let day = 1 + r % 28;
            let month = 1 + (r >> 8) % 12;
            let year = 2022 + (r >> 16) % 3;
            let cents = 500 + (r >> 20) % 40_000;
            let _ = writeln!(
                out,
                "{order_id},C{c:06},{year}-{month:02}-{day:02} {:02}:{:02}:{:02},{}.{:02},{},{},{},web,USD",
                (r >> 32) % 24,
                (r >> 40) % 60,
                (r >> 48) % 60,
                cents / 100,
                cents % 100,
                statuses[(r >> 24) as usize % statuses.len()],
                categories[(r >> 28) as usize % categories.len()],
                1 + (r >> 36) % 3,
            );
        }
    }
    out.into_bytes()
}

fn ingest(bytes: &[u8]) -> DatasetBuilder {
    let prefix = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let schema = sniff("orders.csv", prefix, bytes.len() <= SNIFF_BYTES).expect("sniff");
    let mut builder = DatasetBuilder::new();
    read_file(schema, bytes, &mut builder).expect("read");
    builder
}

fn bench_ingest(c: &mut Criterion) {
    let bytes = orders_csv(40_000);
    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.sample_size(10);
    group.bench_with_input(BenchmarkId::new("orders_csv", bytes.len()), &bytes, |b, bytes| {
        b.iter(|| black_box(ingest(bytes)))
    });
    group.finish();
}

/// The same orders in a deterministic pseudo-random order (Fisher–Yates), so
/// that neither customers nor dates come in runs.
fn shuffled(dataset: &Dataset) -> Dataset {
    let o = &dataset.orders;
    let mut order: Vec<usize> = (0..o.len()).collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..order.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        order.swap(i, (x % (i as u64 + 1)) as usize);
    }
    let mut orders = Orders::default();
    for k in order {
        orders.push_with_category(
            o.customer()[k],
            o.day()[k],
            o.amount()[k],
            o.status()[k],
            o.category()[k],
        );
    }
    Dataset {
        orders,
        ..dataset.clone()
    }
}

/// Settings a user might change: scale 4, a fixed active window, points from revenue × 2.
fn changed_settings() -> Settings {
    let mut s = Settings::default();
    s.rfm.scale = 4;
    s.lifecycle.active_window_days = Some(120);
    s.membership.points_source = PointsSource::Revenue;
    s.membership.points_per_currency_unit = 2.0;
    s
}

fn bench_analyze(c: &mut Criterion) {
    let (dataset, _) = ingest(&orders_csv(150_000)).finish();
    let mixed = shuffled(&dataset);
    let settings = Settings::default();
    let changed = changed_settings();
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    group.bench_function("150k_customers", |b| {
        b.iter(|| black_box(analyze::run(&dataset, &settings)))
    });
    group.bench_function("resegment_150k_shuffled", |b| {
        b.iter(|| black_box(analyze::run(&mixed, &changed)))
    });
    group.finish();
}

criterion_group!(benches, bench_ingest, bench_analyze);
criterion_main!(benches);
