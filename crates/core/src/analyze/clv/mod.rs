//! Predicted customer lifetime value (SPEC S5.9): the BG/NBD model of the
//! purchase process and the Gamma-Gamma model of spend, fitted by maximum
//! likelihood on per-customer summaries (repeat purchases counted on
//! distinct days), then per customer P(alive), expected purchases and
//! discounted CLV over a horizon of months of 30 days, as the Python
//! `lifetimes` package computes them. When no fit can be made the result is a
//! [`ClvProblem`] and the app shows historical value only.

pub mod bgnbd;
pub mod gamma_gamma;
mod holdout;
mod optimize;
mod settings;
mod special;
pub mod summary;

pub use bgnbd::BgNbdFit;
pub use gamma_gamma::GammaGammaFit;
pub use holdout::{holdout_check, FrequencyBucket, HoldoutCheck};
pub use settings::{ClvSettings, MAX_HORIZON_MONTHS, MIN_REPEAT_BUYERS};
pub use summary::{CustomerSummary, TimeUnit};

use super::customer_orders::CustomerOrders;
use crate::model::{Dataset, Day};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Days in a CLV month.
const MONTH_DAYS: f64 = 30.0;

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
    /// The maximum is at a boundary (a shape parameter near 0 or infinite) or
    /// implies an infinite mean spend (Gamma-Gamma q ≤ 1).
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
    if !gamma_gamma.converged {
        return Err(ClvProblem::NotConverged(ClvPart::Spend));
    }
    let plausible = [gamma_gamma.p, gamma_gamma.q].iter().all(|v| PLAUSIBLE.contains(v));
    if !plausible || gamma_gamma.q <= 1.0 || !(gamma_gamma.gamma > 0.0 && gamma_gamma.gamma.is_finite()) {
        return Err(ClvProblem::Degenerate(ClvPart::Spend));
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
    if !fit.converged {
        return Err(ClvProblem::NotConverged(ClvPart::Purchases));
    }
    let shapes = [fit.r, fit.a, fit.b].iter().all(|v| PLAUSIBLE.contains(v));
    if !shapes || !(fit.alpha > 0.0 && fit.alpha.is_finite()) {
        return Err(ClvProblem::Degenerate(ClvPart::Purchases));
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
