//! Names from files reach charts only as escaped text (docs/product.md#trust), and every
//! chart text comes from the i18n table.

use segscope_engine::run;
use segscope_engine::settings::Settings;
use segscope_i18n::Lang;
use segscope_model::{Customers, Dataset, OrderStatus};
use segscope_report::{rf_heatmap, tier_distribution};

const SCRIPT: &str = "<script>alert('x')</script>";

fn hostile_dataset() -> Dataset {
    let keys = vec![
        SCRIPT.to_string(),
        "\"><img src=x onerror=alert(1)>".to_string(),
        "a&b".to_string(),
    ];
    let mut d = Dataset {
        customers: Customers::with_keys(keys),
        sources: vec![SCRIPT.to_string()],
        ..Dataset::default()
    };
    d.customers.set_source(0, Some(0));
    d.orders.push(0, 100, 10.0, OrderStatus::Paid);
    d.orders.push(1, 90, 20.0, OrderStatus::Paid);
    d.orders.push(1, 95, 20.0, OrderStatus::Paid);
    d
}

fn hostile_settings() -> Settings {
    let mut settings = Settings::default();
    settings.tiers.names = vec![SCRIPT.into(), "Mid & <b>bold</b>".into(), "\u{0}Low".into()];
    settings
}

#[test]
fn customer_keys_and_tier_names_never_appear_unescaped() {
    let summary = run(&hostile_dataset(), &hostile_settings()).summary;
    for lang in [Lang::En, Lang::Zh] {
        for svg in [tier_distribution(&summary, lang), rf_heatmap(&summary, lang)] {
            assert!(!svg.contains("<script"), "{svg}");
            assert!(!svg.contains("<img"), "{svg}");
            assert!(!svg.contains("<b>"), "{svg}");
            assert!(!svg.contains('\u{0}'), "{svg}");
            assert!(!svg.contains("& "), "{svg}");
        }
    }
    let tiers = tier_distribution(&summary, Lang::En);
    assert!(tiers.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
}

#[test]
fn every_chart_text_has_a_translation() {
    let summary = run(&hostile_dataset(), &Settings::default()).summary;
    let empty = run(&Dataset::default(), &Settings::default()).summary;
    for lang in [Lang::En, Lang::Zh] {
        for s in [&summary, &empty] {
            for svg in [tier_distribution(s, lang), rf_heatmap(s, lang)] {
                assert!(!svg.contains("??"), "untranslated text in {svg}");
                assert!(!svg.contains('{'), "unfilled placeholder in {svg}");
            }
        }
    }
}
