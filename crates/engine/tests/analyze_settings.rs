//! Settings JSON (docs/product.md#settings): older saved settings still load with defaults for
//! what they lack, the membership, lifecycle, RFM and playbook parts have the
//! documented shape, and validation explains problems in zh and en.

use segscope_engine::settings::{FixedCutoffs, MemberLevel, PointsSource, Settings, SettingsError};
use segscope_i18n::Lang;

fn parse(json: &str) -> Settings {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json} does not load: {e}"))
}

/// The English and Chinese messages of an invalid setting, both non-empty.
fn problem(settings: &Settings) -> (String, String) {
    let e = settings
        .validate()
        .err()
        .unwrap_or_else(|| panic!("{settings:?} was accepted"));
    let (en, zh) = (e.message(Lang::En), e.message(Lang::Zh));
    assert!(!en.trim().is_empty() && !zh.trim().is_empty());
    assert_eq!(e.to_string(), en);
    (en, zh)
}

#[test]
fn settings_saved_before_membership_and_lifecycle_load_with_defaults() {
    let old = parse(r#"{"as_of":null,"rfm":{"scale":4},"tiers":{"cutoffs":[0.1,0.4],"names":["A","B","C"]}}"#);
    assert_eq!(old.rfm.scale, 4);
    assert_eq!(old.rfm.fixed, None);
    assert_eq!(old.membership, Settings::default().membership);
    assert_eq!(old.lifecycle, Settings::default().lifecycle);
    assert!(old.playbook.is_empty());
    assert!(old.validate().is_ok());
    assert_eq!(parse("{}"), Settings::default());
}

#[test]
fn partial_parts_load_with_defaults() {
    let s = parse(
        r#"{"membership":{"levels":[{"name":"Basic"},{"name":"Plus","min_points":500}]},
            "lifecycle":{"active_window_days":120},
            "rfm":{"scale":3,"fixed":{"recency_days":[30,90]}}}"#,
    );
    assert_eq!(s.membership.levels[0].min_points, 0.0);
    assert_eq!(s.membership.points_source, PointsSource::FromColumnElseRevenue);
    assert_eq!(s.membership.points_per_currency_unit, 1.0);
    assert_eq!((s.lifecycle.new_days, s.lifecycle.active_window_days), (90, Some(120)));
    let fixed = s.rfm.fixed.clone().unwrap_or_default();
    assert_eq!((fixed.recency_days.len(), fixed.orders.len()), (2, 0));
    // Loading is lenient; validation then names what is missing.
    problem(&s);
}

#[test]
fn the_json_shape_of_the_new_parts() {
    let mut s = Settings::default();
    s.membership.points_source = PointsSource::Revenue;
    s.playbook
        .insert("seg.champions".into(), "Invite to the VIP evening".into());
    s.rfm.scale = 3;
    s.rfm.fixed = Some(FixedCutoffs {
        recency_days: vec![30.0, 90.0],
        orders: vec![2.0, 5.0],
        revenue: vec![100.0, 1000.0],
    });
    let json: serde_json::Value = serde_json::to_value(&s).unwrap_or_default();
    assert_eq!(json["membership"]["points_source"], "Revenue");
    assert_eq!(json["membership"]["points_per_currency_unit"], 1.0);
    assert_eq!(json["membership"]["levels"][3]["name"], "Diamond");
    assert_eq!(json["membership"]["levels"][3]["min_points"], 20_000.0);
    assert_eq!(json["lifecycle"]["new_days"], 90);
    assert!(json["lifecycle"]["active_window_days"].is_null());
    assert_eq!(json["rfm"]["fixed"]["recency_days"][1], 90.0);
    assert_eq!(json["playbook"]["seg.champions"], "Invite to the VIP evening");
    assert!(s.validate().is_ok());
    let back: Settings = serde_json::from_value(json).unwrap_or_default();
    assert_eq!(back, s);
}

#[test]
fn membership_and_lifecycle_problems_are_explained() {
    let level = |name: &str, min_points: f64| MemberLevel {
        name: name.into(),
        min_points,
    };
    let with_levels = |levels: Vec<MemberLevel>| {
        let mut s = Settings::default();
        s.membership.levels = levels;
        s
    };
    problem(&with_levels(vec![]));
    problem(&with_levels(vec![level("A", 10.0), level("B", 20.0)]));
    problem(&with_levels(vec![level("A", 0.0), level("B", 20.0), level("C", 20.0)]));
    problem(&with_levels(vec![level("A", 0.0), level("B", f64::INFINITY)]));
    problem(&with_levels(vec![level("A", 0.0), level(" ", 5.0)]));
    problem(&with_levels((0..13).map(|i| level("L", f64::from(i))).collect()));
    assert_eq!(
        with_levels(vec![level("A", 0.0), level(" ", 5.0)]).validate(),
        Err(SettingsError::MemberLevelName)
    );
    assert!(with_levels(vec![level("Only", 0.0)]).validate().is_ok());
    let mut s = Settings::default();
    s.membership.points_per_currency_unit = -1.0;
    problem(&s);
    let mut s = Settings::default();
    s.lifecycle.new_days = 0;
    problem(&s);
    let mut s = Settings::default();
    s.lifecycle.active_window_days = Some(0);
    assert_eq!(
        problem(&s),
        (
            "Lifecycle windows must be at least 1 day.".into(),
            "生命周期窗口至少为 1 天。".into()
        )
    );
}
