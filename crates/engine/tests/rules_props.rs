//! Properties of custom segments on random shops and random rule sets (loops
//! and unknown references included): exclusive mode gives every customer
//! exactly one label, the first segment matching it; counts add up; OR and
//! NOT follow set algebra; rules reported as never matching match no one;
//! evaluation is deterministic; rule sets survive a JSON round trip.

mod common;

use proptest::prelude::*;
use segscope_engine::custom::rules::{
    assign, live_count, matching, CmpOp, CustomSegments, Field, FieldKind, Mode, Node, RuleContext, RuleWarning,
    SegmentRule, Test,
};
use segscope_engine::settings::Settings;
use segscope_engine::{run, Analysis};
use segscope_i18n::Lang;
use segscope_model::date::date_of;
use segscope_model::{Customers, Dataset};

fn dataset() -> impl Strategy<Value = Dataset> {
    let order = ((0usize..40, 0i32..900, 0u32..50_000, 0u8..8), 0u16..4);
    (
        1usize..40,
        prop::collection::vec(order, 0..200),
        prop::collection::vec((prop::option::of(0u16..3), prop::option::of(0i32..900)), 40),
    )
        .prop_map(|(n, orders, attributes)| {
            let (source, signup): (Vec<_>, Vec<_>) = attributes.into_iter().take(n).unzip();
            let mut d = Dataset {
                customers: Customers::with_keys((0..n).map(|i| format!("C{i}")).collect())
                    .with_sources(source)
                    .with_signups(signup)
                    .with_points((0..n).map(|i| (i % 3 == 0).then_some(i as f64 * 250.0)).collect()),
                sources: vec!["ads".into(), "WeChat".into(), "store".into()],
                categories: vec!["tea".into(), "cups".into(), "pots".into()],
                ..Dataset::default()
            };
            common::push_orders(&mut d, orders);
            d
        })
}

fn fields(kind: FieldKind) -> Vec<Field> {
    Field::COLUMNS.iter().filter(|f| f.kind() == kind).cloned().collect()
}

const WORDS: [&str; 12] = [
    "ads",
    "wechat",
    "c1",
    "C",
    "tea",
    "Champions",
    "lost",
    "Potential",
    "No purchase",
    "Bronze",
    "高价值",
    "",
];

fn condition() -> impl Strategy<Value = Node> {
    let op = prop::sample::select(vec![CmpOp::Lt, CmpOp::Le, CmpOp::Gt, CmpOp::Ge, CmpOp::Eq, CmpOp::Ne]);
    let word = prop::sample::select(WORDS.to_vec()).prop_map(String::from);
    let numeric = prop::sample::select(fields(FieldKind::Numeric));
    let text = prop::sample::select(fields(FieldKind::Text));
    let date = prop::sample::select(fields(FieldKind::Date));
    let any_field = prop::sample::select(Field::COLUMNS.to_vec());
    let segment = (0usize..7).prop_map(|k| Field::Segment(format!("s{k}")));
    prop_oneof![
        (numeric.clone(), op, -2i32..600).prop_map(|(f, op, v)| Node::cond(
            f,
            Test::Cmp {
                op,
                value: f64::from(v) / 2.0
            }
        )),
        (numeric, -2i32..600, -2i32..600).prop_map(|(f, a, b)| Node::cond(
            f,
            Test::Between {
                min: f64::from(a),
                max: f64::from(b)
            }
        )),
        (text.clone(), word.clone()).prop_map(|(f, w)| Node::cond(f, Test::Equals(w))),
        (text.clone(), word.clone()).prop_map(|(f, w)| Node::cond(f, Test::Contains(w))),
        (text, prop::collection::vec(word, 0..3)).prop_map(|(f, ws)| Node::cond(f, Test::InList(ws))),
        (date.clone(), 0i32..900).prop_map(|(f, d)| Node::cond(f, Test::Before(date_of(d)))),
        (date.clone(), 0i32..900).prop_map(|(f, d)| Node::cond(f, Test::After(date_of(d)))),
        (date, 0u32..400).prop_map(|(f, d)| Node::cond(f, Test::WithinDays(d))),
        (prop_oneof![any_field, segment], any::<bool>())
            .prop_map(|(f, set)| Node::cond(f, if set { Test::IsSet } else { Test::IsEmpty })),
    ]
}

fn node() -> impl Strategy<Value = Node> {
    condition().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Node::All),
            prop::collection::vec(inner.clone(), 0..4).prop_map(Node::Any),
            inner.prop_map(|n| Node::Not(Box::new(n))),
        ]
    })
}

