//! The data-quality page (docs/product.md#cleaning-and-data-quality): every row accounted for per file, the
//! reasons for rejections with their places, and what else deserves a look.

use crate::download::download_text;
use crate::format;
use crate::state::use_app;
use crate::texts::t;
use leptos::prelude::*;
use segscope_export::rejections_csv;
use segscope_i18n::Lang;
use segscope_ingest::quality::{FileReport, JoinReport};
use segscope_ingest::value::DateOrder;
use segscope_model::format as number;

/// How many rejected rows the page lists (all of them are in the download).
const LISTED_REJECTIONS: usize = 50;

/// Data-quality page.
#[component]
pub fn QualityPage() -> impl IntoView {
    let state = use_app();
    let files = move || {
        let lang = state.lang.get();
        state
            .quality
            .get()
            .map(|q| q.files.iter().map(|f| file_card(f, lang)).collect_view())
    };
    let merged = move || {
        state.quality.with(|q| {
            q.as_ref()
                .map(|q| {
                    (
                        q.duplicate_customers_merged,
                        q.orphan_customers,
                        q.customers_matched_by_contact,
                        q.summary_totals_set_aside,
                    )
                })
                .unwrap_or_default()
        })
    };
    let joins = move || {
        let lang = state.lang.get();
        state.quality.with(|q| {
            q.as_ref()
                .filter(|q| !q.joins.is_empty())
                .map(|q| joins_card(&q.joins, lang))
        })
    };
    view! {
        <div class="page" data-testid="page-quality">
            <div class="card">
                <h3>{move || state.tr("quality.title")}</h3>
                <p class="muted">{move || state.tr("quality.lead")}</p>
                <ul class="facts">
                    <li data-testid="timings">{timing_text}</li>
                    <li data-testid="quality-merged">{move || state.tr("quality.customers_merged")}": "<b>{move || number::count(merged().0)}</b></li>
                    <li data-testid="quality-orphans">{move || state.tr("quality.orphans")}": "<b>{move || number::count(merged().1)}</b></li>
                    <li data-testid="quality-matched">{move || state.tr("quality.matched_by_contact")}": "<b>{move || number::count(merged().2)}</b></li>
                    <li data-testid="quality-summary-set-aside" hidden=move || merged().3 == 0>
                        {move || state.tr("quality.summary_set_aside")}": "<b>{move || number::count(merged().3)}</b>
                    </li>
                </ul>
            </div>
            {joins}
            {files}
            <RejectedRows/>
        </div>
    }
}

/// One file's accounting and notes.
fn file_card(f: &FileReport, lang: Lang) -> impl IntoView {
    let tr = |key| t(lang, key);
    let balanced = if f.balances() {
        tr("quality.balanced")
    } else {
        tr("quality.unbalanced")
    };
    let reasons = f
        .rejected_by_reason
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(reason, n)| view! { <li>{tr(reason.i18n_key())}": "<b>{number::count(*n)}</b></li> })
        .collect_view();
    let currencies: Vec<String> = f
        .currencies
        .iter()
        .map(|(code, n)| format!("{code} ({})", number::count(*n)))
        .collect();
    let mixed = (f.currencies.len() > 1).then(|| view! { <p class="notice notice-warn" data-testid="mixed-currencies">{tr("quality.mixed_currencies")}" "{currencies.join(", ")}</p> });
    let range = match (&f.first_date, &f.last_date) {
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => "—".into(),
    };
    let date_order = f.date_order.map(|order| {
        let key = match order {
            DateOrder::DayFirst => "quality.read_day_first",
            DateOrder::MonthFirst => "quality.read_month_first",
        };
        view! { <span class="pill" data-testid="date-order-used">{tr(key)}</span> }
    });
    let sentence = segscope_ingest::describe::describe_report(f, lang);
    let date_reason = f
        .date_order
        .zip(f.date_order_reason)
        .map(|(order, reason)| view! { <p class="hint" data-testid="quality-date-reason">{reason.sentence(order, lang)}</p> });
    let order_facts = (f.kind == segscope_ingest::FileKind::Orders).then(|| {
        view! {
            <li>{tr("quality.refunds")}": "<b>{number::count(f.refunds)}</b></li>
            <li>{tr("quality.partial_refunds")}": "<b>{number::count(f.partial_refunds)}</b></li>
            <li>{tr("quality.cancellations")}": "<b>{number::count(f.cancellations)}</b></li>
            <li>{tr("quality.negative")}": "<b>{number::count(f.negative_amounts)}</b></li>
            <li>{tr("quality.lines_merged")}": "<b>{number::count(f.lines_merged)}</b></li>
            {(f.refund_rows > 0).then(|| view! {
                <li data-testid="quality-refund-rows">{tr("quality.refund_rows")}": "<b>{number::count(f.refund_rows)}</b></li>
            })}
            {(f.refunds_without_order > 0).then(|| view! {
                <li data-testid="quality-refunds-without-order">{tr("quality.refunds_without_order")}": "<b>{number::count(f.refunds_without_order)}</b></li>
            })}
        }
    });
    view! {
        <div class="card" data-testid="quality-file">
            <div class="file-mapping-head">
                <h3>{f.file.clone()}</h3>
                <span class="pill">{tr(f.kind.i18n_key())}</span>
                <span class="pill">{f.encoding.clone()}</span>
                <span class="pill">{range}</span>
                {date_order}
            </div>
            <p class="file-sentence" data-testid="quality-file-sentence">{sentence}</p>
            {date_reason}
            <div class="accounting">
                <span><b data-testid="rows-read">{number::count(f.rows_read)}</b> {tr("quality.read")}</span>
                <span>"="</span>
                <span><b data-testid="rows-kept">{number::count(f.rows_kept)}</b> {tr("quality.kept")}</span>
                <span>"+"</span>
                <span><b data-testid="rows-rejected">{number::count(f.rows_rejected)}</b> {tr("quality.rejected")}</span>
                <span>"+"</span>
                <span><b data-testid="rows-duplicates">{number::count(f.duplicates_removed)}</b> {tr("quality.duplicates")}</span>
                <span class="pill">{balanced}</span>
            </div>
            <ul class="facts">{reasons}{order_facts}</ul>
            {mixed}
        </div>
    }
}

