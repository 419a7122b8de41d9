//! Per-tier totals for the dashboard (their display names: [`crate::names`]).

use super::settings::TierSettings;
use crate::analyses::kpis::ratio;
use crate::labels::Labels;
use crate::metrics::CustomerMetrics;
use crate::names::numbered_tier;
use segscope_i18n::Lang;
use serde::{Deserialize, Serialize};

/// The English label of customers without a paid order.
pub const NO_PURCHASE: &str = "No purchase";

/// Customers and revenue of one value tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierStat {
    /// The user's tier name, or the English built-in name when
    /// `is_default_name` is set (then shown localized, see [`crate::names::tier_display_name`]).
    pub name: String,
    /// True when the name is built in and should be shown in the UI language.
    pub is_default_name: bool,
    /// Position of the tier, best first; the "No purchase" row comes last.
    pub index: usize,
    /// Customers in the tier.
    pub customers: u64,
    /// Revenue of those customers.
    pub revenue: f64,
    /// Share of total revenue.
    pub revenue_share: f64,
    /// Share of all customers (non-buyers included).
    pub customer_share: f64,
}

/// The name of each tier and whether it is built in. The built-in names of
/// the tier count (High, Medium, Low for three) are built in; so is any blank
/// or missing name, which becomes "Tier N".
pub(crate) fn tier_names(settings: &TierSettings) -> Vec<(String, bool)> {
    let all_default = settings.has_built_in_names();
    (0..settings.count())
        .map(|i| match settings.names.get(i).map(|n| n.trim()) {
            Some(name) if !name.is_empty() => (name.to_string(), all_default),
            _ => (numbered_tier(Lang::En, i), true),
        })
        .collect()
}

/// One row per tier, best first, then the "No purchase" row.
pub(crate) fn tier_stats(metrics: &CustomerMetrics, labels: &Labels, settings: &TierSettings) -> Vec<TierStat> {
    let names = tier_names(settings);
    let no_purchase = names.len();
    let mut customers = vec![0u64; no_purchase + 1];
    let mut revenue = vec![0.0f64; no_purchase + 1];
    for (tier, &amount) in labels.tier.iter().zip(&metrics.revenue) {
        let row = tier.map_or(no_purchase, |i| (i as usize).min(no_purchase));
        customers[row] += 1;
        revenue[row] += amount;
    }
    let total_customers = labels.tier.len() as f64;
    let total_revenue: f64 = revenue.iter().sum();
    names
        .into_iter()
        .chain(std::iter::once((NO_PURCHASE.to_string(), true)))
        .enumerate()
        .map(|(index, (name, is_default_name))| TierStat {
            name,
            is_default_name,
            index,
            customers: customers[index],
            revenue: revenue[index],
            revenue_share: ratio(revenue[index], total_revenue),
            customer_share: ratio(customers[index] as f64, total_customers),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::tier_display_name;

    #[test]
    fn default_names_are_localized_and_user_names_kept() {
        let names = tier_names(&TierSettings::default());
        assert_eq!(names[0], ("High".to_string(), true));
        let custom = TierSettings {
            names: vec!["Gold".into(), " ".into(), "Low".into()],
            ..TierSettings::default()
        };
        let names = tier_names(&custom);
        assert_eq!(
            names,
            vec![("Gold".into(), false), ("Tier 2".into(), true), ("Low".into(), false)]
        );
        let stat = |name: &str, is_default_name, index| TierStat {
            name: name.into(),
            is_default_name,
            index,
            customers: 0,
            revenue: 0.0,
            revenue_share: 0.0,
            customer_share: 0.0,
        };
        assert_eq!(tier_display_name(&stat("High", true, 0), Lang::Zh), "高价值");
        assert_eq!(tier_display_name(&stat("Tier 2", true, 1), Lang::Zh), "第 2 级");
        assert_eq!(tier_display_name(&stat("Low", false, 2), Lang::Zh), "Low");
        assert_eq!(tier_display_name(&stat(NO_PURCHASE, true, 3), Lang::Zh), "未购买");
    }

    #[test]
    fn rows_cover_every_customer() {
        let metrics = CustomerMetrics {
            revenue: vec![50.0, 0.0, 30.0, 20.0],
            ..CustomerMetrics::default()
        };
        let labels = Labels {
            tier: vec![Some(0), None, Some(2), Some(2)],
            ..Labels::default()
        };
        let rows = tier_stats(&metrics, &labels, &TierSettings::default());
        let counts: Vec<u64> = rows.iter().map(|r| r.customers).collect();
        assert_eq!(counts, vec![1, 0, 2, 1]);
        assert_eq!(rows[0].revenue_share, 0.5);
        assert_eq!(rows[3].name, NO_PURCHASE);
        assert_eq!(rows[3].customer_share, 0.25);
    }
}
