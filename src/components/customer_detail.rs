//! One customer's detail: attributes, every label with its reason, and the
//! order timeline. Shown beside the explorer's table.

use crate::state::use_app;
use crate::texts::t;
use leptos::prelude::*;
use segscope_engine::explore::CustomerDetail;
use segscope_i18n::Lang;
use segscope_model::format as number;
use segscope_model::OrderStatus;

/// The detail panel of the customer last opened.
#[component]
pub fn CustomerDetailPanel() -> impl IntoView {
    let state = use_app();
    let body = move || {
        let lang = state.lang.get();
        state.customer_detail.get().map(|d| detail_view(&d, lang))
    };
    view! {
        {move || state.customer_detail.with(Option::is_some).then(|| view! {
            <aside class="card detail" data-testid="customer-detail" role="dialog"
                aria-label=move || state.tr("explorer.detail")>
                <button class="btn btn-small btn-ghost detail-close" data-testid="close-detail"
                    on:click=move |_| state.customer_detail.set(None)>
                    {move || state.tr("explorer.close")}
                </button>
                {body}
            </aside>
        })}
    }
}

fn detail_view(d: &CustomerDetail, lang: Lang) -> impl IntoView {
    let pick = |pair: &[String; 2]| {
        if lang == Lang::Zh {
            pair[1].clone()
        } else {
            pair[0].clone()
        }
    };
    let labels = d
        .labels
        .iter()
        .map(|l| {
            view! {
                <li data-testid="label-reason">
                    <span class="muted">{t(lang, &l.scheme)}</span>" "
                    <b>{pick(&l.value)}</b>
                    <br/>
                    <span>{pick(&l.reason)}</span>
                </li>
            }
        })
        .collect_view();
    let orders = d
        .orders
        .iter()
        .map(|o| {
            let status = match o.status {
                OrderStatus::Paid => "order_status.paid",
                OrderStatus::Refunded => "order_status.refunded",
                OrderStatus::Cancelled => "order_status.cancelled",
            };
            view! {
                <tr>
                    <td>{o.date.clone()}</td>
                    <td class="num">{number::money(o.amount)}</td>
                    <td>{t(lang, status)}</td>
                    <td>{o.category.clone().unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let shown = t(lang, "explorer.of_orders")
        .replace("{shown}", &number::count(d.orders.len() as u64))
        .replace("{n}", &number::count(d.order_count));
    let contacts = [&d.name, &d.email, &d.phone]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <h3 data-testid="detail-key">{d.key.clone()}</h3>
        <p data-testid="detail-contacts" hidden=contacts.is_empty()>{contacts.clone()}</p>
        <p class="muted">
            {d.source.clone().unwrap_or_default()}
            {d.signup.clone().map(|s| format!(" · {} {s}", t(lang, "explorer.signup")))}
        </p>
        <h4>{t(lang, "explorer.labels")}</h4>
        <ul class="reasons">{labels}</ul>
        <h4>{t(lang, "explorer.timeline")}</h4>
        <p class="muted">{shown}</p>
        <table class="table"><tbody>{orders}</tbody></table>
    }
}
