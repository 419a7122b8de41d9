//! The clusters page (docs/product.md#clusters): K-means on log R, F, M — the scatter, each
//! cluster in original units with its list, how the number of clusters was
//! chosen under Details, and why there are none when there are none.

use crate::components::chart_card::ChartCard;
use crate::components::show_list::ShowListButton;
use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_engine::explore::CustomerQuery;
use segscope_engine::models::ClusterSummary;
use segscope_model::format as number;
use segscope_report as chart;

/// The clusters page.
#[component]
pub fn ClustersPage() -> impl IntoView {
    let state = use_app();
    Effect::new(move |_| {
        state.summary.track();
        worker::ensure_models(state);
    });
    let clusters = move || state.models.with(|m| m.as_ref().map(|m| m.clusters.clone()));
    let body = move || match clusters() {
        None => view! { <p class="notice" data-testid="models-computing">{move || state.tr("models.computing")}</p> }
            .into_any(),
        Some(Err(problem)) => {
            view! { <p class="notice" data-testid="clusters-problem">{move || problem.message(state.lang.get())}</p> }
                .into_any()
        }
        Some(Ok(summary)) => view! { <Clusters summary=summary/> }.into_any(),
    };
    view! {
        <div class="page" data-testid="page-clusters">
            <KSetting/>
            {body}
        </div>
    }
}

#[component]
fn Clusters(summary: ClusterSummary) -> impl IntoView {
    let state = use_app();
    let plain = {
        let k = summary.k;
        move || state.tr("models.k_plain").replace("{k}", &k.to_string())
    };
    let text = {
        let summary = summary.clone();
        move || {
            let key = if summary.chosen_automatically {
                "models.k_auto"
            } else {
                "models.k_set"
            };
            state
                .tr(key)
                .replace("{k}", &summary.k.to_string())
                .replace("{s}", &format!("{:.3}", summary.silhouette))
        }
    };
    let scatter = {
        let summary = summary.clone();
        Memo::new(move |_| chart::cluster_scatter(&summary.clusters, &summary.dots, state.lang.get()))
    };
    let silhouette = {
        let summary = summary.clone();
        Memo::new(move |_| chart::silhouette_by_k(&summary, state.lang.get()))
    };
    let rows = summary
        .clusters
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let c = c.clone();
            let name = c.clone();
            view! {
                <tr data-testid="cluster-row">
                    <td>{move || name.display_name(state.lang.get())}</td>
                    <td class="num">{number::count(c.size)}</td>
                    <td class="num">{format!("{:.0}", c.median.recency_days)}</td>
                    <td class="num">{format!("{:.0}", c.median.orders)}</td>
                    <td class="num">{number::money(c.median.revenue)}</td>
                    <td>
                        <ShowListButton testid="cluster-list" label_key="models.show_cluster"
                            narrow=Callback::new(move |()| CustomerQuery { cluster: Some(i as u8), ..CustomerQuery::default() })/>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="muted" data-testid="clusters-k">{plain}</p>
        <ChartCard testid="chart-clusters" file_stem="clusters" svg=scatter/>
        <section class="card">
            <table class="table">
                <thead><tr>
                    <th>{move || state.tr("models.cluster")}</th>
                    <th class="num">{move || state.tr("models.size")}</th>
                    <th class="num">{move || state.tr("models.recency")}</th>
                    <th class="num">{move || state.tr("models.orders")}</th>
                    <th class="num">{move || state.tr("models.revenue")}</th>
                    <th></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
        <details class="card details" data-testid="clusters-details">
            <summary>{move || state.tr("models.details")}</summary>
            <p class="muted" data-testid="clusters-k-detail">{text}</p>
            <ChartCard testid="chart-silhouette" file_stem="silhouette" svg=silhouette/>
        </details>
    }
}

/// The number of clusters: blank for automatic.
#[component]
fn KSetting() -> impl IntoView {
    let state = use_app();
    let problem = RwSignal::new(None::<String>);
    let current = move || {
        state
            .settings
            .with(|s| s.kmeans.k.map(|k| k.to_string()).unwrap_or_default())
    };
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let mut settings = state.settings.get_untracked();
        settings.kmeans.k = if text.trim().is_empty() {
            None
        } else {
            Some(text.trim().parse().unwrap_or(0))
        };
        worker::offer_settings(state, problem, settings);
    };
    view! {
        <div class="card settings-bar">
            <label class="inline-field">
                {move || state.tr("models.k_setting")}
                <input type="number" min="2" max="8" data-testid="setting-k" prop:value=current on:change=on_change
                    placeholder=move || state.tr("life.auto")/>
            </label>
            {move || problem.get().map(|p| view! { <p class="notice notice-error" role="alert">{p}</p> })}
        </div>
    }
}