fn rule_set() -> impl Strategy<Value = CustomSegments> {
    (prop::collection::vec(node(), 0..6), any::<bool>()).prop_map(|(rules, exclusive)| CustomSegments {
        mode: if exclusive {
            Mode::ordered_exclusive(Lang::En)
        } else {
            Mode::Tags
        },
        segments: rules
            .into_iter()
            .enumerate()
            .map(|(k, rule)| SegmentRule {
                name: format!("s{k}"),
                rule,
            })
            .collect(),
    })
}

/// True when no `{placeholder}` was left unfilled.
fn filled(message: &str) -> bool {
    !message.contains('{')
}

fn analysed(d: &Dataset) -> Analysis {
    run(d, &Settings::default())
}

proptest! {
    #[test]
    fn every_customer_gets_exactly_its_first_matching_segment(d in dataset(), rules in rule_set()) {
        let a = analysed(&d);
        let ctx = RuleContext::new(&d, &a, &rules);
        let n = d.customers.len();
        let result = assign(&ctx);
        prop_assert_eq!(result.matched.len(), rules.segments.len());
        for (k, mask) in result.matched.iter().enumerate() {
            prop_assert_eq!(mask.count(), result.matched_counts[k]);
            prop_assert_eq!(mask.len(), n);
        }
        match &result.exclusive {
            Some(e) => {
                prop_assert_eq!(e.segment.len(), n);
                for i in 0..n {
                    let first = (0..rules.segments.len()).find(|&k| result.matched[k].contains(i));
                    prop_assert_eq!(e.segment[i].map(|k| k as usize), first);
                    prop_assert_eq!(result.names_of(i).len(), 1);
                }
                for k in 0..rules.segments.len() {
                    let labelled = e.segment.iter().filter(|s| **s == Some(k as u32)).count();
                    prop_assert_eq!(labelled, result.assigned_counts[k]);
                }
                prop_assert_eq!(result.assigned_counts.iter().sum::<usize>() + e.other_count, n);
                prop_assert_eq!(e.segment.iter().filter(|s| s.is_none()).count(), e.other_count);
            }
            None => {
                prop_assert_eq!(&result.assigned_counts, &result.matched_counts);
                let tags: usize = (0..n).map(|i| result.names_of(i).len()).sum();
                prop_assert_eq!(tags, result.matched_counts.iter().sum::<usize>());
            }
        }
        for w in &result.warnings {
            match w {
                RuleWarning::Unsatisfiable { segment, .. } | RuleWarning::NoMatches { segment, .. } => {
                    prop_assert_eq!(result.matched_counts[*segment], 0, "{:?}", rules.segments[*segment]);
                }
                RuleWarning::Shadowed { segment, by, .. } => {
                    prop_assert!(result.matched_counts[*segment] > 0);
                    prop_assert_eq!(result.assigned_counts[*segment], 0);
                    prop_assert!(!by.is_empty());
                }
            }
            prop_assert!(filled(&w.message(Lang::Zh)) && filled(&w.message(Lang::En)), "{:?}", w);
        }
        prop_assert_eq!(assign(&ctx), result, "deterministic");
    }

    #[test]
    fn groups_follow_set_algebra(d in dataset(), rules in rule_set(), x in node(), y in node()) {
        let a = analysed(&d);
        let ctx = RuleContext::new(&d, &a, &rules);
        let n = d.customers.len();
        let (cx, cy) = (live_count(&ctx, &x), live_count(&ctx, &y));
        let both = live_count(&ctx, &Node::All(vec![x.clone(), y.clone()]));
        let either = live_count(&ctx, &Node::Any(vec![x.clone(), y.clone()]));
        prop_assert_eq!(either, cx + cy - both);
        prop_assert!(both <= cx.min(cy));
        prop_assert_eq!(live_count(&ctx, &Node::Not(Box::new(x.clone()))), n - cx);
        let mx = matching(&ctx, &x);
        prop_assert_eq!(matching(&ctx, &Node::Not(Box::new(Node::Not(Box::new(x))))), mx);
    }

    #[test]
    fn rule_sets_round_trip_and_validate_without_panics(rules in rule_set()) {
        let json = rules.to_json();
        let back: Option<CustomSegments> = serde_json::from_str(&json).ok();
        prop_assert_eq!(back.as_ref(), Some(&rules));
        for problem in rules.validate() {
            prop_assert!(filled(&problem.message(Lang::Zh)) && filled(&problem.message(Lang::En)), "{:?}", problem);
        }
        if rules.validate().is_empty() {
            prop_assert_eq!(CustomSegments::from_json(&json), Ok(rules));
        }
    }
}
