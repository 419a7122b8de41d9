//! The charts of the Leads, Engagement, Interest, Demographics, Clusters,
//! Lifetime value and Migration pages, drawn from the demo dataset in both
//! languages: well-formed SVG with a title, no untranslated key, real data,
//! and unchanged from their committed snapshots.

mod common;

use segscope_engine::analyses::migration::{migrate, MigrationRequest, Scheme};
use segscope_engine::audience::Dimension;
use segscope_engine::clv::holdout_check;
use segscope_engine::models::Models;
use segscope_engine::run;
use segscope_engine::settings::Settings;
use segscope_i18n::Lang;
use segscope_ingest::{read_file, sniff, DatasetBuilder};
use segscope_report as chart;
use std::path::PathBuf;

#[test]
fn every_audience_and_model_chart_renders_in_both_languages() {
    let mut builder = DatasetBuilder::new();
    for name in ["customers.csv", "orders.csv", "events.csv"] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../public/demo")
            .join(name);
        let bytes = std::fs::read(&path).expect("demo file");
        read_file(sniff(name, &bytes, true).expect("sniff"), &bytes, &mut builder).expect("read");
    }
    let (dataset, _) = builder.finish();
    let settings = Settings::default();
    let analysis = run(&dataset, &settings);
    let models = Models::fit(&dataset, &analysis, &settings).summary(&dataset, &analysis);
    let clusters = models.clusters.expect("the demo clusters");
    let clv = models.clv.expect("the demo fits");
    let holdout = holdout_check(&dataset, analysis.as_of, 90, &settings.clv).expect("holdout");
    let to = segscope_model::date::date_of(analysis.as_of);
    let request = MigrationRequest {
        scheme: Scheme::Rfm,
        from: to - chrono::Duration::days(180),
        to,
    };
    let migration = migrate(&dataset, &settings, &request).expect("migration");
    let s = &analysis.summary;
    for lang in [Lang::En, Lang::Zh] {
        let charts = [
            ("leads", chart::lead_stages(s, lang)),
            ("lead_funnel", chart::lead_funnel(s, None, lang)),
            ("lead_funnel_source", chart::lead_funnel(s, Some(0), lang)),
            ("journey", chart::journey(s, lang)),
            ("event_kinds", chart::event_kinds(s, lang)),
            ("engagement", chart::engagement_levels(s, lang)),
            ("engagement_trend", chart::engagement_trend(s, lang)),
            ("interest", chart::category_interest(s, lang)),
            ("affinity", chart::affinity(s, lang)),
            ("demo_age", chart::demographic_bands(s, Dimension::Age, lang)),
            (
                "demo_gender_tiers",
                chart::demographic_by_tier(s, Dimension::Gender, lang),
            ),
            (
                "demo_income_stages",
                chart::demographic_by_stage(s, Dimension::Income, lang),
            ),
            ("silhouette", chart::silhouette_by_k(&clusters, lang)),
            ("clv_distribution", chart::clv_distribution(&clv, lang)),
            ("clv_sources", chart::clv_by_source(&clv, lang)),
            ("holdout", chart::holdout_by_frequency(&holdout, lang)),
            ("migration", chart::migration_matrix(&migration, lang)),
        ];
        let tag = if lang == Lang::En { "en" } else { "zh" };
        for (name, svg) in &charts {
            assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{name}");
            assert!(svg.contains("<title"), "{name} titled");
            assert!(!svg.contains("??"), "untranslated text in {name}");
            assert!(
                !svg.contains(segscope_report::texts::t(lang, "chart.no_data")),
                "{name} has data"
            );
            common::check_snapshot(&format!("audience_{name}_{tag}.svg"), svg);
        }
        let scatter = segscope_report::cluster_scatter(&clusters.clusters, &clusters.dots, lang);
        assert!(scatter.contains("<circle") && scatter.len() < 250_000);
    }
}
