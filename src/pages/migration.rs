//! The migration page (docs/product.md#analyses-and-charts): one scheme (RFM segments, value tiers or
//! lifecycle stages) at two as-of dates — the transition matrix, how many
//! stayed and moved, and the largest moves, each as a list.

use crate::components::chart_card::ChartCard;
use crate::components::enum_select::EnumSelect;
use crate::components::show_list::ShowListButton;
use crate::state::use_app;
use crate::worker;
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use segscope_engine::analyses::migration::{Migration, MigrationFilter, MigrationRequest, Scheme};
use segscope_engine::explore::CustomerQuery;
use segscope_model::format as number;
use segscope_report as chart;
use segscope_session::protocol::SessionRequest;

const SCHEMES: [Scheme; 3] = [Scheme::Rfm, Scheme::Tier, Scheme::Lifecycle];

/// The migration page.
#[component]
pub fn MigrationPage() -> impl IntoView {
    let state = use_app();
    let as_of = move || {
        state.summary.with(|s| {
            s.as_ref()
                .and_then(|s| NaiveDate::parse_from_str(&s.as_of, "%Y-%m-%d").ok())
        })
    };
    let to = RwSignal::new(as_of().unwrap_or_default());
    let from = RwSignal::new(as_of().map(|d| d - Duration::days(90)).unwrap_or_default());
    let scheme = RwSignal::new(Scheme::Rfm);
    let compare = move || {
        let request = MigrationRequest {
            scheme: scheme.get_untracked(),
            from: from.get_untracked(),
            to: to.get_untracked(),
        };
        worker::ask(SessionRequest::Migration(request));
    };
    // Compare once on arrival and whenever the analysis changes.
    Effect::new(move |_| {
        state.summary.track();
        compare();
    });
    let date_input = move |signal: RwSignal<NaiveDate>, testid: &'static str| {
        view! {
            <input type="date" data-testid=testid prop:value=move || signal.get().format("%Y-%m-%d").to_string()
                on:change=move |ev| {
                    if let Ok(d) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
                        signal.set(d);
                        compare();
                    }
                }/>
        }
    };
    let body = move || {
        let lang = state.lang.get();
        state.migration.with(|m| match m {
            None => None,
            Some(Err(problem)) => {
                Some(view! { <p class="notice" data-testid="migration-problem">{problem.message(lang)}</p> }.into_any())
            }
            Some(Ok(migration)) => Some(view! { <Result migration=migration.clone()/> }.into_any()),
        })
    };
    view! {
        <div class="page" data-testid="page-migration">
            <div class="card settings-bar">
                <label class="inline-field">{move || state.tr("migration.scheme")}
                    <EnumSelect options=SCHEMES.to_vec() current=scheme label=Scheme::i18n_key
                        on_pick=Callback::new(move |s| {
                            scheme.set(s);
                            compare();
                        })
                        testid="migration-scheme"/></label>
                <label class="inline-field">{move || state.tr("migration.from")}{date_input(from, "migration-from")}</label>
                <label class="inline-field">{move || state.tr("migration.to")}{date_input(to, "migration-to")}</label>
            </div>
            {body}
        </div>
    }
}

#[component]
fn Result(migration: Migration) -> impl IntoView {
    let state = use_app();
    let chart_svg = {
        let m = migration.clone();
        Memo::new(move |_| chart::migration_matrix(&m, state.lang.get()))
    };
    let (stayed, moved) = (migration.stayed, migration.moved);
    let request = MigrationRequest {
        scheme: migration.scheme,
        from: migration.from,
        to: migration.to,
    };
    let rows = migration
        .top_moves
        .iter()
        .map(|mv| {
            let (from_name, to_name) = (
                migration.states[mv.from_state].clone(),
                migration.states[mv.to_state].clone(),
            );
            let filter = MigrationFilter {
                request,
                from_state: mv.from_state,
                to_state: mv.to_state,
            };
            view! {
                <tr data-testid="move-row">
                    <td>{move || from_name.display(state.lang.get())}</td>
                    <td>"→"</td>
                    <td>{move || to_name.display(state.lang.get())}</td>
                    <td class="num">{number::count(mv.customers)}</td>
                    <td>
                        <ShowListButton testid="move-list" narrow=Callback::new(move |()| CustomerQuery { migration: Some(filter), ..CustomerQuery::default() })/>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="muted" data-testid="migration-totals">
            {move || state.tr("migration.totals").replace("{stayed}", &number::count(stayed)).replace("{moved}", &number::count(moved))}
        </p>
        <div class="grid-2">
            <ChartCard testid="chart-migration" file_stem="migration" svg=chart_svg/>
            <section class="card">
                <h3>{move || state.tr("migration.top_moves")}</h3>
                <table class="table"><tbody>{rows}</tbody></table>
            </section>
        </div>
    }
}
