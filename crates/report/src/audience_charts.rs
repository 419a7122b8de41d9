//! The charts of the Leads, Engagement, Interest and Demographics pages,
//! drawn from the [`AudienceSummary`] by the generic kinds.

use crate::summary_charts::Texts;
use crate::texts::t;
use segscope_chart::{bar_chart, funnel, heatmap, horizontal_bars, stacked_share_bars};
use segscope_chart::{ChartText, FunnelColumns, Series, ValueFormat};
use segscope_engine::audience::journey::JOURNEY_STEPS;
use segscope_engine::audience::{AudienceSummary, BandStat, DemographicSplit, Dimension, Engagement, LeadStage};
use segscope_engine::source_display_name;
use segscope_engine::{band_display_name, tier_display_name, LifecycleStage, RfmSegment, Summary};
use segscope_i18n::Lang;
use segscope_model::EventKind;

fn columns(lang: Lang) -> FunnelColumns<'static> {
    FunnelColumns {
        of_first: t(lang, "funnel.of_first"),
        of_previous: t(lang, "funnel.of_previous"),
    }
}

fn customers(lang: Lang, values: Vec<f64>) -> Series {
    Series::new(t(lang, "kpi.customers"), values)
}

/// One bar of customers per name.
fn customer_bars(texts: &Texts, names: &[String], values: Vec<f64>, lang: Lang) -> String {
    bar_chart(
        &texts.chart(),
        names,
        &[customers(lang, values)],
        ValueFormat::Count,
        lang,
    )
}

/// Customers per lead stage.
pub fn lead_stages(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("leads", lang);
    let names: Vec<String> = LeadStage::ALL
        .iter()
        .map(|st| t(lang, st.i18n_key()).to_string())
        .collect();
    let values = s.audience.leads.iter().map(|&n| n as f64).collect();
    customer_bars(&texts, &names, values, lang)
}

/// The lead funnel of everyone (`source = None`) or of the `source`-th
/// largest source.
pub fn lead_funnel(s: &Summary, source: Option<usize>, lang: Lang) -> String {
    let a = &s.audience;
    let (steps, title) = match source.and_then(|i| a.lead_funnel_by_source.get(i)) {
        Some(f) => (f.steps, source_display_name(f.source.as_deref(), lang)),
        None => (
            a.lead_funnel.as_ref().map_or([0; 4], |f| f.steps),
            t(lang, "chart.lead_funnel.title").to_string(),
        ),
    };
    let id = format!("segscope-lead-funnel-{}", source.map_or(-1, |i| i as i64));
    let text = ChartText {
        id: &id,
        title: &title,
        desc: t(lang, "chart.lead_funnel.desc"),
        ..ChartText::default()
    };
    let stages: Vec<String> = [
        "lead.awareness",
        "lead.consideration",
        "lead.decision",
        "lead.first_purchase",
    ]
    .iter()
    .map(|k| t(lang, k).to_string())
    .collect();
    funnel(&text, &columns(lang), &stages, &steps, lang)
}

/// The whole journey: awareness → … → loyal.
pub fn journey(s: &Summary, lang: Lang) -> String {
    let text = ChartText {
        id: "segscope-journey",
        title: t(lang, "chart.journey.title"),
        desc: t(lang, "chart.journey.desc"),
        ..ChartText::default()
    };
    let stages: Vec<String> = JOURNEY_STEPS.iter().map(|k| t(lang, k).to_string()).collect();
    funnel(&text, &columns(lang), &stages, &s.audience.journey, lang)
}

/// Events per kind (kinds that occur).
pub fn event_kinds(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("event_kinds", lang);
    let kinds: Vec<(EventKind, u64)> = EventKind::ALL
        .iter()
        .zip(&s.audience.event_counts)
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| (*k, *n))
        .collect();
    let names: Vec<String> = kinds.iter().map(|(k, _)| t(lang, k.i18n_key()).to_string()).collect();
    let values = Series::new(
        t(lang, "audience.events"),
        kinds.iter().map(|(_, n)| *n as f64).collect(),
    );
    horizontal_bars(&texts.chart(), &names, &[values], ValueFormat::Count, lang)
}

/// Customers per engagement level.
pub fn engagement_levels(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("engagement", lang);
    let names: Vec<String> = Engagement::ALL
        .iter()
        .map(|e| t(lang, e.i18n_key()).to_string())
        .collect();
    let values = s.audience.engagement.iter().map(|&n| n as f64).collect();
    customer_bars(&texts, &names, values, lang)
}

