//! Predicted customer lifetime value (docs/product.md#predicted-lifetime-value): the BG/NBD model of the
//! purchase process and the Gamma-Gamma model of spend, fitted by maximum
//! likelihood on per-customer summaries (repeat purchases counted on
//! distinct days), then per customer P(alive), expected purchases and
//! discounted CLV over a horizon of months of 30 days, as the Python
//! `lifetimes` package computes them. When no fit can be made the result is a
//! [`ClvProblem`] and the app shows historical value only.

pub mod bgnbd;
mod compensated;
pub mod gamma_gamma;
mod holdout;
mod optimize;
mod settings;
mod special;
pub mod summary;

pub use bgnbd::BgNbdFit;
pub use gamma_gamma::GammaGammaFit;
pub use holdout::{holdout_check, FrequencyBucket, HoldoutCheck};
pub use settings::{ClvSettings, ClvSettingsError, MAX_HORIZON_MONTHS, MIN_REPEAT_BUYERS};
pub use special::hyp2f1_terms;
pub use summary::{CustomerSummary, TimeUnit};

use crate::metrics::customer_orders::CustomerOrders;
use rustc_hash::FxHashMap;
use segscope_model::{Dataset, Day};
use serde::{Deserialize, Serialize};

/// Days in a CLV month.
pub const MONTH_DAYS: f64 = 30.0;

/// Fitted shape parameters outside [1e-6, 1e6] count as degenerate (e.g. b
/// running off to infinity when the data show no dropout).
const PLAUSIBLE: std::ops::RangeInclusive<f64> = 1e-6..=1e6;

/// Which of the two models a [`ClvProblem`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClvPart {
    /// The BG/NBD purchase model.
    Purchases,
    /// The Gamma-Gamma spend model.
    Spend,
}

/// Why no CLV prediction could be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClvProblem {
    /// No customer has a paid order by the calibration end.
    NoBuyers,
    /// Fewer repeat buyers (with spend) than the settings ask for.
    TooFewRepeatBuyers {
        /// Repeat buyers found.
        found: u32,
        /// Repeat buyers needed.
        needed: u32,
    },
    /// The optimiser stopped before finding a maximum.
    NotConverged(ClvPart),
    /// The likelihood rises towards a boundary (a shape parameter heading to
    /// 0 or infinity, e.g. the same dropout probability for everyone), or the
    /// fit implies an infinite mean spend (Gamma-Gamma q ≤ 1).
    Degenerate(ClvPart),
}

/// The fitted models and per-customer predictions; vectors are indexed by
/// customer, `None` for customers without a paid order by the calibration end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClvModel {
    /// The calibration end (as-of day): later orders were left out.
    pub calibration_end: Day,
    /// The settings in force (clamped).
    pub settings: ClvSettings,
    /// The purchase model.
    pub bgnbd: BgNbdFit,
    /// The spend model.
    pub gamma_gamma: GammaGammaFit,
    /// Customers with a paid order.
    pub buyers: u32,
    /// Customers with a repeat purchase day and spend on it (the spend sample).
    pub repeat_buyers: u32,
    /// Probability that the customer is still active.
    pub p_alive: Vec<Option<f64>>,
    /// Expected purchases (distinct days) over the horizon.
    pub expected_purchases: Vec<Option<f64>>,
    /// Expected spend per purchase day.
    pub expected_spend: Vec<Option<f64>>,
    /// Discounted value over the horizon: Σᵢ (expected purchases in month i)
    /// × expected spend / (1 + d)ⁱ.
    pub clv: Vec<Option<f64>>,
}

