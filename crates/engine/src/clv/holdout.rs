//! The calibration/holdout check of the purchase model (docs/product.md#predicted-lifetime-value): refit
//! BG/NBD on the orders up to `as_of − holdout`, predict each of those
//! customers' repeat purchases in the holdout days, and set the totals
//! against the repeat purchase days that actually happened there, also by
//! calibration frequency 0, 1, …, 7+ (FHL 2005, figure 4).

use super::summary::{self, TimeUnit};
use super::{check_repeat_buyers, count, fit_purchases, summaries, BgNbdFit, ClvProblem, ClvSettings};
use crate::metrics::customer_orders::CustomerOrders;
use segscope_model::{Dataset, Day};
use serde::{Deserialize, Serialize};

/// Calibration frequencies shown separately; higher ones share the last bucket.
const BUCKETS: u32 = 8;

/// Predicted and actual holdout purchases of the customers with one
/// calibration frequency.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FrequencyBucket {
    /// Repeat purchases in calibration (the last bucket: this many or more).
    pub frequency: u32,
    /// Customers in the bucket.
    pub customers: u32,
    /// Expected holdout purchases, summed over the bucket.
    pub predicted: f64,
    /// Actual holdout purchase days, summed over the bucket.
    pub actual: u64,
}

/// Predicted against actual repeat purchases in a holdout period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HoldoutCheck {
    /// Last day of the calibration period.
    pub calibration_end: Day,
    /// Days in the holdout period (calibration end, as-of].
    pub holdout_days: u32,
    /// The purchase model fitted on the calibration period.
    pub fit: BgNbdFit,
    /// Customers with a paid order in the calibration period.
    pub customers: u32,
    /// Expected holdout purchases, summed over the customers.
    pub predicted: f64,
    /// Actual holdout purchase days, summed over the customers.
    pub actual: u64,
    /// The same by calibration frequency 0, 1, …, 7+.
    pub by_frequency: Vec<FrequencyBucket>,
}

/// Runs the calibration/holdout check with the last `holdout_days` days up to
/// `as_of` held out. Customers whose expected purchases cannot be computed
/// (never seen in practice) count in neither sum.
pub fn holdout_check(
    dataset: &Dataset,
    as_of: Day,
    holdout_days: u32,
    settings: &ClvSettings,
) -> Result<HoldoutCheck, ClvProblem> {
    let settings = settings.clamped();
    let end = as_of.saturating_sub(i32::try_from(holdout_days).unwrap_or(i32::MAX));
    let holdout_days = u32::try_from(i64::from(as_of) - i64::from(end)).unwrap_or(0);
    let orders = CustomerOrders::collect(dataset, as_of);
    let calibration = summaries(&orders, end, settings.time_unit);
    let buyers: Vec<_> = calibration.iter().flatten().copied().collect();
    check_repeat_buyers(&buyers, count(buyers.iter().filter(|c| c.frequency > 0)), &settings)?;
    let fit = fit_purchases(&buyers, &settings)?;
    let horizon = f64::from(holdout_days) / TimeUnit::days(settings.time_unit);
    let mut by_frequency: Vec<FrequencyBucket> = (0..BUCKETS)
        .map(|frequency| FrequencyBucket {
            frequency,
            customers: 0,
            predicted: 0.0,
            actual: 0,
        })
        .collect();
    for (c, s) in calibration.iter().enumerate() {
        let Some(s) = s else { continue };
        let Some(predicted) = fit.expected_purchases(s, horizon) else {
            continue;
        };
        let days = orders.paid(c).iter().map(|p| p.day);
        let actual = summary::holdout_repeats(days, end, as_of);
        let index = usize::try_from(s.frequency.min(BUCKETS - 1)).unwrap_or(0);
        if let Some(bucket) = by_frequency.get_mut(index) {
            bucket.customers += 1;
            bucket.predicted += predicted;
            bucket.actual += u64::from(actual);
        }
    }
    Ok(HoldoutCheck {
        calibration_end: end,
        holdout_days,
        fit,
        customers: by_frequency.iter().map(|b| b.customers).sum(),
        predicted: by_frequency.iter().map(|b| b.predicted).sum(),
        actual: by_frequency.iter().map(|b| b.actual).sum(),
        by_frequency,
    })
}
