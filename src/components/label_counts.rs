//! A card with a table of the customers per label of one scheme, each row
//! with a button that opens the label's customers in the explorer.

use crate::components::show_list::ShowListButton;
use crate::state::use_app;
use leptos::prelude::*;
use segscope_engine::explore::CustomerQuery;
use segscope_model::format as number;

/// The labels of a scheme with their counts (`counts[i]` is the count of
/// `labels[i]`); `narrow` gives the explorer query of one label's customers.
#[component]
pub fn LabelCountTable<T>(
    /// The i18n key of the card's title.
    title_key: &'static str,
    /// The i18n key of the label column's header.
    column_key: &'static str,
    /// The scheme's labels, in display order.
    labels: Vec<T>,
    /// Customers per label, in the order of `labels`.
    #[prop(into)]
    counts: Signal<Vec<u64>>,
    /// The i18n key of a label's name.
    label_key: fn(T) -> &'static str,
    /// The `data-testid` of each row.
    row_testid: &'static str,
    /// The `data-testid` of a label's show-list button.
    list_testid: fn(T) -> String,
    /// The explorer query of a label's customers.
    narrow: fn(T) -> CustomerQuery,
    /// Shown below the table.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView
where
    T: Copy + Send + Sync + 'static,
{
    let state = use_app();
    let rows = labels
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let count = move || number::count(counts.with(|c| c.get(i).copied().unwrap_or(0)));
            view! {
                <tr data-testid=row_testid>
                    <td>{move || state.tr(label_key(label))}</td>
                    <td class="num">{count}</td>
                    <td>
                        <ShowListButton testid=list_testid(label) narrow=Callback::new(move |()| narrow(label))/>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h3>{move || state.tr(title_key)}</h3>
            <table class="table">
                <thead><tr>
                    <th>{move || state.tr(column_key)}</th>
                    <th class="num">{move || state.tr("kpi.customers")}</th>
                    <th></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {children.map(|c| c())}
        </section>
    }
}
