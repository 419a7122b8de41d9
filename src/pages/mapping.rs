//! The mapping step: each file's kind and each role's column, with samples
//! and confidence; `analyze-button` confirms.

use crate::components::enum_select::{stable_id, EnumSelect};
use crate::components::survey_questions::SurveyQuestions;
use crate::state::{use_app, AppState};
use crate::texts::t;
use crate::worker;
use leptos::prelude::*;
use segscope_ingest::describe::describe_schema;
use segscope_ingest::infer::ColumnEvidence;
use segscope_ingest::records::BLANKS;
use segscope_ingest::schema::{required_roles, RoleColumn, RoleSource};
use segscope_ingest::value::DateOrder;
use segscope_ingest::{FileKind, FileSchema, Role};
use segscope_session::protocol::Request;

/// Encodings the user can choose (WHATWG names, as encoding_rs reports them).
const ENCODINGS: [&str; 8] = [
    "UTF-8",
    "UTF-16LE",
    "UTF-16BE",
    "gb18030",
    "GBK",
    "Big5",
    "Shift_JIS",
    "windows-1252",
];

fn sample_values(schema: &FileSchema, column: Option<usize>) -> String {
    let Some(c) = column else { return String::new() };
    // A survey's extra header rows are no values.
    let header_rows = schema.survey.as_ref().map_or(0, |s| s.header_rows);
    let values: Vec<&str> = schema
        .samples
        .iter()
        .skip(header_rows)
        .filter_map(|r| r.get(c))
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .take(3)
        .collect();
    values.join(" · ")
}

/// Mapping screen.
#[component]
pub fn MappingPage() -> impl IntoView {
    let state = use_app();
    let files = move || {
        state
            .schemas
            .get()
            .into_iter()
            .enumerate()
            .map(|(fi, schema)| view! { <FileMapping index=fi schema=schema/> })
            .collect_view()
    };
    let rejected = move || {
        let lang = state.lang.get();
        state
            .rejected_files
            .get()
            .into_iter()
            .map(|f| view! { <p class="notice notice-error">{f.message(lang)}</p> })
            .collect_view()
    };
    view! {
        <section class="mapping">
            <h2>{move || state.tr("mapping.title")}</h2>
            <p class="lead">{move || state.tr("mapping.lead")}</p>
            {rejected}
            {files}
            <div class="actions">
                <button class="btn btn-ghost" on:click=move |_| worker::cancel(state)>{move || state.tr("action.back")}</button>
                <button class="btn btn-primary" data-testid="analyze-button"
                    disabled=move || { state.reinspecting.get() > 0 }
                    on:click=move |_| { worker::confirm_mapping(state) }>
                    {move || state.tr("mapping.analyze")}
                </button>
            </div>
        </section>
    }
}

