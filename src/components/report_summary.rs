//! The report's first page (docs/product.md#report): who the customers are
//! in two sentences, the headline numbers, and the three segments that
//! matter most with their size, revenue share, trend and action.

use crate::components::kpi_cards::KpiCards;
use crate::state::{use_app, AppState};
use crate::texts::t;
use crate::worker;
use leptos::prelude::*;
use segscope_engine::briefing::{Briefing, FocusSegment};
use segscope_engine::names::source_display_name;
use segscope_engine::playbook::action;
use segscope_engine::Summary;
use segscope_i18n::{join, Lang};
use segscope_model::format as number;
use segscope_session::protocol::SessionRequest;

/// Who the customers are, and the segments that matter most.
#[component]
pub fn ReportSummary() -> impl IntoView {
    let state = use_app();
    Effect::new(move |_| {
        if state.summary.with(Option::is_some) && state.briefing.with_untracked(Option::is_none) {
            worker::ask(SessionRequest::Briefing);
        }
    });
    let who = move || {
        let lang = state.lang.get();
        state.summary.with(|s| s.as_ref().map(|s| who_sentence(s, lang)))
    };
    let focus = move || {
        let lang = state.lang.get();
        state.briefing.with(|b| b.as_ref().map(|b| focus_rows(state, b, lang)))
    };
    view! {
        <section class="report-first" data-testid="report-summary">
            <h3>{move || state.tr("briefing.who_title")}</h3>
            <p class="report-lead" data-testid="report-who">{who}</p>
            <KpiCards/>
            <h3>{move || state.tr("briefing.focus_title")}</h3>
            <p class="muted">{move || state.tr("briefing.focus_help")}</p>
            <div class="focus-grid" data-testid="report-focus">{focus}</div>
        </section>
    }
}

/// "N of your M customers bought between … and …" and what stands out.
fn who_sentence(s: &Summary, lang: Lang) -> String {
    let k = &s.kpis;
    let mut text = t(lang, "briefing.who")
        .replace("{buyers}", &number::count(k.buyers))
        .replace("{customers}", &number::count(k.customers))
        .replace("{first}", s.first_order_date.as_deref().unwrap_or("—"))
        .replace("{last}", s.last_order_date.as_deref().unwrap_or("—"))
        .replace("{orders}", &number::count(k.paid_orders))
        .replace("{revenue}", &number::money(k.revenue))
        .replace("{aov}", &number::money(k.aov))
        .replace("{repeat}", &number::percent(k.repeat_rate))
        .replace("{top_share}", &number::percent(k.top_share))
        .replace("{top_revenue}", &number::percent(k.top_revenue_share));
    let top_source = s
        .sources
        .iter()
        .filter(|src| src.source.is_some() && src.revenue > 0.0)
        .max_by(|a, b| a.revenue.total_cmp(&b.revenue));
    if let Some(source) = top_source {
        let share = if k.revenue > 0.0 {
            source.revenue / k.revenue
        } else {
            0.0
        };
        let source_sentence = t(lang, "briefing.who_source")
            .replace("{source}", &source_display_name(source.source.as_deref(), lang))
            .replace("{share}", &number::percent(share));
        text = join(lang, &text, &source_sentence);
    }
    text
}

/// One card per segment that matters.
fn focus_rows(state: AppState, briefing: &Briefing, lang: Lang) -> impl IntoView {
    if briefing.focus.is_empty() {
        return view! { <p class="notice" data-testid="report-focus-none">{t(lang, "briefing.none")}</p> }.into_any();
    }
    let date = briefing.trend_from.to_string();
    briefing
        .focus
        .iter()
        .map(|focus| {
            let action = state.settings.with(|s| action(focus.segment.i18n_key(), lang, &s.playbook).to_string());
            view! {
                <article class="card focus" data-testid="focus-segment" data-segment=focus.segment.english_name()>
                    <span class="focus-priority">{t(lang, focus.priority.i18n_key())}</span>
                    <h4>{t(lang, focus.segment.i18n_key())}</h4>
                    <p class="focus-numbers">
                        <b data-testid="focus-customers">{number::count(focus.customers)}</b>" "{t(lang, "briefing.buyers")}
                        " · "<b data-testid="focus-revenue-share">{number::percent(focus.revenue_share)}</b>" "{t(lang, "briefing.of_revenue")}
                    </p>
                    <p class="muted" data-testid="focus-trend">{trend_text(focus, &date, lang)}</p>
                    <p class="focus-action">{action}</p>
                </article>
            }
        })
        .collect_view()
        .into_any()
}

/// "+12 % since 2024-09-03", "new since …", or that nothing was dated then.
fn trend_text(focus: &FocusSegment, since: &str, lang: Lang) -> String {
    match focus.customers_before {
        None => t(lang, "briefing.trend_unknown").to_string(),
        Some(0) => t(lang, "briefing.trend_new").replace("{date}", since),
        Some(before) => {
            let change = focus.customers as f64 / before as f64 - 1.0;
            let sign = if change > 0.0 {
                "+"
            } else if change < 0.0 {
                "−"
            } else {
                "±"
            };
            t(lang, "briefing.trend")
                .replace("{change}", &format!("{sign}{}", number::percent(change.abs())))
                .replace("{before}", &number::count(before))
                .replace("{date}", since)
        }
    }
}
