//! The explorer's queries: filters, search, sorts (missing values last) and
//! pages, checked against a direct computation.

use proptest::prelude::*;
use segscope_engine::explore::{CustomerQuery, Explorer, SortColumn};
use segscope_engine::settings::Settings;
use segscope_engine::{self as analyze, RfmSegment};
use segscope_model::{ContactField, Customers, Dataset, OrderStatus};

/// `n` customers; customer i buys i % 4 times (so a quarter never buy).
fn dataset(n: usize) -> Dataset {
    let mut d = Dataset {
        customers: Customers::with_keys((0..n).map(|i| format!("C{:04}", (i * 7919) % 10_000)).collect())
            .with_sources((0..n).map(|i| (i % 3 != 0).then_some((i % 2) as u16)).collect()),
        sources: vec!["ads".into(), "微信".into()],
        ..Dataset::default()
    };
    for i in 0..n as u32 {
        for k in 0..i % 4 {
            d.orders.push(
                i,
                19_000 + (i * 13 + k * 29) as i32 % 400,
                f64::from(5 + i % 17 * 3 + k),
                OrderStatus::Paid,
            );
        }
    }
    d
}

#[test]
fn filters_search_sort_and_pages() {
    let d = dataset(200);
    let a = analyze::run(&d, &Settings::default());
    let mut explorer = Explorer::default();
    let all = explorer.page(
        &d,
        &a,
        &CustomerQuery {
            limit: 50,
            ..CustomerQuery::default()
        },
    );
    assert_eq!(all.total, 200);
    assert_eq!(all.rows.len(), 50);
    // Default sort is revenue ascending.
    assert!(all.rows.windows(2).all(|w| w[0].revenue <= w[1].revenue));

    let q = CustomerQuery {
        tiers: vec![Some(0)],
        sort: SortColumn::Revenue,
        descending: true,
        limit: 1000,
        ..CustomerQuery::default()
    };
    let high = explorer.page(&d, &a, &q);
    let buyers = a.metrics.orders().iter().filter(|&&o| o > 0).count();
    assert_eq!(high.total as usize, buyers.div_ceil(5));
    assert!(high.rows.iter().all(|r| r.tier == Some(0)));
    assert!(high.rows.windows(2).all(|w| w[0].revenue >= w[1].revenue));

    let search = explorer.page(
        &d,
        &a,
        &CustomerQuery {
            search: "c00".into(),
            limit: 1000,
            ..CustomerQuery::default()
        },
    );
    let expected = d
        .customers
        .key()
        .iter()
        .filter(|k| k.to_lowercase().contains("c00"))
        .count();
    assert_eq!(search.total as usize, expected);

    let wechat = explorer.page(
        &d,
        &a,
        &CustomerQuery {
            sources: vec!["微信".into(), "".into()],
            limit: 1000,
            ..CustomerQuery::default()
        },
    );
    // `""` stands for an unknown source.
    assert!(wechat
        .rows
        .iter()
        .all(|r| matches!(r.source.as_deref(), Some("微信") | None)));
    assert_eq!(
        wechat.total,
        (0..200).filter(|i| i % 3 == 0 || i % 2 == 1).count() as u64
    );
    let nobody = explorer.page(
        &d,
        &a,
        &CustomerQuery {
            sources: vec!["no such source".into()],
            limit: 10,
            ..CustomerQuery::default()
        },
    );
    assert_eq!(nobody.total, 0);
}

#[test]
fn recency_sorts_non_buyers_last_both_ways() {
    let d = dataset(40);
    let a = analyze::run(&d, &Settings::default());
    let mut explorer = Explorer::default();
    for descending in [false, true] {
        let q = CustomerQuery {
            sort: SortColumn::Recency,
            descending,
            limit: 1000,
            ..CustomerQuery::default()
        };
        let page = explorer.page(&d, &a, &q);
        let first_none = page.rows.iter().position(|r| r.recency_days.is_none()).unwrap();
        assert!(page.rows[first_none..].iter().all(|r| r.recency_days.is_none()));
        let days: Vec<i32> = page.rows[..first_none].iter().filter_map(|r| r.recency_days).collect();
        let mut sorted = days.clone();
        sorted.sort();
        if descending {
            sorted.reverse();
        }
        assert_eq!(days, sorted);
    }
}