/// One file's kind and role table.
#[component]
fn FileMapping(index: usize, schema: FileSchema) -> impl IntoView {
    let state = use_app();
    let set_encoding = move |ev: leptos::ev::Event| {
        worker::reinspect(
            state,
            &Request::Reinspect {
                file: index,
                encoding: event_target_value(&ev),
            },
        );
    };
    let set_sheet = move |ev: leptos::ev::Event| {
        if let Ok(sheet) = event_target_value(&ev).parse() {
            worker::reinspect(state, &Request::ChooseSheet { file: index, sheet });
        }
    };
    let set_date_order = move |ev: leptos::ev::Event| {
        let choice = event_target_value(&ev);
        state.schemas.update(|s| {
            let schema = &mut s[index];
            match choice.as_str() {
                "MonthFirst" => schema.date_order = DateOrder::MonthFirst,
                "DayFirst" => schema.date_order = DateOrder::DayFirst,
                _ => {
                    schema.redecide_date_order();
                    return;
                }
            }
            schema.date_order_fixed = true;
        });
    };
    let fixed = schema.date_order_fixed;
    let day_first = schema.date_order == DateOrder::DayFirst;
    let current_encoding = schema.encoding.clone();
    let encoding_reason = schema.encoding_evidence.reason;
    let encoding_options = ENCODINGS
        .into_iter()
        .map(|name| view! { <option value=name selected=name.eq_ignore_ascii_case(&current_encoding)>{name}</option> })
        .collect_view();
    let is_workbook = !schema.sheets.is_empty();
    let sheet_options = schema
        .sheets
        .iter()
        .enumerate()
        .map(|(i, name)| view! { <option value=i.to_string() selected=i == schema.sheet>{name.clone()}</option> })
        .collect_view();
    let encoding_or_sheet = if is_workbook {
        view! {
            <label class="inline-field">
                {move || state.tr("mapping.sheet")}
                <select data-testid="sheet-select" on:change=set_sheet>{sheet_options}</select>
            </label>
        }
        .into_any()
    } else {
        view! {
            <label class="inline-field">
                {move || state.tr("mapping.encoding")}
                <select data-testid="encoding-select" on:change=set_encoding>{encoding_options}</select>
                <span class="hint" data-testid="encoding-reason">{move || state.tr(encoding_reason.i18n_key())}</span>
            </label>
        }
        .into_any()
    };
    let kind = schema.kind;
    let sentence_schema = schema.clone();
    let sentence = move || describe_schema(&sentence_schema, state.lang.get());
    let finding = schema.finding;
    let finding_view = move || {
        finding.map(|f| view! { <p class="notice notice-warn" data-testid="file-finding">{state.tr(f.i18n_key())}</p> })
    };
    let reason = if schema.date_order_fixed {
        segscope_ingest::date_order::DateOrderReason::UserChoice
    } else {
        schema.date_order_reason
    };
    let order = schema.date_order;
    let has_year_last_dates = segscope_ingest::date_order::has_year_last_dates(&schema);
    let date_reason = move || {
        has_year_last_dates.then(
            || view! { <p class="hint" data-testid="date-order-reason">{reason.sentence(order, state.lang.get())}</p> },
        )
    };
    let required = required_roles(kind);
    // Orders whose amounts come from a payments or order-lines file need no
    // amount column of their own.
    let amount_joined = state
        .schemas
        .with_untracked(|all| segscope_ingest::amount_from_other_files(&schema, all));
    // A stand-in column (an e-mail for the id, quantity × unit price for the
    // amount) fills a required role as the read does.
    let is_required = {
        let schema = schema.clone();
        move |role: Role| required.contains(&role) && !schema.covers(role) && !(role == Role::Amount && amount_joined)
    };
    let row = {
        let (schema, is_required) = (schema.clone(), is_required.clone());
        move |rc: RoleColumn| {
            // Only what the row shows: the schema's sample rows stay with the file.
            let samples = sample_values(&schema, rc.column);
            let evidence = rc.column.and_then(|c| schema.evidence.get(c).copied());
            view! {
                <RoleRow file=index required=is_required(rc.role) role_column=rc headers=schema.headers.clone()
                    samples=samples evidence=evidence/>
            }
        }
    };
    // Roles this file has no column for and that nothing asks for are listed
    // on demand, so the table opens on what was found (and renders fast).
    let (found, not_found): (Vec<RoleColumn>, Vec<RoleColumn>) = schema
        .roles
        .iter()
        .cloned()
        .partition(|rc| rc.column.is_some() || rc.source == RoleSource::User || is_required(rc.role));
    let rows = found.into_iter().map(row.clone()).collect_view();
    let more = (!not_found.is_empty()).then(|| {
        let open = RwSignal::new(false);
        let n = not_found.len().to_string();
        let label = move || {
            let key = if open.get() {
                "mapping.fewer_roles"
            } else {
                "mapping.more_roles"
            };
            state.tr(key).replace("{n}", &n)
        };
        let hidden = move || {
            open.get()
                .then(|| not_found.iter().cloned().map(row.clone()).collect_view())
        };
        view! {
            <tr class="more-roles">
                <td colspan="6">
                    <button type="button" class="link" data-testid="more-roles"
                        aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                        {label}
                    </button>
                </td>
            </tr>
            {hidden}
        }
    });
    view! {
        <div class="card file-mapping" data-testid="file-mapping">
            <div class="file-mapping-head">
                <h3>{schema.file_name.clone()}</h3>
                {encoding_or_sheet}
                {(!is_workbook).then(|| view! {
                    <span class="pill" title=move || state.tr("mapping.delimiter")>{delimiter_name(schema.delimiter, state)}</span>
                })}
                <label class="inline-field">
                    {move || state.tr("mapping.date_order")}
                    <select data-testid="date-order-select" on:change=set_date_order>
                        <option value="Auto" selected=!fixed>{move || state.tr("mapping.date_auto")}</option>
                        <option value="DayFirst" selected=fixed && day_first>{move || state.tr("mapping.day_first")}</option>
                        <option value="MonthFirst" selected=fixed && !day_first>
                            {move || state.tr("mapping.month_first")}
                        </option>
                    </select>
                </label>
                <label class="inline-field">
                    {move || state.tr("mapping.kind")}
                    <EnumSelect options=FileKind::ALL.to_vec() current=Signal::stored(kind) label=FileKind::i18n_key
                        on_pick=Callback::new(move |kind| state.schemas.update(|s| s[index].set_kind(kind)))
                        testid="kind-select"/>
                </label>
            </div>
            <p class="file-sentence" data-testid="file-sentence">{sentence}</p>
            {finding_view}
            {date_reason}
            <table class="table">
                <thead><tr>
                    <th>{move || state.tr("mapping.role")}</th>
                    <th>{move || state.tr("mapping.column")}</th>
                    <th>{move || state.tr("mapping.samples")}</th>
                    <th>{move || state.tr("mapping.evidence")}</th>
                    <th>{move || state.tr("mapping.chosen_by")}</th>
                    <th>{move || state.tr("mapping.confidence")}</th>
                </tr></thead>
                <tbody>{rows}{more}</tbody>
            </table>
            {schema.survey.is_some().then(|| view! { <SurveyQuestions file=index schema=schema.clone()/> })}
        </div>
    }
}

