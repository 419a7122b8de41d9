//! The charts of the Clusters and CLV pages, drawn from the models' summaries
//! by the generic kinds (the cluster scatter is drawn where the metrics are).

use crate::summary_charts::Texts;
use crate::texts::t;
use segscope_chart::{bar_chart, histogram, horizontal_bars, Series, ValueFormat};
use segscope_engine::clv::HoldoutCheck;
use segscope_engine::models::{ClusterSummary, ClvSummary};
use segscope_engine::source_display_name;
use segscope_i18n::Lang;

/// The silhouette of each k tried.
pub fn silhouette_by_k(c: &ClusterSummary, lang: Lang) -> String {
    let texts = Texts::of("silhouette", lang);
    let names: Vec<String> = c.silhouette_by_k.iter().map(|(k, _)| k.to_string()).collect();
    let values = Series::new(
        t(lang, "models.silhouette"),
        c.silhouette_by_k.iter().map(|(_, s)| *s).collect(),
    );
    bar_chart(&texts.chart(), &names, &[values], ValueFormat::Decimal, lang)
}

/// How many buyers fall in each band of predicted CLV.
pub fn clv_distribution(c: &ClvSummary, lang: Lang) -> String {
    let texts = Texts::of("clv_distribution", lang);
    let bins: Vec<(f64, f64)> = c.distribution.iter().map(|b| (b.from, b.to)).collect();
    let counts: Vec<u64> = c.distribution.iter().map(|b| b.customers).collect();
    histogram(&texts.chart(), &bins, &counts, ValueFormat::Money, lang)
}

/// Predicted CLV per acquisition source.
pub fn clv_by_source(c: &ClvSummary, lang: Lang) -> String {
    let texts = Texts::of("clv_sources", lang);
    let names: Vec<String> = c
        .by_source
        .iter()
        .map(|r| source_display_name(r.source.as_deref(), lang))
        .collect();
    let totals = Series::new(
        t(lang, "models.total_clv"),
        c.by_source.iter().map(|r| r.total).collect(),
    );
    horizontal_bars(&texts.chart(), &names, &[totals], ValueFormat::Money, lang)
}

/// Predicted against actual repeat purchases in the holdout, per number of
/// repeat purchases in the calibration period.
pub fn holdout_by_frequency(h: &HoldoutCheck, lang: Lang) -> String {
    let texts = Texts::of("holdout", lang);
    let names: Vec<String> = h.by_frequency.iter().map(|b| b.frequency.to_string()).collect();
    let per = |v: f64, n: u32| if n == 0 { 0.0 } else { v / f64::from(n) };
    let predicted = Series::new(
        t(lang, "models.predicted"),
        h.by_frequency.iter().map(|b| per(b.predicted, b.customers)).collect(),
    );
    let actual = Series::new(
        t(lang, "models.actual"),
        h.by_frequency
            .iter()
            .map(|b| per(b.actual as f64, b.customers))
            .collect(),
    );
    bar_chart(&texts.chart(), &names, &[predicted, actual], ValueFormat::Decimal, lang)
}
