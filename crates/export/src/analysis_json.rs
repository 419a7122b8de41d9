//! The analysis as JSON (docs/product.md#automation-hooks `export-analysis-json`): settings, the
//! data-quality report, KPIs and segment counts, the summary (surveys, feedback and survey
//! waves included) and the model fits, for scripts and archives.

use segscope_engine::clv::TimeUnit;
use segscope_engine::models::Models;
use segscope_engine::settings::Settings;
use segscope_engine::survey::lca::PsychoSummary;
use segscope_engine::survey::{GroupScore, Score, ScoreTable, SurveyGroup};
use segscope_engine::{Analysis, Summary};
use segscope_ingest::QualityReport;
use serde::Serialize;
use std::collections::BTreeMap;

/// The exported document; field names are a stable contract.
#[derive(Serialize)]
struct AnalysisDocument<'a> {
    generator: &'static str,
    as_of: &'a str,
    settings: &'a Settings,
    data_quality: &'a QualityReport,
    kpis: &'a segscope_engine::Kpis,
    /// English segment name → buyers in it.
    segment_counts: BTreeMap<&'static str, u64>,
    /// Tier name → customers in it ("No purchase" included).
    tier_counts: BTreeMap<&'a str, u64>,
    summary: &'a Summary,
    /// The BG/NBD and Gamma-Gamma fits, or why there are none.
    clv: ClvFits,
    /// The clusters' k and silhouette, or why there are none.
    kmeans: KmeansFit,
    /// The survey's psychographic classes, or why there are none.
    psychographics: PsychoFit<'a>,
    /// The main survey's scores by scheme (with a survey).
    #[serde(skip_serializing_if = "Option::is_none")]
    survey: Option<SurveyBlock>,
}

/// `survey` of the document (docs/product.md#automation-hooks): responses,
/// those matched to a customer, NPS and CSAT overall and by value tier, RFM
/// segment and lifecycle stage under their English names, and the classes.
#[derive(Serialize)]
struct SurveyBlock {
    responses: u64,
    matched: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    nps: Option<ScoreBlock>,
    #[serde(skip_serializing_if = "Option::is_none")]
    csat: Option<ScoreBlock>,
    #[serde(skip_serializing_if = "Option::is_none")]
    classes: Option<ClassesBlock>,
}

/// One score overall and by scheme → label.
#[derive(Serialize)]
struct ScoreBlock {
    overall: ScoreCell,
    by: BTreeMap<&'static str, BTreeMap<String, ScoreCell>>,
}

/// A score with its answers and 95 % interval; `value` is named `nps` or
/// `csat` after its block.
#[derive(Serialize)]
struct ScoreCell {
    n: u64,
    #[serde(flatten)]
    value: BTreeMap<&'static str, f64>,
    low: f64,
    high: f64,
}

/// The classes chosen and their BIC.
#[derive(Serialize)]
struct ClassesBlock {
    k: usize,
    bic: f64,
}

fn score_cell(score: &Score, name: &'static str) -> ScoreCell {
    ScoreCell {
        n: score.n,
        value: BTreeMap::from([(name, score.value)]),
        low: score.low,
        high: score.high,
    }
}

fn score_block(table: &ScoreTable, summary: &Summary, name: &'static str) -> ScoreBlock {
    let label = |g: &GroupScore| match g.group {
        SurveyGroup::All => "all".to_string(),
        SurveyGroup::Tier(i) => summary
            .tiers
            .get(i)
            .map_or_else(|| format!("tier {i}"), |t| t.name.clone()),
        SurveyGroup::Segment(s) => s.english_name().to_string(),
        SurveyGroup::Stage(s) => s.english_name().to_string(),
    };
    let scheme = |groups: &[GroupScore]| {
        groups
            .iter()
            .filter(|g| g.score.n > 0)
            .map(|g| (label(g), score_cell(&g.score, name)))
            .collect()
    };
    ScoreBlock {
        overall: score_cell(&table.overall.score, name),
        by: BTreeMap::from([
            ("value_tier", scheme(&table.by_tier)),
            ("rfm_segment", scheme(&table.by_segment)),
            ("lifecycle_stage", scheme(&table.by_stage)),
        ]),
    }
}

fn survey_block(summary: &Summary, models: Option<&Models>) -> Option<SurveyBlock> {
    let stats = summary.surveys.get(summary.main_survey()?)?;
    let classes = models
        .and_then(|m| m.psychographics.as_ref().ok())
        .map(|p| ClassesBlock {
            k: p.summary.classes.len(),
            bic: p
                .summary
                .bic_by_k
                .iter()
                .find(|(k, _)| usize::from(*k) == p.summary.classes.len())
                .map_or(f64::NAN, |(_, b)| *b),
        });
    Some(SurveyBlock {
        responses: stats.responses,
        matched: stats.linked,
        nps: stats.nps.as_ref().map(|t| score_block(t, summary, "nps")),
        csat: stats.csat.as_ref().map(|t| score_block(t, summary, "csat")),
        classes,
    })
}

