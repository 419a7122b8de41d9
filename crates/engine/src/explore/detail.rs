//! One customer in full: attributes, the order timeline, and every label
//! with the reason it was given, in both languages.

use crate::texts::t;
use crate::{Analysis, RfmSegment};
use segscope_i18n::Lang;
use segscope_model::date::format_day;
use segscope_model::format;
use segscope_model::{ContactField, CustomerIx, Dataset, OrderStatus, NO_CATEGORY};
use serde::{Deserialize, Serialize};

/// How many of a customer's orders the detail view lists (latest first).
pub const MAX_LISTED_ORDERS: usize = 200;

/// A customer's detail view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerDetail {
    /// Customer key.
    pub key: String,
    /// Acquisition source.
    pub source: Option<String>,
    /// Signup date (`YYYY-MM-DD`).
    pub signup: Option<String>,
    /// Name as the files wrote it.
    pub name: Option<String>,
    /// E-mail as the files wrote it.
    pub email: Option<String>,
    /// Phone as the files wrote it.
    pub phone: Option<String>,
    /// Orders on or before the as-of date, latest first (at most [`MAX_LISTED_ORDERS`]).
    pub orders: Vec<OrderLine>,
    /// All of the customer's orders on or before the as-of date.
    pub order_count: u64,
    /// Each label and why, in English and Chinese.
    pub labels: Vec<LabelReason>,
}

/// One order in the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderLine {
    /// Order date (`YYYY-MM-DD`).
    pub date: String,
    /// Amount.
    pub amount: f64,
    /// Paid, refunded or cancelled.
    pub status: OrderStatus,
    /// Product category, if known.
    pub category: Option<String>,
}

/// A label and the reason it was given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelReason {
    /// The i18n key of the scheme (e.g. `reason.scheme.r`).
    pub scheme: String,
    /// The label, in English and Chinese.
    pub value: [String; 2],
    /// Why, in English and Chinese.
    pub reason: [String; 2],
}

impl CustomerDetail {
    /// The detail of customer `index`; `None` when there is no such customer.
    pub fn of(dataset: &Dataset, analysis: &Analysis, customer: CustomerIx) -> CustomerDetail {
        let (at, index) = (customer.at(), customer.get());
        let key = dataset.customers.key()[at].clone();
        let contacts = dataset.customers.profile().contacts();
        let o = &dataset.orders;
        let (customers, days) = (o.customer(), o.day());
        let mut mine: Vec<usize> = (0..o.len())
            .filter(|&k| customers[k] == index && days[k] <= analysis.as_of)
            .collect();
        mine.sort_by(|&a, &b| days[b].cmp(&days[a]).then(b.cmp(&a)));
        let orders = mine
            .iter()
            .take(MAX_LISTED_ORDERS)
            .map(|&k| OrderLine {
                date: format_day(days[k]),
                amount: o.amount()[k],
                status: o.status()[k],
                category: o
                    .category()
                    .get(k)
                    .filter(|&&c| c != NO_CATEGORY)
                    .and_then(|&c| dataset.categories.get(usize::from(c)).cloned()),
            })
            .collect();
        CustomerDetail {
            key,
            source: dataset.customers.source()[at].and_then(|s| dataset.sources.get(usize::from(s)).cloned()),
            signup: dataset.customers.signup()[at].map(format_day),
            name: contacts.display_name(at).map(String::from),
            email: contacts.get(at, ContactField::Email).map(String::from),
            phone: contacts.get(at, ContactField::Phone).map(String::from),
            orders,
            order_count: mine.len() as u64,
            labels: reasons(dataset, analysis, at)
                .into_iter()
                .chain(super::audience_reasons::audience_reasons(analysis, at))
                .collect(),
        }
    }
}

/// The labels of customer `at` with their reasons.
fn reasons(dataset: &Dataset, analysis: &Analysis, at: usize) -> Vec<LabelReason> {
    let m = &analysis.metrics;
    let l = &analysis.labels;
    let both = |key: &str, fill: &dyn Fn(&str) -> String| [fill(t(Lang::En, key)), fill(t(Lang::Zh, key))];
    let Some(recency) = m.recency_days.get(at).copied().flatten() else {
        return vec![LabelReason {
            scheme: "reason.scheme.rfm".into(),
            value: [t(Lang::En, "tier.none").into(), t(Lang::Zh, "tier.none").into()],
            reason: both("reason.no_purchase", &|s| s.to_string()),
        }];
    };
    let scale = l.rfm_scale.to_string();
    let score = |v: u8, scheme: &str, reason_key: &str, fill: String| LabelReason {
        scheme: scheme.into(),
        value: [v.to_string(), v.to_string()],
        reason: both(reason_key, &|s| {
            s.replace("{value}", &fill)
                .replace("{score}", &v.to_string())
                .replace("{scale}", &scale)
        }),
    };
    let mut out = vec![
        score(l.r[at], "reason.scheme.r", "reason.r", recency.to_string()),
        score(l.f[at], "reason.scheme.f", "reason.f", m.orders[at].to_string()),
        score(l.m[at], "reason.scheme.m", "reason.m", format::money(m.revenue[at])),
    ];
    if let Some(segment) = l.segment[at] {
        out.push(segment_reason(segment, l.r[at], l.f[at]));
    }
    if let (Some(tier), Some(value)) = (l.tier[at], l.value_score[at]) {
        let name = analysis.summary.tiers.get(tier as usize);
        let label = |lang| name.map(|n| crate::tier_display_name(n, lang)).unwrap_or_default();
        out.push(LabelReason {
            scheme: "reason.scheme.tier".into(),
            value: [label(Lang::En), label(Lang::Zh)],
            reason: both("reason.tier", &|s| s.replace("{value}", &format!("{value:.3}"))),
        });
    }
    let favorite = m.favorite_category.get(at).copied().flatten();
    if let Some(name) = favorite.and_then(|c| dataset.categories.get(usize::from(c))) {
        let distinct = m.distinct_categories.get(at).copied().unwrap_or(0).to_string();
        out.push(LabelReason {
            scheme: "reason.scheme.category".into(),
            value: [name.clone(), name.clone()],
            reason: both("reason.category", &|s| s.replace("{n}", &distinct)),
        });
    }
    out
}

fn segment_reason(segment: RfmSegment, r: u8, f: u8) -> LabelReason {
    let fill = |s: &str| s.replace("{r}", &r.to_string()).replace("{f}", &f.to_string());
    LabelReason {
        scheme: "reason.scheme.segment".into(),
        value: [
            t(Lang::En, segment.i18n_key()).into(),
            t(Lang::Zh, segment.i18n_key()).into(),
        ],
        reason: [fill(t(Lang::En, "reason.segment")), fill(t(Lang::Zh, "reason.segment"))],
    }
}
