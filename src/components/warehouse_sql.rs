//! The "Warehouse SQL" dialog (docs/warehouse.md#the-dialog): the dialect,
//! the table and column names the script reads (starting from the files
//! mapped), and the download of the script for the settings in force.

use crate::components::enum_select::EnumSelect;
use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_session::protocol::SessionRequest;
use segscope_warehouse::{unreproduced, Dialect, SourceTables};

/// The button in the dashboard's head and the dialog it opens.
#[component]
pub fn WarehouseSql() -> impl IntoView {
    let state = use_app();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let dialect = RwSignal::new(Dialect::DuckDb);
    let source = RwSignal::new(SourceTables::default());
    let open = move |_| {
        // Each opening starts from the files mapped for this analysis.
        source.set(SourceTables::from_schemas(&state.schemas.get_untracked()));
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    // A blank required name is said here, in the dialog, not sent.
    let problem = RwSignal::new(None::<&'static str>);
    let download = move |_| {
        let names = source.get_untracked();
        problem.set(names.missing().map(label_key));
        if problem.get_untracked().is_none() {
            worker::ask(SessionRequest::WarehouseSql(dialect.get_untracked(), names));
        }
    };
    view! {
        <button class="btn btn-ghost" data-testid="open-warehouse-sql" on:click=open>
            {move || state.tr("warehouse.open")}
        </button>
        <dialog node_ref=dialog class="modal" data-testid="warehouse-sql" aria-labelledby="warehouse-sql-title">
            <h3 id="warehouse-sql-title">{move || state.tr("warehouse.title")}</h3>
            <p>{move || state.tr("warehouse.intro")}</p>
            <label class="inline-field">
                {move || state.tr("warehouse.dialect")}
                <EnumSelect options=Dialect::ALL.to_vec() current=dialect label=Dialect::i18n_key
                    on_pick=Callback::new(move |d| dialect.set(d)) testid="sql-dialect"/>
            </label>
            <fieldset class="sql-names">
                <legend>{move || state.tr("warehouse.tables")}</legend>
                <NameField source=source label="warehouse.orders_table" testid="sql-orders-table"
                    get=|s| s.orders_table.clone() set=|s, v| s.orders_table = v/>
                <NameField source=source label="warehouse.order_customer" testid="sql-order-customer"
                    get=|s| s.order_customer.clone() set=|s, v| s.order_customer = v/>
                <NameField source=source label="warehouse.order_date" testid="sql-order-date"
                    get=|s| s.order_date.clone() set=|s, v| s.order_date = v/>
                <NameField source=source label="warehouse.amount" testid="sql-amount"
                    get=|s| s.amount.clone() set=|s, v| s.amount = v/>
                <NameField source=source label="warehouse.order_id" testid="sql-order-id"
                    get=|s| s.order_id.clone().unwrap_or_default() set=|s, v| s.order_id = optional(v)/>
                <NameField source=source label="warehouse.status" testid="sql-status"
                    get=|s| s.status.clone().unwrap_or_default() set=|s, v| s.status = optional(v)/>
                <NameField source=source label="warehouse.customers_table" testid="sql-customers-table"
                    get=|s| s.customers_table.clone().unwrap_or_default() set=|s, v| s.customers_table = optional(v)/>
                <NameField source=source label="warehouse.customer_id" testid="sql-customer-id"
                    get=|s| s.customer_id.clone() set=|s, v| s.customer_id = v/>
                <NameField source=source label="warehouse.points" testid="sql-points"
                    get=|s| s.points.clone().unwrap_or_default() set=|s, v| s.points = optional(v)/>
            </fieldset>
            <p class="muted small">{move || state.tr("warehouse.formats")}</p>
            {move || {
                let gaps = unreproduced(&state.schemas.get());
                (!gaps.is_empty()).then(|| {
                    let list: Vec<&str> = gaps.iter().map(|k| state.tr(k)).collect();
                    let separator = state.tr("warehouse.gap_separator");
                    view! {
                        <p class="notice notice-warn" data-testid="sql-gaps">
                            {state.tr("warehouse.gaps").replace("{gaps}", &list.join(separator))}
                        </p>
                    }
                })
            }}
            {move || problem.get().map(|key| view! {
                <p class="notice notice-warn" role="alert" data-testid="sql-problem">
                    {state.tr("warehouse.missing_name").replace("{name}", state.tr(key))}
                </p>
            })}
            <div class="modal-actions">
                <button class="btn btn-ghost" data-testid="close-warehouse-sql" on:click=close>
                    {move || state.tr("warehouse.close")}
                </button>
                <button class="btn btn-primary" data-testid="export-sql" on:click=download>
                    {move || state.tr("warehouse.download")}
                </button>
            </div>
        </dialog>
    }
}

/// The label key of a name [`SourceTables::missing`] reports.
fn label_key(name: &str) -> &'static str {
    match name {
        "orders_table" => "warehouse.orders_table",
        "order_customer" => "warehouse.order_customer",
        "order_date" => "warehouse.order_date",
        "amount" => "warehouse.amount",
        "customer_id" => "warehouse.customer_id",
        _ => "warehouse.tables",
    }
}

/// A blank optional name means "no such column".
fn optional(value: String) -> Option<String> {
    Some(value).filter(|v| !v.trim().is_empty())
}

/// One table or column name of the dialog.
#[component]
fn NameField(
    /// The names being edited.
    source: RwSignal<SourceTables>,
    /// The i18n key of the field's label.
    label: &'static str,
    /// The input's `data-testid`.
    testid: &'static str,
    /// Reads the field's name.
    get: fn(&SourceTables) -> String,
    /// Writes the field's name.
    set: fn(&mut SourceTables, String),
) -> impl IntoView {
    let state = use_app();
    view! {
        <label class="inline-field">
            <span>{move || state.tr(label)}</span>
            <input type="text" data-testid=testid prop:value=move || source.with(get)
                on:change=move |ev| source.update(|s| set(s, event_target_value(&ev)))/>
        </label>
    }
}
