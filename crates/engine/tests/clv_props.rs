//! Properties of the CLV prediction on random small datasets and settings:
//! it never panics (a panic kills the app), every probability stays in
//! [0, 1], and every prediction is finite and non-negative.

use proptest::prelude::*;
use segscope_engine::clv::{self, bgnbd, ClvSettings, CustomerSummary, TimeUnit};
use segscope_model::{Customers, Dataset, OrderStatus};

/// A random order: customer (modulo the customer count), day, amount, status.
type RawOrder = (usize, i32, f64, OrderStatus);

fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => (0u32..20_000).prop_map(|cents| f64::from(cents) / 100.0),
        1 => Just(0.0),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(1e300),
    ]
}

fn status() -> impl Strategy<Value = OrderStatus> {
    prop_oneof![
        6 => Just(OrderStatus::Paid),
        1 => Just(OrderStatus::Refunded),
        1 => Just(OrderStatus::Cancelled),
    ]
}

fn build(customers: usize, orders: &[RawOrder]) -> Dataset {
    let mut dataset = Dataset {
        customers: Customers::with_keys((0..customers).map(|i| format!("c{i}")).collect()),
        ..Dataset::default()
    };
    for &(c, day, amount, status) in orders {
        dataset.orders.push((c % customers) as u32, day, amount, status);
    }
    dataset
}

fn settings() -> impl Strategy<Value = ClvSettings> {
    (
        prop_oneof![Just(TimeUnit::Days), Just(TimeUnit::Weeks)],
        0u32..200,
        prop_oneof![Just(0.01), Just(0.0), Just(-1.0), Just(f64::NAN), 0.0..2.0],
        0u32..8,
    )
        .prop_map(
            |(time_unit, horizon_months, monthly_discount, min_repeat_buyers)| ClvSettings {
                time_unit,
                horizon_months,
                monthly_discount,
                min_repeat_buyers,
            },
        )
}

fn in_unit(p: Option<f64>) -> bool {
    p.is_none_or(|p| (0.0..=1.0).contains(&p))
}

fn non_negative(v: Option<f64>) -> bool {
    v.is_none_or(|v| v.is_finite() && v >= 0.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn fits_never_panic_and_predictions_stay_in_range(
        customers in 1usize..40,
        orders in prop::collection::vec((0usize..40, 0i32..400, amount(), status()), 0..200),
        as_of in 0i32..450,
        holdout in 0u32..500,
        settings in settings(),
    ) {
        let data = build(customers, &orders);
        if let Ok(m) = clv::fit(&data, as_of, &settings) {
            prop_assert_eq!(m.p_alive.len(), customers);
            prop_assert!(m.p_alive.iter().all(|&p| in_unit(p)));
            prop_assert!(m.expected_purchases.iter().all(|&v| non_negative(v)));
            prop_assert!(m.expected_spend.iter().all(|&v| non_negative(v)));
            prop_assert!(m.clv.iter().all(|&v| non_negative(v)));
            prop_assert!(m.bgnbd.converged && m.gamma_gamma.converged);
        }
        if let Ok(h) = clv::holdout_check(&data, as_of, holdout, &settings) {
            prop_assert!(h.predicted.is_finite() && h.predicted >= 0.0);
            prop_assert_eq!(h.by_frequency.iter().map(|b| b.actual).sum::<u64>(), h.actual);
        }
    }

    #[test]
    fn random_summaries_give_probabilities_and_non_negative_expectations(
        rows in prop::collection::vec((0u32..60, 0.0..1.0f64, 0.0..200.0f64), 1..30),
        params in (0.01..20.0f64, 0.01..200.0f64, 0.01..20.0f64, 0.01..20.0f64),
        t in 0.0..500.0f64,
    ) {
        let summaries: Vec<CustomerSummary> = rows
            .iter()
            .map(|&(x, share, age)| CustomerSummary {
                frequency: x,
                recency: if x == 0 { 0.0 } else { share * age },
                age,
                monetary: 10.0,
            })
            .collect();
        let (r, alpha, a, b) = params;
        let ll = bgnbd::log_likelihood(r, alpha, a, b, &summaries);
        prop_assert!(ll.is_finite(), "ll = {}", ll);
        let fit = bgnbd::fit(&summaries, TimeUnit::Weeks);
        prop_assert!(fit.is_some());
        let model = bgnbd::BgNbdFit { r, alpha, a, b, log_likelihood: ll, iterations: 0, converged: true, time_unit: TimeUnit::Weeks };
        for s in &summaries {
            let p = model.p_alive(s);
            prop_assert!((0.0..=1.0).contains(&p), "p_alive = {}", p);
            if let Some(e) = model.expected_purchases(s, t) {
                prop_assert!(e.is_finite() && e >= 0.0, "E = {}", e);
            }
        }
    }
}
