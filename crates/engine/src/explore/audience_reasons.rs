//! Why a customer has its lead stage and engagement level, in both languages.

use super::detail::LabelReason;
use crate::audience::LeadReason;
use crate::texts::t;
use crate::Analysis;
use segscope_i18n::Lang;
use segscope_model::date::format_day;

/// The lead-stage and engagement reasons of customer `at`; none without events.
pub(super) fn audience_reasons(analysis: &Analysis, at: usize) -> Vec<LabelReason> {
    let l = &analysis.labels;
    let (Some(stage), Some(reason), Some(level)) = (l.lead_stage.get(at), l.lead_reason.get(at), l.engagement.get(at))
    else {
        return Vec::new();
    };
    if !l.has_events {
        return Vec::new();
    }
    let both = |key: &str, fill: &dyn Fn(&str, Lang) -> String| {
        [fill(t(Lang::En, key), Lang::En), fill(t(Lang::Zh, key), Lang::Zh)]
    };
    let value = |key: &str| [t(Lang::En, key).to_string(), t(Lang::Zh, key).to_string()];
    let lead_reason = match *reason {
        LeadReason::Purchased => both("reason.lead_purchased", &|s, _| s.to_string()),
        LeadReason::NoEvents => both("reason.lead_none", &|s, _| s.to_string()),
        LeadReason::Event(kind, day) => both("reason.lead_event", &|s, lang| {
            s.replace("{event}", t(lang, kind.i18n_key()))
                .replace("{date}", &format_day(day))
        }),
        LeadReason::ProductViews(n) => both("reason.lead_views", &|s, _| s.replace("{n}", &n.to_string())),
        LeadReason::RecentCart(day) => both("reason.lead_cart", &|s, _| s.replace("{date}", &format_day(day))),
    };
    let last = l.last_activity.get(at).copied().flatten();
    let engagement_reason = match last {
        Some(day) => both("reason.engagement", &|s, _| {
            s.replace("{date}", &format_day(day))
                .replace("{days}", &(i64::from(analysis.as_of) - i64::from(day)).to_string())
        }),
        None => both("reason.engagement_none", &|s, _| s.to_string()),
    };
    vec![
        LabelReason {
            scheme: "reason.scheme.lead".into(),
            value: value(stage.i18n_key()),
            reason: lead_reason,
        },
        LabelReason {
            scheme: "reason.scheme.engagement".into(),
            value: value(level.i18n_key()),
            reason: engagement_reason,
        },
    ]
}
