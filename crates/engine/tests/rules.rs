//! Custom segments and tags (docs/product.md#custom-segments-and-tags) on a small hand-made shop: every
//! test kind on every field family, missing values, membership, tags and
//! ordered exclusive mode with their warnings, saving and importing.

use chrono::NaiveDate;
use segscope_engine::custom::rules::{
    assign, live_count, matching, CmpOp, CustomSegments, Field, Mode, Node, RuleContext, RuleProblem, RuleWarning,
    SegmentRule, Test,
};
use segscope_engine::settings::Settings;
use segscope_engine::texts::t;
use segscope_engine::{run, Analysis};
use segscope_i18n::Lang;
use segscope_model::date::day_from_ymd;
use segscope_model::{Customers, Dataset, OrderStatus};

fn day(y: i32, m: u32, d: u32) -> i32 {
    day_from_ymd(y, m, d).unwrap_or_default()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Alice (3 orders, ads, tea), bob (1 order and a refund, WeChat), Carol (no
/// order, signed up), dave (one big old order, ads). As of 2024-05-02.
fn shop() -> Dataset {
    let mut d = Dataset {
        customers: Customers::with_keys(vec!["Alice".into(), "bob".into(), "Carol".into(), "dave".into()])
            .with_sources(vec![Some(0), Some(1), None, Some(0)])
            .with_signups(vec![Some(day(2023, 12, 1)), None, Some(day(2024, 5, 15)), None]),
        sources: vec!["ads".into(), "WeChat".into()],
        categories: vec!["tea".into(), "cups".into()],
        ..Dataset::default()
    };
    let orders = [
        (0, day(2024, 1, 10), 100.0, OrderStatus::Paid, 0),
        (0, day(2024, 3, 1), 50.0, OrderStatus::Paid, 0),
        (0, day(2024, 5, 1), 30.0, OrderStatus::Paid, 1),
        (1, day(2024, 4, 20), 20.0, OrderStatus::Paid, 1),
        (1, day(2024, 4, 21), 20.0, OrderStatus::Refunded, 1),
        (3, day(2023, 6, 1), 500.0, OrderStatus::Paid, u16::MAX),
    ];
    for (c, when, amount, status, category) in orders {
        d.orders.push_with_category(c, when, amount, status, category);
    }
    d
}

struct Shop {
    dataset: Dataset,
    analysis: Analysis,
}

impl Shop {
    fn new() -> Shop {
        let dataset = shop();
        let analysis = run(&dataset, &Settings::default());
        Shop { dataset, analysis }
    }

    fn who_in(&self, rules: &CustomSegments, node: Node) -> Vec<usize> {
        let ctx = RuleContext::new(&self.dataset, &self.analysis, rules);
        matching(&ctx, &node).ones().collect()
    }

    fn who(&self, field: Field, test: Test) -> Vec<usize> {
        self.who_in(&CustomSegments::default(), Node::cond(field, test))
    }
}

fn cmp(op: CmpOp, value: f64) -> Test {
    Test::Cmp { op, value }
}

fn text(s: &str) -> Test {
    Test::Equals(s.into())
}

fn seg(name: &str, rule: Node) -> SegmentRule {
    SegmentRule {
        name: name.into(),
        rule,
    }
}

#[test]
fn numeric_tests_and_missing_values() {
    let s = Shop::new();
    assert_eq!(s.analysis.as_of, day(2024, 5, 2));
    assert_eq!(s.who(Field::Orders, cmp(CmpOp::Ge, 2.0)), vec![0]);
    assert_eq!(
        s.who(Field::Revenue, Test::Between { min: 20.0, max: 180.0 }),
        vec![0, 1]
    );
    assert_eq!(s.who(Field::Revenue, Test::Between { min: 0.0, max: 10.0 }), vec![2]);
    assert_eq!(s.who(Field::Aov, cmp(CmpOp::Lt, 1000.0)), vec![0, 1, 3]);
    assert_eq!(s.who(Field::MaxOrder, cmp(CmpOp::Ge, 500.0)), vec![3]);
    assert_eq!(s.who(Field::RecencyDays, cmp(CmpOp::Le, 30.0)), vec![0, 1]);
    assert_eq!(s.who(Field::RecencyDays, cmp(CmpOp::Ne, 1.0)), vec![1, 3]);
    assert_eq!(s.who(Field::RecencyDays, Test::IsEmpty), vec![2]);
    let not_recent = Node::Not(Box::new(Node::cond(Field::RecencyDays, cmp(CmpOp::Le, 30.0))));
    assert_eq!(s.who_in(&CustomSegments::default(), not_recent), vec![2, 3]);
    assert_eq!(s.who(Field::TenureDays, cmp(CmpOp::Gt, 300.0)), vec![3]);
    assert_eq!(s.who(Field::MeanInterpurchaseDays, Test::IsSet), vec![0]);
    assert_eq!(s.who(Field::Refunds, cmp(CmpOp::Eq, 1.0)), vec![1]);
    assert_eq!(s.who(Field::DistinctCategories, cmp(CmpOp::Ge, 2.0)), vec![0]);
    assert_eq!(s.who(Field::RScore, Test::IsEmpty), vec![2]);
    assert_eq!(s.who(Field::FScore, cmp(CmpOp::Ge, 1.0)), vec![0, 1, 3]);
    assert_eq!(s.who(Field::MScore, cmp(CmpOp::Gt, 0.0)), vec![0, 1, 3]);
    assert_eq!(
        s.who(Field::ValueScore, Test::Between { min: 0.0, max: 1.0 }),
        vec![0, 1, 3]
    );
    assert_eq!(s.who(Field::Points, cmp(CmpOp::Ge, 0.0)), vec![0, 1, 2, 3]);
    assert_eq!(s.who(Field::Orders, Test::IsEmpty), Vec::<usize>::new());
    // Tests that do not fit, or compare with a non-number, match no one.
    assert_eq!(s.who(Field::Revenue, Test::Contains("1".into())), Vec::<usize>::new());
    assert_eq!(s.who(Field::Revenue, cmp(CmpOp::Ne, f64::NAN)), Vec::<usize>::new());
}

#[test]
fn text_tests_on_attributes_and_labels() {
    let s = Shop::new();
    assert_eq!(s.who(Field::CustomerId, Test::Contains("AL".into())), vec![0]);
    assert_eq!(s.who(Field::CustomerId, text(" BOB ")), vec![1]);
    assert_eq!(
        s.who(Field::CustomerId, Test::InList(vec!["carol".into(), "x".into()])),
        vec![2]
    );
    assert_eq!(s.who(Field::Source, text("ADS")), vec![0, 3]);
    assert_eq!(s.who(Field::Source, Test::Contains("chat".into())), vec![1]);
    assert_eq!(s.who(Field::Source, Test::IsEmpty), vec![2]);
    assert_eq!(s.who(Field::FavoriteCategory, text("tea")), vec![0]);
    assert_eq!(s.who(Field::FavoriteCategory, Test::IsEmpty), vec![2, 3]);
    // Labels answer to their English names and to their displayed names.
    let alice = s.analysis.labels.segment()[0].expect("alice has a segment");
    let same: Vec<usize> = (0..4)
        .filter(|&i| s.analysis.labels.segment()[i] == Some(alice))
        .collect();
    assert_eq!(s.who(Field::RfmSegment, text(alice.english_name())), same);
    assert_eq!(s.who(Field::RfmSegment, text(t(Lang::Zh, alice.i18n_key()))), same);
    assert_eq!(s.who(Field::RfmSegment, Test::IsEmpty), vec![2]);
    assert_eq!(s.who(Field::LifecycleStage, text("potential")), vec![2]);
    assert_eq!(s.who(Field::LifecycleStage, text("潜在客户")), vec![2]);
    assert_eq!(s.who(Field::ValueTier, text("No purchase")), vec![2]);
    assert_eq!(s.who(Field::ValueTier, text("未购买")), vec![2]);
    let tiers = Test::InList(vec!["High".into(), "medium".into(), "低价值".into()]);
    assert_eq!(s.who(Field::ValueTier, tiers), vec![0, 1, 3]);
    assert_eq!(s.who(Field::MemberLevel, text("bronze")), vec![0, 1, 2, 3]);
    assert_eq!(s.who(Field::MemberLevel, text("青铜")), vec![0, 1, 2, 3]);
    assert_eq!(s.who(Field::MemberLevel, text("Gold")), Vec::<usize>::new());
}

#[test]
fn date_tests() {
    let s = Shop::new();
    assert_eq!(s.who(Field::FirstOrderDate, Test::Before(date(2024, 1, 1))), vec![3]);
    assert_eq!(s.who(Field::FirstOrderDate, Test::After(date(2024, 1, 10))), vec![1]);
    assert_eq!(s.who(Field::LastOrderDate, Test::WithinDays(0)), Vec::<usize>::new());
    assert_eq!(s.who(Field::LastOrderDate, Test::WithinDays(1)), vec![0]);
    assert_eq!(s.who(Field::LastOrderDate, Test::WithinDays(12)), vec![0, 1]);
    assert_eq!(s.who(Field::SignupDate, Test::IsEmpty), vec![1, 3]);
    assert_eq!(s.who(Field::SignupDate, Test::After(date(2024, 1, 1))), vec![2]);
    // A signup after the as-of date is not "within the last N days".
    assert_eq!(s.who(Field::SignupDate, Test::WithinDays(400)), vec![0]);
}

#[test]
fn groups_and_membership_of_other_segments() {
    let s = Shop::new();
    let rules = CustomSegments {
        mode: Mode::Tags,
        segments: vec![
            seg("buyers", Node::cond(Field::Orders, cmp(CmpOp::Ge, 1.0))),
            seg(
                "big buyers",
                Node::All(vec![
                    Node::cond(Field::Segment("buyers".into()), Test::IsSet),
                    Node::cond(Field::Revenue, cmp(CmpOp::Ge, 100.0)),
                ]),
            ),
        ],
    };
    let member = |name: &str, test: Test| Node::cond(Field::Segment(name.into()), test);
    assert_eq!(s.who_in(&rules, member("big buyers", Test::IsSet)), vec![0, 3]);
    assert_eq!(s.who_in(&rules, member("buyers", Test::IsEmpty)), vec![2]);
    assert_eq!(s.who_in(&rules, member("nowhere", Test::IsSet)), Vec::<usize>::new());
    let either = Node::Any(vec![
        member("big buyers", Test::IsSet),
        Node::cond(Field::Source, text("wechat")),
    ]);
    assert_eq!(s.who_in(&rules, either), vec![0, 1, 3]);
    assert_eq!(s.who_in(&rules, Node::All(vec![])), vec![0, 1, 2, 3]);
    assert_eq!(s.who_in(&rules, Node::Any(vec![])), Vec::<usize>::new());
    let ctx = RuleContext::new(&s.dataset, &s.analysis, &rules);
    assert_eq!(live_count(&ctx, &member("buyers", Test::IsSet)), 3);
    // A loop (not valid, but being edited) matches no one rather than hanging.
    let looped = CustomSegments {
        mode: Mode::Tags,
        segments: vec![seg("a", member("b", Test::IsSet)), seg("b", member("a", Test::IsEmpty))],
    };
    assert!(!looped.validate().is_empty());
    let ctx = RuleContext::new(&s.dataset, &s.analysis, &looped);
    assert_eq!(assign(&ctx).matched_counts.len(), 2);
}

fn ordered() -> CustomSegments {
    CustomSegments {
        mode: Mode::OrderedExclusive {
            other_name: "Other".into(),
        },
        segments: vec![
            seg("Recent", Node::cond(Field::RecencyDays, cmp(CmpOp::Le, 30.0))),
            seg("Ads", Node::cond(Field::Source, text("ads"))),
            seg("Alice only", Node::cond(Field::CustomerId, text("alice"))),
            seg(
                "Impossible",
                Node::cond(Field::Revenue, Test::Between { min: 5.0, max: 1.0 }),
            ),
            seg("Nobody", Node::cond(Field::Orders, cmp(CmpOp::Gt, 100.0))),
        ],
    }
}

#[test]
fn ordered_exclusive_mode_labels_once_and_warns() {
    let s = Shop::new();
    let rules = ordered();
    let ctx = RuleContext::new(&s.dataset, &s.analysis, &rules);
    let a = assign(&ctx);
    let exclusive = a.exclusive.as_ref().expect("exclusive mode");
    assert_eq!(exclusive.segment, vec![Some(0), Some(0), None, Some(1)]);
    assert_eq!(exclusive.other_count, 1);
    assert_eq!(a.matched_counts, vec![2, 2, 1, 0, 0]);
    assert_eq!(a.assigned_counts, vec![2, 1, 0, 0, 0]);
    assert_eq!(
        a.warnings,
        vec![
            RuleWarning::Shadowed {
                segment: 2,
                name: "Alice only".into(),
                by: vec!["Recent".into()]
            },
            RuleWarning::Unsatisfiable {
                segment: 3,
                name: "Impossible".into()
            },
            RuleWarning::NoMatches {
                segment: 4,
                name: "Nobody".into()
            },
        ]
    );
    assert_eq!(a.names_of(2), vec!["Other"]);
    assert_eq!(a.names_of(3), vec!["Ads"]);
    assert!(a.has(3, 1) && !a.has(0, 1));
    assert!(a.warnings[0].message(Lang::Zh).contains("「Recent」"));
}

#[test]
fn tags_mode_gives_every_matching_tag() {
    let s = Shop::new();
    let rules = CustomSegments {
        mode: Mode::Tags,
        ..ordered()
    };
    let ctx = RuleContext::new(&s.dataset, &s.analysis, &rules);
    let a = assign(&ctx);
    assert!(a.exclusive.is_none());
    assert_eq!(a.assigned_counts, a.matched_counts);
    assert_eq!(a.names_of(0), vec!["Recent", "Ads", "Alice only"]);
    assert_eq!(a.names_of(2), Vec::<&str>::new());
    assert!(a.has(0, 1) && a.has(3, 1) && !a.has(1, 1));
    assert!(!a.warnings.iter().any(|w| matches!(w, RuleWarning::Shadowed { .. })));
}

#[test]
fn rule_sets_save_and_import_as_json() {
    let json = r#"{
      "mode": {"ordered_exclusive": {"other_name": "Other"}},
      "segments": [
        {"name": "VIP", "rule": {"all": [
          {"cond": {"field": "revenue", "test": {"cmp": {"op": "ge", "value": 1000}}}},
          {"cond": {"field": "rfm_segment", "test": {"in_list": ["Champions", "Loyal Customers"]}}}
        ]}},
        {"name": "Lapsed VIP", "rule": {"all": [
          {"cond": {"field": {"segment": "VIP"}, "test": "is_set"}},
          {"not": {"cond": {"field": "last_order_date", "test": {"within_days": 90}}}}
        ]}},
        {"name": "Fresh", "rule": {"cond": {"field": "signup_date", "test": {"after": "2024-01-01"}}}}
      ]
    }"#;
    let rules = CustomSegments::from_json(json).expect("a valid rule set");
    assert_eq!(rules.segments.len(), 3);
    assert_eq!(CustomSegments::from_json(&rules.to_json()), Ok(rules.clone()));
    let settings = Settings {
        custom_segments: rules,
        ..Settings::default()
    };
    let saved = serde_json::to_string(&settings).unwrap_or_default();
    assert_eq!(serde_json::from_str::<Settings>(&saved).ok(), Some(settings));
    // Settings saved before custom segments existed still load.
    let old: Settings = serde_json::from_str(r#"{"rfm": {"scale": 4}}"#).unwrap_or_default();
    assert_eq!(old.custom_segments, CustomSegments::default());
}

#[test]
fn garbage_imports_say_what_is_wrong() {
    let bad = |json: &str| CustomSegments::from_json(json).err().unwrap_or_default();
    for json in ["", "not json", "[1, 2]", r#"{"segments": 5}"#] {
        let problems = bad(json);
        assert!(
            matches!(problems.as_slice(), [RuleProblem::BadJson { .. }]),
            "{json}: {problems:?}"
        );
        assert!(problems[0].message(Lang::Zh).starts_with("无法读取规则文件"));
    }
    let typo = r#"{"segments": [{"name": "a", "rule": {"cond": {"field": "revenu", "test": "is_set"}}}]}"#;
    let message = bad(typo)[0].message(Lang::En);
    assert!(
        message.contains("unknown variant `revenu`") && message.contains("line 1"),
        "{message}"
    );
    let bad_date = r#"{"segments": [{"name": "a", "rule": {"cond": {"field": "signup_date", "test": {"before": "2024-13-45"}}}}]}"#;
    assert!(matches!(bad(bad_date).as_slice(), [RuleProblem::BadJson { .. }]));
    let inverted = r#"{"segments": [{"name": "a", "rule": {"cond": {"field": "aov", "test": {"between": {"min": 9, "max": 1}}}}}]}"#;
    let problems = bad(inverted);
    assert_eq!(
        problems,
        vec![RuleProblem::MinAboveMax {
            segment: "a".into(),
            field: Field::Aov
        }]
    );
    assert_eq!(
        problems[0].message(Lang::En),
        "In “a”, the range of Average order value has its minimum above its maximum."
    );
    assert_eq!(problems[0].message(Lang::Zh), "「a」中客单价的范围下限大于上限。");
    // Inside the settings, the first problem of the rules stops the analysis, in words.
    let looped = r#"{"custom_segments": {"segments": [{"name": "a", "rule": {"cond": {"field": {"segment": "a"}, "test": "is_set"}}}]}}"#;
    let settings: Settings = serde_json::from_str(looped).unwrap_or_default();
    let error = settings
        .validate()
        .err()
        .map(|e| (e.message(Lang::En), e.message(Lang::Zh)))
        .unwrap_or_default();
    assert_eq!(error.0, "These segments refer to each other in a loop: “a”.");
    assert_eq!(error.1, "这些分群相互引用,形成了循环:「a」。");
}