proptest! {
    /// Pages tile the selection: every matching customer appears once, in order.
    #[test]
    fn pages_tile_the_selection(n in 0usize..120, limit in 1u32..40, segment in 0usize..11, filter in any::<bool>()) {
        let d = dataset(n);
        let a = analyze::run(&d, &Settings::default());
        let mut explorer = Explorer::default();
        let base = CustomerQuery {
            segments: if filter { vec![RfmSegment::ALL[segment]] } else { vec![] },
            sort: SortColumn::ValueScore,
            descending: true,
            limit,
            ..CustomerQuery::default()
        };
        let mut seen = Vec::new();
        let mut offset = 0;
        loop {
            let page = explorer.page(&d, &a, &CustomerQuery { offset, ..base.clone() });
            if page.rows.is_empty() {
                prop_assert_eq!(page.total as usize, seen.len());
                break;
            }
            seen.extend(page.rows.iter().map(|r| r.index));
            offset += u64::from(limit);
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        prop_assert_eq!(unique.len(), seen.len());
        let direct = base.matching(&d, &a);
        prop_assert_eq!(seen, direct);
    }
}

#[test]
fn detail_lists_orders_latest_first_and_explains_each_label() {
    let d = dataset(40);
    let a = analyze::run(&d, &Settings::default());
    let buyer = (0..40u32).find(|&i| i % 4 == 3).unwrap();
    let detail = segscope_engine::explore::CustomerDetail::of(&d, &a, d.customers.ix(buyer).unwrap());
    assert_eq!(detail.order_count, 3);
    assert!(detail.orders.windows(2).all(|w| w[0].date >= w[1].date));
    let r = detail.labels.iter().find(|l| l.scheme == "reason.scheme.r").unwrap();
    let days = a.metrics.recency_days()[buyer as usize].unwrap();
    assert_eq!(r.value[0], a.labels.r()[buyer as usize].to_string());
    assert!(r.reason[0].contains(&format!("{days} days")), "{}", r.reason[0]);
    assert!(r.reason[1].contains(&format!("{days} 天")), "{}", r.reason[1]);
    assert!(detail.labels.iter().any(|l| l.scheme == "reason.scheme.segment"));
    assert!(detail.labels.iter().any(|l| l.scheme == "reason.scheme.tier"));
    let non_buyer = segscope_engine::explore::CustomerDetail::of(&d, &a, d.customers.ix(0).unwrap());
    assert_eq!(non_buyer.labels.len(), 1);
    assert!(d.customers.ix(999).is_none());
}

#[test]
fn search_by_name_email_or_phone_and_filters_by_lead_stage_cluster_and_custom_segment() {
    use segscope_engine::audience::LeadStage;
    use segscope_engine::custom::rules::{CmpOp, CustomSegments, Field, Node, SegmentRule, Test};
    use segscope_engine::models::Models;
    let mut d = dataset(200);
    d.customers
        .profile_mut()
        .contacts_mut()
        .fill(5, ContactField::Name, "Zhang Wei");
    d.customers
        .profile_mut()
        .contacts_mut()
        .fill(6, ContactField::Email, "Wei.Li@Example.com");
    d.customers
        .profile_mut()
        .contacts_mut()
        .fill(7, ContactField::Phone, "+86 138-0013-8000");
    let settings = Settings {
        custom_segments: CustomSegments {
            segments: vec![SegmentRule {
                name: "Frequent".into(),
                rule: Node::cond(
                    Field::Orders,
                    Test::Cmp {
                        op: CmpOp::Ge,
                        value: 3.0,
                    },
                ),
            }],
            ..CustomSegments::default()
        },
        ..Settings::default()
    };
    let mut a = analyze::run(&d, &settings);
    a.custom = analyze::custom::evaluate(&d, &a, &settings.custom_segments).0;
    a.models = Some(Models::fit(&d, &a, &settings));
    let find = |q: CustomerQuery| q.matching(&d, &a);
    let search = |s: &str| {
        find(CustomerQuery {
            search: s.into(),
            ..CustomerQuery::default()
        })
    };
    assert_eq!(search("zhang"), vec![5]);
    assert_eq!(search("wei.li@example"), vec![6]);
    assert_eq!(search("13800138000"), vec![7]);
    assert_eq!(search("138-0013"), vec![7]);
    let frequent = find(CustomerQuery {
        custom_segment: Some(0),
        ..CustomerQuery::default()
    });
    assert_eq!(frequent.len(), 50);
    assert!(frequent.iter().all(|&i| a.metrics.orders()[i as usize] >= 3));
    let leads = find(CustomerQuery {
        lead_stages: vec![LeadStage::Purchased],
        ..CustomerQuery::default()
    });
    assert_eq!(leads.len(), 150);
    let clustering = a
        .models
        .as_ref()
        .and_then(|m| m.clusters.as_ref().ok())
        .expect("150 buyers cluster");
    let total: usize = (0..clustering.clusters.len())
        .map(|k| {
            find(CustomerQuery {
                cluster: Some(k as u8),
                ..CustomerQuery::default()
            })
            .len()
        })
        .sum();
    assert_eq!(total, 150, "every buyer is in exactly one cluster");
}
