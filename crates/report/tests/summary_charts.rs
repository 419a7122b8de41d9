//! Every dashboard chart renders from a real analysis in both languages:
//! well-formed SVG with a title, no untranslated key, and every text a user
//! controls (source names from files, tier and level names from settings)
//! escaped — the page inserts these SVGs as HTML.

mod common;

use segscope_engine::run;
use segscope_engine::settings::Settings;
use segscope_i18n::Lang;
use segscope_ingest::{read_file, sniff, DatasetBuilder};
use segscope_report as chart;

fn analysed() -> segscope_engine::Summary {
    let mut text = String::from("customer_id,order_date,amount,status\n");
    for i in 0..400u32 {
        let day = 1 + (i * 7) % 28;
        let month = 1 + (i * 5) % 12;
        let status = if i % 11 == 0 { "refunded" } else { "paid" };
        text.push_str(&format!(
            "c{},2023-{month:02}-{day:02},{}.50,{status}\n",
            i % 90,
            10 + i % 37
        ));
    }
    let mut builder = DatasetBuilder::new();
    read_file(
        sniff("o.csv", text.as_bytes(), true).unwrap(),
        text.as_bytes(),
        &mut builder,
    )
    .unwrap();
    let mut customers = String::from("customer_id,source\n");
    for i in 0..120u32 {
        customers.push_str(&format!("c{i},{}\n", ["ads", "<b>wechat</b>", ""][i as usize % 3]));
    }
    read_file(
        sniff("c.csv", customers.as_bytes(), true).unwrap(),
        customers.as_bytes(),
        &mut builder,
    )
    .unwrap();
    let (dataset, _) = builder.finish();
    let mut settings = Settings::default();
    settings.tiers.names = vec!["<i>top</i>".into(), "Medium".into(), "Low".into()];
    settings.membership.levels[1].name = "<script>x</script>".into();
    run(&dataset, &settings).summary
}

#[test]
fn every_summary_chart_renders_in_both_languages() {
    let s = analysed();
    assert!(s.repeat.repeat_buyers > 0 && s.after_sales.overall.refunded_orders > 0);
    for lang in [Lang::En, Lang::Zh] {
        let charts = [
            chart::membership_levels(&s, lang),
            chart::lifecycle_stages(&s, lang),
            chart::lifecycle_funnel(&s, None, lang),
            chart::lifecycle_funnel(&s, Some(0), lang),
            chart::source_revenue(&s, lang),
            chart::source_tier_mix(&s, lang),
            chart::segment_monetary(&s, lang),
            chart::time_to_second(&s, lang),
            chart::purchase_gaps(&s, lang),
            chart::cohort_retention(&s, lang),
            chart::refunds_by_segment(&s, lang),
            chart::tier_distribution(&s, lang),
            chart::rf_heatmap(&s, lang),
        ];
        for svg in &charts {
            assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{svg}");
            assert!(svg.contains("<title"), "titled");
            assert!(
                !svg.contains("??") && !svg.contains("chart.no_data"),
                "untranslated text in {svg}"
            );
            for raw in ["<b>", "<i>", "<script>"] {
                assert!(!svg.contains(raw), "user text escaped: {raw}");
            }
        }
        let names = [
            "levels",
            "stages",
            "funnel",
            "funnel_source",
            "sources",
            "tier_mix",
            "segment_m",
            "second",
            "gaps",
            "cohorts",
            "refunds",
        ];
        let tag = if lang == Lang::En { "en" } else { "zh" };
        for (name, svg) in names.iter().zip(&charts) {
            common::check_snapshot(&format!("summary_{name}_{tag}.svg"), svg);
        }
        assert!(charts[4].contains("&lt;b&gt;wechat&lt;/b&gt;"));
        assert!(
            charts[0].contains("&lt;script&gt;x&lt;/script&gt;"),
            "level name shown, escaped"
        );
        assert!(charts[5].contains("&lt;i&gt;top&lt;/i&gt;"), "tier name shown, escaped");
    }
}