/// `psychographics` of the document: the classes, or the problem's name.
#[derive(Serialize)]
#[serde(untagged)]
enum PsychoFit<'a> {
    Fitted(&'a PsychoSummary),
    Missing { problem: String },
}

fn psycho_fit(models: Option<&Models>) -> PsychoFit<'_> {
    match models.map(|m| &m.psychographics) {
        Some(Ok(p)) => PsychoFit::Fitted(&p.summary),
        Some(Err(problem)) => PsychoFit::Missing {
            problem: format!("{problem:?}"),
        },
        None => PsychoFit::Missing {
            problem: "NotFitted".into(),
        },
    }
}

/// `clv` of the document: both fits, or the problem's name.
#[derive(Serialize)]
#[serde(untagged)]
enum ClvFits {
    Fitted {
        bgnbd: BgNbdFields,
        gamma_gamma: GammaGammaFields,
    },
    Missing {
        problem: String,
    },
}

#[derive(Serialize)]
struct BgNbdFields {
    r: f64,
    alpha: f64,
    a: f64,
    b: f64,
    log_likelihood: f64,
    time_unit: TimeUnit,
}

#[derive(Serialize)]
struct GammaGammaFields {
    p: f64,
    q: f64,
    gamma: f64,
}

/// `kmeans` of the document.
#[derive(Serialize)]
#[serde(untagged)]
enum KmeansFit {
    Fitted { k: u8, silhouette: f64 },
    Missing { problem: String },
}

fn clv_fits(models: Option<&Models>) -> ClvFits {
    match models.map(|m| &m.clv) {
        Some(Ok(m)) => ClvFits::Fitted {
            bgnbd: BgNbdFields {
                r: m.bgnbd.r,
                alpha: m.bgnbd.alpha,
                a: m.bgnbd.a,
                b: m.bgnbd.b,
                log_likelihood: m.bgnbd.log_likelihood,
                time_unit: m.bgnbd.time_unit,
            },
            gamma_gamma: GammaGammaFields {
                p: m.gamma_gamma.p,
                q: m.gamma_gamma.q,
                gamma: m.gamma_gamma.gamma,
            },
        },
        Some(Err(problem)) => ClvFits::Missing {
            problem: format!("{problem:?}"),
        },
        None => ClvFits::Missing {
            problem: "NotFitted".into(),
        },
    }
}

fn kmeans_fit(models: Option<&Models>) -> KmeansFit {
    match models.map(|m| &m.clusters) {
        Some(Ok(c)) => KmeansFit::Fitted {
            k: c.k,
            silhouette: c.silhouette,
        },
        Some(Err(problem)) => KmeansFit::Missing {
            problem: format!("{problem:?}"),
        },
        None => KmeansFit::Missing {
            problem: "NotFitted".into(),
        },
    }
}

/// The analysis JSON, pretty-printed; model fits are included when the
/// analysis carries them.
pub fn analysis_json(analysis: &Analysis, quality: &QualityReport, settings: &Settings) -> String {
    let summary = &analysis.summary;
    let models = analysis.models.as_ref();
    let document = AnalysisDocument {
        generator: concat!("Segscope ", env!("CARGO_PKG_VERSION")),
        as_of: &summary.as_of,
        settings,
        data_quality: quality,
        kpis: &summary.kpis,
        segment_counts: summary
            .segments
            .iter()
            .map(|s| (s.segment.english_name(), s.customers))
            .collect(),
        tier_counts: summary.tiers.iter().map(|t| (t.name.as_str(), t.customers)).collect(),
        summary,
        clv: clv_fits(models),
        kmeans: kmeans_fit(models),
        psychographics: psycho_fit(models),
        survey: survey_block(summary, models),
    };
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_engine as analyze;
    use segscope_ingest::{read_file, sniff, DatasetBuilder};

    #[test]
    fn carries_settings_quality_kpis_and_counts() {
        let text = "customer_id,order_date,amount\nA,2024-01-05,10\nB,2024-02-05,30\nB,2024-03-05,5\n,2024-03-06,1\n";
        let schema = sniff("o.csv", text.as_bytes(), true).unwrap();
        let mut builder = DatasetBuilder::new();
        read_file(schema, text.as_bytes(), &mut builder).unwrap();
        let (dataset, quality) = builder.finish();
        let settings = Settings::default();
        let analysis = analyze::run(&dataset, &settings);
        let json: serde_json::Value = serde_json::from_str(&analysis_json(&analysis, &quality, &settings)).unwrap();
        assert_eq!(json["kpis"]["buyers"], 2);
        assert_eq!(json["settings"]["rfm"]["scale"], 5);
        assert_eq!(json["data_quality"]["files"][0]["rows_rejected"], 1);
        let segments: u64 = json["segment_counts"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum();
        assert_eq!(segments, 2);
        assert_eq!(json["tier_counts"]["No purchase"], 0);
    }
}