/// How payments and order lines were joined to their orders, and customers
/// to their persons (docs/ingest/joins.md).
fn joins_card(joins: &JoinReport, lang: Lang) -> impl IntoView {
    let tr = |key| t(lang, key);
    let rows = joins
        .details
        .iter()
        .map(|d| {
            let used_for = if d.gives_amounts {
                tr("quality.joins_amounts")
            } else {
                tr("quality.joins_categories")
            };
            view! {
                <tr>
                    <td>{d.file.clone()}</td>
                    <td>{used_for}</td>
                    <td class="num" data-testid="join-matched">{number::count(d.rows_matched)}</td>
                    <td class="num" data-testid="join-unmatched">{number::count(d.rows_unmatched)}</td>
                </tr>
            }
        })
        .collect_view();
    let table = (!joins.details.is_empty()).then(|| {
        view! {
            <p class="muted">{tr("quality.joins_lead")}</p>
            <table class="table">
                <thead><tr>
                    <th>{tr("quality.file")}</th>
                    <th>{tr("quality.joins_use")}</th>
                    <th class="num">{tr("quality.joins_matched")}</th>
                    <th class="num">{tr("quality.joins_unmatched")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    view! {
        <div class="card" data-testid="quality-joins">
            <h3>{tr("quality.joins_title")}</h3>
            {table}
            <ul class="facts">
                <li data-testid="orders-without-details">{tr("quality.orders_without_details")}": "<b>{number::count(joins.orders_without_details)}</b></li>
                <li data-testid="merged-by-person">{tr("quality.merged_by_person")}": "<b>{number::count(joins.customers_merged_by_person)}</b></li>
            </ul>
        </div>
    }
}

/// The first rejected rows and the download of all of them.
#[component]
fn RejectedRows() -> impl IntoView {
    let state = use_app();
    let count = move || state.quality.with(|q| q.as_ref().map_or(0, |q| q.rejections.len()));
    let rows = move || {
        let lang = state.lang.get();
        state.quality.with(|q| {
            q.as_ref().map(|q| {
                q.rejections
                    .iter()
                    .take(LISTED_REJECTIONS)
                    .map(|r| {
                        view! {
                            <tr>
                                <td>{r.file.clone()}</td>
                                <td class="num">{r.row}</td>
                                <td>{r.column.clone()}</td>
                                <td>{t(lang, r.reason.i18n_key())}</td>
                                <td class="samples">{r.value.clone()}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let download = move |_| {
        if let Some(q) = state.quality.get_untracked() {
            download_text(
                "segscope-rejected-rows.csv",
                "text/csv;charset=utf-8",
                &rejections_csv(&q),
            );
        }
    };
    view! {
        <div class="card" data-testid="rejected-rows">
            <div class="file-mapping-head">
                <h3>{move || state.tr("quality.rejected_rows")}</h3>
                <Show when=move || { count() > 0 }>
                    <button class="btn btn-small" data-testid="download-rejections" on:click=download>
                        {move || state.tr("quality.download_rejected")}
                    </button>
                </Show>
            </div>
            <Show when=move || { count() > 0 } fallback=move || view! { <p class="muted">{move || state.tr("quality.none_rejected")}</p> }>
                <table class="table">
                    <thead><tr>
                        <th>{move || state.tr("quality.file")}</th>
                        <th class="num">{move || state.tr("quality.row")}</th>
                        <th>{move || state.tr("mapping.column")}</th>
                        <th>{move || state.tr("quality.reason")}</th>
                        <th>{move || state.tr("quality.value")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </div>
    }
}

/// "read in … (on n cores) · segmented in …" for the last load.
fn timing_text() -> String {
    let state = use_app();
    let t = state.timings.get();
    let lang = state.lang.get();
    let cores = match t.read_workers {
        0 | 1 => String::new(),
        n => state.tr("dash.read_on_cores").replace("{n}", &n.to_string()),
    };
    format!(
        "{} {}{cores} · {} {}",
        state.tr("dash.parsed_in"),
        format::duration(t.parse_ms, lang),
        state.tr("dash.analyzed_in"),
        format::duration(t.analyze_ms, lang)
    )
}