/// Fits both models on the paid orders dated on or before `as_of` and
/// predicts every customer's P(alive), purchases, spend and CLV. Settings
/// out of range are clamped, never a panic.
pub fn fit(dataset: &Dataset, as_of: Day, settings: &ClvSettings) -> Result<ClvModel, ClvProblem> {
    let settings = settings.clamped();
    let orders = CustomerOrders::collect(dataset, as_of);
    let summaries = summaries(&orders, as_of, settings.time_unit);
    let buyers: Vec<CustomerSummary> = summaries.iter().flatten().copied().collect();
    let repeat_buyers = count(buyers.iter().filter(|c| gamma_gamma::is_spend_sample(c)));
    check_repeat_buyers(&buyers, repeat_buyers, &settings)?;
    let bgnbd = fit_purchases(&buyers, &settings)?;
    let gamma_gamma = gamma_gamma::fit(&buyers).ok_or(ClvProblem::TooFewRepeatBuyers {
        found: 0,
        needed: settings.min_repeat_buyers,
    })?;
    let plausible = [gamma_gamma.p, gamma_gamma.q].iter().all(|v| PLAUSIBLE.contains(v));
    if !plausible || gamma_gamma.q <= 1.0 || !(gamma_gamma.gamma > 0.0 && gamma_gamma.gamma.is_finite()) {
        return Err(ClvProblem::Degenerate(ClvPart::Spend));
    }
    if !gamma_gamma.converged {
        return Err(ClvProblem::NotConverged(ClvPart::Spend));
    }
    let outlook = Outlook::new(&bgnbd, &settings);
    let n = summaries.len();
    let mut model = ClvModel {
        calibration_end: as_of,
        settings,
        bgnbd,
        gamma_gamma,
        buyers: count(buyers.iter()),
        repeat_buyers,
        p_alive: Vec::with_capacity(n),
        expected_purchases: Vec::with_capacity(n),
        expected_spend: Vec::with_capacity(n),
        clv: Vec::with_capacity(n),
    };
    let mut cache = FxHashMap::default();
    for s in &summaries {
        let p_alive = s.map(|s| bgnbd.p_alive(&s));
        let spend = s.and_then(|s| gamma_gamma.expected_spend(&s));
        let ahead = s.and_then(|s| {
            *cache
                .entry((s.frequency, s.age.to_bits()))
                .or_insert_with(|| outlook.of(&s))
        });
        let (purchases, clv) = match (p_alive, ahead, spend) {
            (Some(p), Some((n, d)), Some(m)) => (Some(p * n), Some(p * d * m)),
            (Some(p), Some((n, _)), None) => (Some(p * n), None),
            _ => (None, None),
        };
        model.p_alive.push(p_alive);
        model.expected_purchases.push(purchases);
        model.expected_spend.push(spend);
        model.clv.push(clv);
    }
    Ok(model)
}

/// Every customer's summary as of `end` (orders after it ignored).
fn summaries(orders: &CustomerOrders, end: Day, unit: TimeUnit) -> Vec<Option<CustomerSummary>> {
    (0..orders.customers())
        .map(|c| summary::summarize(orders.paid(c).iter().map(|p| (p.day, p.amount)), end, unit))
        .collect()
}

/// `NoBuyers` or `TooFewRepeatBuyers` when the data cannot support a fit.
fn check_repeat_buyers(
    buyers: &[CustomerSummary],
    repeat_buyers: u32,
    settings: &ClvSettings,
) -> Result<(), ClvProblem> {
    if buyers.is_empty() {
        return Err(ClvProblem::NoBuyers);
    }
    if repeat_buyers < settings.min_repeat_buyers {
        return Err(ClvProblem::TooFewRepeatBuyers {
            found: repeat_buyers,
            needed: settings.min_repeat_buyers,
        });
    }
    Ok(())
}

/// The BG/NBD fit of `buyers`, or why it cannot be used.
fn fit_purchases(buyers: &[CustomerSummary], settings: &ClvSettings) -> Result<BgNbdFit, ClvProblem> {
    let fit = bgnbd::fit(buyers, settings.time_unit).ok_or(ClvProblem::NoBuyers)?;
    let shapes = [fit.r, fit.a, fit.b].iter().all(|v| PLAUSIBLE.contains(v));
    if !(shapes && fit.alpha > 0.0 && fit.alpha.is_finite()) {
        return Err(ClvProblem::Degenerate(ClvPart::Purchases));
    }
    if !fit.converged {
        return Err(ClvProblem::NotConverged(ClvPart::Purchases));
    }
    Ok(fit)
}

fn count<T>(items: impl Iterator<Item = T>) -> u32 {
    u32::try_from(items.count()).unwrap_or(u32::MAX)
}

/// The month-by-month purchase outlook of a customer alive now, which
/// depends on (x, T) only, so it is computed once per distinct pair.
struct Outlook<'a> {
    fit: &'a BgNbdFit,
    /// Month length in time units.
    month: f64,
    months: u32,
    /// 1 / (1 + monthly discount).
    discount: f64,
}

