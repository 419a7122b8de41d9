//! Native benchmark of the CLV fit (docs/product.md#predicted-lifetime-value: ≤ 2 s in the browser for
//! 150 k customers, so ≤ ~400 ms natively): BG/NBD and Gamma-Gamma fits plus
//! every customer's P(alive), purchases and CLV over 12 months, on a
//! synthetic dataset drawn from a BG/NBD-like process (made in memory):
//! `cargo bench -p segscope-engine --bench clv`.

use criterion::{criterion_group, criterion_main, Criterion};
use segscope_engine::clv::{self, ClvSettings, TimeUnit};
use segscope_model::{Customers, Dataset, OrderStatus};
use std::hint::black_box;

/// A small deterministic generator (xorshift64*), uniform in (0, 1).
struct Uniform(u64);

impl Uniform {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let bits = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11;
        (bits as f64 + 0.5) / (1u64 << 53) as f64
    }
}

/// `customers` customers acquired over the first year of two; each buys at
/// a rate of one order per 20 to 400 days and drops out after a purchase
/// with a probability of 5 to 60 %; spends vary by customer and order.
fn dataset(customers: u32) -> (Dataset, i32) {
    let horizon = 730;
    let mut u = Uniform(0x9E37_79B9_7F4A_7C15);
    let keys = (0..customers).map(|c| format!("c{c}")).collect();
    let mut d = Dataset {
        customers: Customers::with_keys(keys),
        ..Dataset::default()
    };
    for c in 0..customers {
        let mean_gap = 20.0 * 20f64.powf(u.next());
        let dropout = 0.05 + 0.55 * u.next();
        let level = 20.0 + 180.0 * u.next();
        let mut day = (u.next() * 365.0) as i32;
        loop {
            d.orders.push(c, day, level * (0.5 + u.next()), OrderStatus::Paid);
            if u.next() < dropout {
                break;
            }
            day += 1 + (-mean_gap * u.next().ln()) as i32;
            if day > horizon {
                break;
            }
        }
    }
    (d, horizon)
}

fn bench(c: &mut Criterion) {
    let (data, as_of) = dataset(150_000);
    let mut group = c.benchmark_group("clv");
    group.sample_size(10);
    for unit in [TimeUnit::Weeks, TimeUnit::Days] {
        let settings = ClvSettings {
            time_unit: unit,
            ..ClvSettings::default()
        };
        group.bench_function(format!("fit_and_predict_150k_{unit:?}"), |b| {
            b.iter(|| black_box(clv::fit(black_box(&data), as_of, &settings)).is_ok())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