/// The delimiter as the mapping step shows it: TAB, "spaces" for columns
/// separated by runs of blanks (docs/ingest/structure.md), else the character.
fn delimiter_name(d: u8, state: AppState) -> String {
    match d {
        b'\t' => "TAB".into(),
        BLANKS => state.tr("mapping.delimiter_blanks").into(),
        other => format!("“{}”", other as char),
    }
}

/// One role: its column select (the file's `headers`), the chosen column's
/// `samples` and `evidence`, and the confidence.
#[component]
fn RoleRow(
    file: usize,
    role_column: RoleColumn,
    required: bool,
    headers: Vec<String>,
    samples: String,
    evidence: Option<ColumnEvidence>,
) -> impl IntoView {
    let state = use_app();
    let role = role_column.role;
    let on_change = move |ev: leptos::ev::Event| {
        let column = event_target_value(&ev).parse::<usize>().ok();
        state.schemas.update(|s| s[file].choose_column(role, column));
    };
    let current = role_column.column;
    let options = headers
        .into_iter()
        .enumerate()
        .map(|(i, h)| view! { <option value=i.to_string() selected=Some(i) == current>{h}</option> })
        .collect_view();
    let evidence_text = move || {
        let lang = state.lang.get();
        evidence.map(|e| {
            if e.samples == 0 {
                return t(lang, e.kind.i18n_key()).to_string();
            }
            let share = format!("{:.0} %", e.share * 100.0);
            format!(
                "{} · {}",
                t(lang, e.kind.i18n_key()),
                t(lang, "evidence.of_samples")
                    .replace("{share}", &share)
                    .replace("{n}", &e.samples.to_string())
            )
        })
    };
    let source = role_column.source;
    let source_text = move || current.map(|_| state.tr(source.i18n_key()));
    let confidence = if current.is_some() {
        format!("{:.0}%", role_column.confidence * 100.0)
    } else {
        String::new()
    };
    let id = stable_id(&role);
    view! {
        <tr class:row-missing=required && current.is_none()>
            <td>{move || state.tr(role.i18n_key())}{required.then_some(" *")}</td>
            <td>
                <select data-testid=format!("role-{id}") on:change=on_change aria-label=move || state.tr(role.i18n_key())>
                    <option value="" selected=current.is_none()>{move || state.tr("mapping.none")}</option>
                    {options}
                </select>
            </td>
            <td class="samples">{samples}</td>
            <td class="evidence" data-testid=format!("evidence-{id}")>{evidence_text}</td>
            <td data-testid=format!("source-{id}")>{source_text}</td>
            <td class="num">{confidence}</td>
        </tr>
    }
}
