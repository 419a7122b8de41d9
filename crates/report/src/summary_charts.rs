//! The dashboard's charts drawn from the [`Summary`]: texts looked up in the
//! i18n table, data taken from the summary, drawn by the generic kinds.

use crate::texts::t;
use segscope_chart::{bar_chart, funnel, heatmap, histogram, horizontal_bars, stacked_share_bars};
use segscope_chart::{ChartText, FunnelColumns, Series, ValueFormat};
use segscope_engine::{
    level_display_name, source_display_name, tier_display_name, LifecycleStage, RfmSegment, Summary,
};
use segscope_i18n::Lang;

/// The texts of chart `key` (`chart.<key>.title`, `.desc`, `.x`, `.y`).
pub(super) struct Texts {
    id: String,
    title: String,
    desc: &'static str,
    x: &'static str,
    y: &'static str,
}

impl Texts {
    /// Looks up chart `key`'s texts.
    pub(super) fn of(key: &str, lang: Lang) -> Texts {
        let k = |part: &str| t(lang, &format!("chart.{key}.{part}"));
        Texts {
            id: format!("segscope-{}", key.replace('.', "-")),
            title: k("title").to_string(),
            desc: k("desc"),
            x: k("x"),
            y: k("y"),
        }
    }

    /// The same texts for one of several charts of a kind: `part` joins the
    /// id, `subtitle` the title.
    pub(super) fn qualified(mut self, part: &str, subtitle: &str) -> Texts {
        self.id = format!("{}-{part}", self.id);
        self.title = format!("{} · {subtitle}", self.title);
        self
    }

    /// The texts as a chart takes them.
    pub(super) fn chart(&self) -> ChartText<'_> {
        ChartText {
            id: &self.id,
            title: &self.title,
            desc: self.desc,
            x_label: self.x,
            y_label: self.y,
        }
    }
}

/// Customers per membership level, with revenue share.
pub fn membership_levels(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("levels", lang);
    let names: Vec<String> = s.membership.iter().map(|l| level_display_name(&l.name, lang)).collect();
    let customers = Series::new(
        t(lang, "kpi.customers"),
        s.membership.iter().map(|l| l.customers as f64).collect(),
    );
    bar_chart(&texts.chart(), &names, &[customers], ValueFormat::Count, lang)
}

/// Customers per lifecycle stage.
pub fn lifecycle_stages(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("stages", lang);
    let names: Vec<String> = LifecycleStage::ALL
        .iter()
        .map(|st| t(lang, st.i18n_key()).to_string())
        .collect();
    let values = s.lifecycle.stages.iter().map(|r| r.customers as f64).collect();
    bar_chart(
        &texts.chart(),
        &names,
        &[Series::new(t(lang, "kpi.customers"), values)],
        ValueFormat::Count,
        lang,
    )
}

/// The lifecycle funnel of everyone (`source = None`) or of the `source`-th
/// entry of the per-source funnels.
pub fn lifecycle_funnel(s: &Summary, source: Option<usize>, lang: Lang) -> String {
    let (steps, title) = match source.and_then(|i| s.lifecycle.funnel_by_source.get(i)) {
        Some(f) => (f.steps, source_display_name(f.source.as_deref(), lang)),
        None => (s.lifecycle.funnel.steps, t(lang, "chart.funnel.title").to_string()),
    };
    let id = format!("segscope-funnel-{}", source.map_or(-1, |i| i as i64));
    let text = ChartText {
        id: &id,
        title: &title,
        desc: t(lang, "chart.funnel.desc"),
        ..ChartText::default()
    };
    let stages: Vec<String> = [
        "funnel.signed_up",
        "funnel.first",
        "funnel.second",
        "funnel.third",
        "funnel.active",
    ]
    .iter()
    .map(|k| t(lang, k).to_string())
    .collect();
    let columns = FunnelColumns {
        of_first: t(lang, "funnel.of_first"),
        of_previous: t(lang, "funnel.of_previous"),
    };
    funnel(&text, &columns, &stages, &steps, lang)
}

