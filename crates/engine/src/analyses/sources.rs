//! The source breakdown (docs/product.md#analyses-and-charts): per acquisition source, customers, buyers,
//! conversion, revenue, AOV, repeat rate and tier mix.

use crate::analyses::kpis::ratio;
use crate::labels::Labels;
use crate::metrics::CustomerMetrics;
use segscope_model::Dataset;
use serde::{Deserialize, Serialize};

/// One acquisition source's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceStat {
    /// Source name; `None` for customers without a known source.
    pub source: Option<String>,
    /// Customers.
    pub customers: u64,
    /// Customers with a paid order.
    pub buyers: u64,
    /// buyers / customers.
    pub conversion: f64,
    /// Paid revenue.
    pub revenue: f64,
    /// Paid orders.
    pub paid_orders: u64,
    /// revenue / paid orders.
    pub aov: f64,
    /// Share of buyers with two or more paid orders.
    pub repeat_rate: f64,
    /// Customers per value tier (best first), then "No purchase".
    pub tier_mix: Vec<u64>,
}

/// One row per source, most customers first, the unknown source last.
pub(crate) fn source_stats(
    dataset: &Dataset,
    metrics: &CustomerMetrics,
    labels: &Labels,
    tiers: usize,
) -> Vec<SourceStat> {
    let unknown = dataset.sources.len();
    let mut rows: Vec<SourceStat> = (0..=unknown)
        .map(|s| SourceStat {
            source: dataset.sources.get(s).cloned(),
            customers: 0,
            buyers: 0,
            conversion: 0.0,
            revenue: 0.0,
            paid_orders: 0,
            aov: 0.0,
            repeat_rate: 0.0,
            tier_mix: vec![0; tiers + 1],
        })
        .collect();
    let mut repeaters = vec![0u64; unknown + 1];
    for i in 0..metrics.len() {
        let s = dataset.customers.source()[i].map_or(unknown, usize::from).min(unknown);
        let row = &mut rows[s];
        row.customers += 1;
        row.buyers += u64::from(metrics.orders[i] > 0);
        row.revenue += metrics.revenue[i];
        row.paid_orders += u64::from(metrics.orders[i]);
        repeaters[s] += u64::from(metrics.orders[i] >= 2);
        let tier = labels.tier[i].map_or(tiers, |t| (t as usize).min(tiers));
        row.tier_mix[tier] += 1;
    }
    for (row, repeat) in rows.iter_mut().zip(repeaters) {
        row.conversion = ratio(row.buyers as f64, row.customers as f64);
        row.aov = ratio(row.revenue, row.paid_orders as f64);
        row.repeat_rate = ratio(repeat as f64, row.buyers as f64);
    }
    rows.retain(|r| r.customers > 0);
    rows.sort_by(|a, b| {
        a.source
            .is_none()
            .cmp(&b.source.is_none())
            .then(b.customers.cmp(&a.customers))
            .then(a.source.cmp(&b.source))
    });
    rows
}

#[cfg(test)]
mod tests {
    use crate::fixture;
    use crate::run;
    use crate::settings::Settings;

    #[test]
    fn per_source_figures_by_hand() {
        let mut d = fixture::paid(&["a", "b", "c", "d"], &[(0, 1, 10.0), (0, 2, 30.0), (1, 1, 5.0)]);
        d.sources = vec!["ads".into(), "wechat".into()];
        d.customers = d.customers.with_sources(vec![Some(1), Some(1), Some(0), None]);
        let a = run(&d, &Settings::default());
        let s = &a.summary.sources;
        assert_eq!(
            s.iter().map(|r| r.source.as_deref()).collect::<Vec<_>>(),
            vec![Some("wechat"), Some("ads"), None]
        );
        let wechat = &s[0];
        assert_eq!((wechat.customers, wechat.buyers, wechat.paid_orders), (2, 2, 3));
        assert_eq!(
            (wechat.conversion, wechat.revenue, wechat.aov, wechat.repeat_rate),
            (1.0, 45.0, 15.0, 0.5)
        );
        assert_eq!(wechat.tier_mix.iter().sum::<u64>(), 2);
        assert_eq!(s[1].tier_mix.last(), Some(&1), "c bought nothing");
    }
}