impl<'a> Outlook<'a> {
    fn new(fit: &'a BgNbdFit, settings: &ClvSettings) -> Outlook<'a> {
        Outlook {
            fit,
            month: MONTH_DAYS / settings.time_unit.days(),
            months: settings.horizon_months,
            discount: 1.0 / (1.0 + settings.monthly_discount),
        }
    }

    /// (Expected purchases over the horizon, Σᵢ purchases in month i / (1+d)ⁱ)
    /// for a customer alive now with x repeat purchases and age T.
    fn of(&self, customer: &CustomerSummary) -> Option<(f64, f64)> {
        let (mut previous, mut discounted, mut factor) = (0.0, 0.0, 1.0);
        for i in 1..=self.months {
            let cumulative = self
                .fit
                .expected_if_alive(customer.frequency, customer.age, f64::from(i) * self.month)?;
            factor *= self.discount;
            discounted += (cumulative - previous) * factor;
            previous = cumulative;
        }
        Some((previous, discounted))
    }
}

impl ClvProblem {
    /// One sentence for the user in `lang`.
    pub fn message(self, lang: segscope_i18n::Lang) -> String {
        use crate::texts::t;
        let part = |p: ClvPart| match p {
            ClvPart::Purchases => t(lang, "clv.part.purchases"),
            ClvPart::Spend => t(lang, "clv.part.spend"),
        };
        match self {
            ClvProblem::NoBuyers => t(lang, "clv.problem.no_buyers").to_string(),
            ClvProblem::TooFewRepeatBuyers { found, needed } => t(lang, "clv.problem.too_few_repeat")
                .replace("{n}", &found.to_string())
                .replace("{needed}", &needed.to_string()),
            ClvProblem::NotConverged(p) => t(lang, "clv.problem.not_converged").replace("{part}", part(p)),
            ClvProblem::Degenerate(p) => t(lang, "clv.problem.degenerate").replace("{part}", part(p)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn settings(min_repeat_buyers: u32) -> ClvSettings {
        ClvSettings {
            min_repeat_buyers,
            ..ClvSettings::default()
        }
    }

    /// 400 customers (and one without orders) acquired over 300 days, drawn
    /// from a BG/NBD-like process: each buys every ~5 to ~100 days and drops
    /// out after a purchase with a probability of 5 to 80 %.
    fn cohort() -> Dataset {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut uniform = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (f64::from((state >> 33) as u32) + 0.5) / 4_294_967_296.0
        };
        let keys: Vec<String> = (0..401).map(|i| format!("c{i}")).collect();
        let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let mut orders = Vec::new();
        for c in 0..400u32 {
            let mean_gap = 5.0 * 20f64.powf(uniform());
            let dropout = 0.05 + 0.75 * uniform();
            let level = 20.0 + 80.0 * uniform();
            let mut day = (uniform() * 300.0) as Day;
            while day <= 700 {
                orders.push((c, day, level * (0.5 + uniform())));
                if uniform() < dropout {
                    break;
                }
                day += 1 + (-mean_gap * uniform().ln()) as Day;
            }
        }
        fixture::paid(&key_refs, &orders)
    }

    #[test]
    fn a_cohort_gets_a_fit_and_a_prediction_for_every_buyer() {
        let data = cohort();
        let model = fit(&data, 700, &settings(20));
        let Ok(m) = model else {
            panic!("{model:?}");
        };
        assert_eq!((m.buyers, m.p_alive.len()), (400, 401));
        assert_eq!((m.p_alive[400], m.clv[400]), (None, None));
        for c in 0..400 {
            let (p, n, s, v) = (m.p_alive[c], m.expected_purchases[c], m.expected_spend[c], m.clv[c]);
            assert!(p.is_some_and(|p| (0.0..=1.0).contains(&p)), "{c}: {p:?}");
            assert!(n.is_some_and(|n| n >= 0.0) && s.is_some_and(|s| s > 0.0), "{c}");
            // Discounting makes CLV less than undiscounted purchases × spend.
            let undiscounted = n.unwrap_or(0.0) * s.unwrap_or(0.0);
            assert!(v.is_some_and(|v| v >= 0.0 && v <= undiscounted + 1e-9), "{c}");
        }
    }

    #[test]
    fn without_discount_clv_is_purchases_times_spend() {
        let s = ClvSettings {
            monthly_discount: 0.0,
            ..settings(20)
        };
        let Ok(m) = fit(&cohort(), 700, &s) else {
            panic!("no fit");
        };
        for c in 0..400 {
            let product = m.expected_purchases[c].unwrap_or(0.0) * m.expected_spend[c].unwrap_or(0.0);
            assert!(
                (m.clv[c].unwrap_or(-1.0) - product).abs() <= 1e-9 * product.max(1.0),
                "{c}"
            );
        }
    }

    #[test]
    fn days_and_weeks_give_the_same_predictions() {
        let data = cohort();
        let days = fit(
            &data,
            700,
            &ClvSettings {
                time_unit: TimeUnit::Days,
                ..settings(20)
            },
        );
        let weeks = fit(&data, 700, &settings(20));
        let (Ok(d), Ok(w)) = (days, weeks) else {
            panic!("no fit");
        };
        assert!((d.bgnbd.alpha / 7.0 - w.bgnbd.alpha).abs() < 1e-6 * w.bgnbd.alpha);
        assert!((d.bgnbd.r - w.bgnbd.r).abs() < 1e-6 * w.bgnbd.r);
        for c in 0..400 {
            let (a, b) = (d.clv[c].unwrap_or(0.0), w.clv[c].unwrap_or(-1.0));
            assert!((a - b).abs() < 1e-5 * b.max(1.0), "{c}: {a} vs {b}");
        }
    }

    #[test]
    fn degenerate_data_is_a_problem_not_a_panic() {
        assert_eq!(fit(&Dataset::default(), 0, &settings(20)), Err(ClvProblem::NoBuyers));
        let one = fixture::paid(&["a"], &[(0, 1, 5.0), (0, 9, 5.0)]);
        assert_eq!(
            fit(&one, 10, &settings(20)),
            Err(ClvProblem::TooFewRepeatBuyers { found: 1, needed: 20 })
        );
        let one_timers = fixture::one_order_each(&[(1, 5.0), (2, 7.0), (3, 9.0), (3, 1.0)]);
        assert_eq!(
            fit(&one_timers, 10, &settings(3)),
            Err(ClvProblem::TooFewRepeatBuyers { found: 0, needed: 3 })
        );
        // Repeat days without spend (NaN amounts count as 0) do not count as repeat buyers.
        let keys = ["a", "b", "c", "d"];
        let orders: Vec<(u32, Day, f64)> = (0..4)
            .flat_map(|c| [(c, 1, 5.0), (c, 4 + c as Day, f64::NAN)])
            .collect();
        assert_eq!(
            fit(&fixture::paid(&keys, &orders), 10, &settings(3)),
            Err(ClvProblem::TooFewRepeatBuyers { found: 0, needed: 3 })
        );
        // Settings below the minimum are clamped, not trusted.
        assert_eq!(
            fit(&one, 10, &settings(0)),
            Err(ClvProblem::TooFewRepeatBuyers {
                found: 1,
                needed: MIN_REPEAT_BUYERS
            })
        );
    }

    #[test]
    fn identical_repeat_buyers_give_a_problem_or_a_sane_fit() {
        // Three clones buying every 7 days to the end: no dropout signal at all.
        let orders: Vec<(u32, Day, f64)> = (0..3).flat_map(|c| (0..10).map(move |k| (c, k * 7, 10.0))).collect();
        let data = fixture::paid(&["a", "b", "c"], &orders);
        match fit(&data, 63, &settings(3)) {
            Ok(m) => assert!(m.p_alive.iter().all(|p| p.is_some_and(|p| (0.0..=1.0).contains(&p)))),
            Err(p) => assert!(
                matches!(p, ClvProblem::NotConverged(_) | ClvProblem::Degenerate(_)),
                "{p:?}"
            ),
        }
    }

    #[test]
    fn holdout_check_counts_what_happened_after_the_calibration() {
        let data = cohort();
        let Ok(h) = holdout_check(&data, 700, 200, &settings(20)) else {
            panic!("no check");
        };
        assert_eq!((h.calibration_end, h.holdout_days), (500, 200));
        let orders = CustomerOrders::collect(&data, 700);
        let actual: u64 = (0..400)
            .filter(|&c| orders.paid(c).first().is_some_and(|p| p.day <= 500))
            .map(|c| u64::from(summary::holdout_repeats(orders.paid(c).iter().map(|p| p.day), 500, 700)))
            .sum();
        assert_eq!(h.actual, actual);
        assert_eq!(h.by_frequency.len(), 8);
        assert!(h.predicted > 0.0 && h.predicted.is_finite());
        assert_eq!(h.customers, h.by_frequency.iter().map(|b| b.customers).sum::<u32>());
        // A holdout longer than the data leaves nobody to calibrate on.
        assert_eq!(
            holdout_check(&data, 700, u32::MAX, &settings(20)),
            Err(ClvProblem::NoBuyers)
        );
    }
}