/// Revenue per source.
pub fn source_revenue(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("sources", lang);
    let names: Vec<String> = s
        .sources
        .iter()
        .map(|r| source_display_name(r.source.as_deref(), lang))
        .collect();
    let revenue = Series::new(t(lang, "kpi.revenue"), s.sources.iter().map(|r| r.revenue).collect());
    horizontal_bars(&texts.chart(), &names, &[revenue], ValueFormat::Money, lang)
}

/// The value-tier mix of each source.
pub fn source_tier_mix(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("tier_mix", lang);
    let names: Vec<String> = s
        .sources
        .iter()
        .map(|r| source_display_name(r.source.as_deref(), lang))
        .collect();
    let series: Vec<Series> = s
        .tiers
        .iter()
        .enumerate()
        .map(|(k, tier)| {
            let values = s
                .sources
                .iter()
                .map(|r| r.tier_mix.get(k).copied().unwrap_or(0) as f64)
                .collect();
            Series::new(tier_display_name(tier, lang), values)
        })
        .collect();
    stacked_share_bars(&texts.chart(), &names, &series, ValueFormat::Count, lang)
}

/// Average revenue per RFM segment (the M of the grid).
pub fn segment_monetary(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("segment_m", lang);
    let names: Vec<String> = s
        .segments
        .iter()
        .map(|r| t(lang, r.segment.i18n_key()).to_string())
        .collect();
    let m = Series::new(
        t(lang, "segments.avg_monetary"),
        s.segments.iter().map(|r| r.avg_monetary).collect(),
    );
    horizontal_bars(&texts.chart(), &names, &[m], ValueFormat::Money, lang)
}

/// Days from the first to the second paid order.
pub fn time_to_second(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("second", lang);
    let h = &s.repeat.time_to_second;
    histogram(&texts.chart(), &bins(&h.bins), &h.counts, ValueFormat::Count, lang)
}

/// Days between consecutive paid orders.
pub fn purchase_gaps(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("gaps", lang);
    let h = &s.repeat.gaps;
    histogram(&texts.chart(), &bins(&h.bins), &h.counts, ValueFormat::Count, lang)
}

fn bins(ranges: &[(u32, Option<u32>)]) -> Vec<(f64, f64)> {
    ranges
        .iter()
        .map(|&(lo, hi)| (f64::from(lo), hi.map_or(f64::INFINITY, f64::from)))
        .collect()
}

/// Monthly cohort retention (only cohorts with customers).
pub fn cohort_retention(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("cohorts", lang);
    let c = &s.repeat.cohorts;
    let rows: Vec<usize> = (0..c.cohorts.len()).filter(|&r| c.sizes[r] > 0).collect();
    let row_labels: Vec<String> = rows
        .iter()
        .map(|&r| format!("{} ({})", c.cohorts[r], c.sizes[r]))
        .collect();
    let col_labels: Vec<String> = (0..c.months_after).map(|k| k.to_string()).collect();
    let cells: Vec<Option<f64>> = rows
        .iter()
        .flat_map(|&r| c.cells[r * c.months_after..(r + 1) * c.months_after].iter().copied())
        .collect();
    heatmap(
        &texts.chart(),
        &row_labels,
        &col_labels,
        &cells,
        ValueFormat::Percent,
        lang,
    )
}

/// Refund/return rate per RFM segment.
pub fn refunds_by_segment(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("refunds", lang);
    let names: Vec<String> = RfmSegment::ALL
        .iter()
        .map(|seg| t(lang, seg.i18n_key()).to_string())
        .collect();
    let rates = Series::new(
        t(lang, "after.rate"),
        s.after_sales.by_segment.iter().map(|r| r.rate).collect(),
    );
    horizontal_bars(&texts.chart(), &names, &[rates], ValueFormat::Percent, lang)
}