/// Customers who interacted, per month.
pub fn engagement_trend(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("engagement_trend", lang);
    let trend = &s.audience.engagement_trend;
    let names: Vec<String> = trend.iter().map(|m| m.month.clone()).collect();
    let values = trend.iter().map(|m| m.customers as f64).collect();
    customer_bars(&texts, &names, values, lang)
}

/// Favourite and browsed-but-not-bought customers per category.
pub fn category_interest(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("interest", lang);
    let cats = &s.audience.categories;
    let names: Vec<String> = cats.iter().map(|c| c.name.clone()).collect();
    let favourite = Series::new(
        t(lang, "interest.favourite"),
        cats.iter().map(|c| c.favourite as f64).collect(),
    );
    let browsed = Series::new(
        t(lang, "interest.browsed_not_bought"),
        cats.iter().map(|c| c.browsed_not_bought as f64).collect(),
    );
    horizontal_bars(&texts.chart(), &names, &[favourite, browsed], ValueFormat::Count, lang)
}

/// RFM segment × category: the share of each segment favouring each category.
pub fn affinity(s: &Summary, lang: Lang) -> String {
    let texts = Texts::of("affinity", lang);
    let a: &AudienceSummary = &s.audience;
    let rows: Vec<String> = RfmSegment::ALL
        .iter()
        .map(|seg| t(lang, seg.i18n_key()).to_string())
        .collect();
    let cols: Vec<String> = a.categories.iter().map(|c| c.name.clone()).collect();
    let cells: Vec<Option<f64>> = a.affinity.iter().flat_map(|row| row.iter().map(|v| Some(*v))).collect();
    heatmap(&texts.chart(), &rows, &cols, &cells, ValueFormat::Percent, lang)
}

fn dimension_texts(key: &str, dimension: Dimension, lang: Lang) -> Texts {
    let part = dimension.i18n_key().trim_start_matches("demo.");
    Texts::of(key, lang).qualified(part, t(lang, dimension.i18n_key()))
}

fn split(s: &Summary, dimension: Dimension) -> Option<&DemographicSplit> {
    s.audience.demographics.iter().find(|d| d.dimension == dimension)
}

fn band_names(split: Option<&DemographicSplit>, lang: Lang) -> Vec<String> {
    split.map_or_else(Vec::new, |d| {
        d.bands.iter().map(|b| band_display_name(&b.name, lang)).collect()
    })
}

/// Customers per band of `dimension`.
pub fn demographic_bands(s: &Summary, dimension: Dimension, lang: Lang) -> String {
    let texts = dimension_texts("demo_bands", dimension, lang);
    let text = texts.chart();
    let d = split(s, dimension);
    let values = d.map_or_else(Vec::new, |d| d.bands.iter().map(|b| b.customers as f64).collect());
    horizontal_bars(
        &text,
        &band_names(d, lang),
        &[customers(lang, values)],
        ValueFormat::Count,
        lang,
    )
}

/// The value-tier mix of each band of `dimension`.
pub fn demographic_by_tier(s: &Summary, dimension: Dimension, lang: Lang) -> String {
    let names: Vec<String> = s.tiers.iter().map(|tier| tier_display_name(tier, lang)).collect();
    demographic_mix(s, dimension, "demo_tiers", &names, |b| &b.by_tier, lang)
}

/// The lifecycle-stage mix of each band of `dimension`.
pub fn demographic_by_stage(s: &Summary, dimension: Dimension, lang: Lang) -> String {
    let names: Vec<String> = LifecycleStage::ALL
        .iter()
        .map(|stage| t(lang, stage.i18n_key()).to_string())
        .collect();
    demographic_mix(s, dimension, "demo_stages", &names, |b| &b.by_stage, lang)
}

/// Each band of `dimension` split into the series `names`, counted by `counts`.
fn demographic_mix(
    s: &Summary,
    dimension: Dimension,
    key: &str,
    names: &[String],
    counts: fn(&BandStat) -> &Vec<u64>,
    lang: Lang,
) -> String {
    let texts = dimension_texts(key, dimension, lang);
    let d = split(s, dimension);
    let series: Vec<Series> = names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let values = d.map_or_else(Vec::new, |d| {
                d.bands
                    .iter()
                    .map(|b| counts(b).get(k).copied().unwrap_or(0) as f64)
                    .collect()
            });
            Series::new(name.clone(), values)
        })
        .collect();
    stacked_share_bars(&texts.chart(), &band_names(d, lang), &series, ValueFormat::Count, lang)
}
