//! The customer explorer (docs/product.md#acting-on-segments): every customer in a virtualized table —
//! only the rows in view exist in the page, fetched from the worker a page at
//! a time — with search, segment and tier filters and sortable columns.

use crate::components::activation_export::ActivationExport;
use crate::components::customer_detail::CustomerDetailPanel;
use crate::components::enum_select::stable_id;
use crate::components::filter_chips::{translated, ChipField, FilterChips};
use crate::state::use_app;
use crate::texts::t;
use crate::worker;
use leptos::prelude::*;
use segscope_engine::audience::{Engagement, LeadStage};
use segscope_engine::explore::{CustomerQuery, CustomerRow, SortColumn};
use segscope_engine::survey::NpsGroup;
use segscope_engine::LifecycleStage;
use segscope_engine::{class_display_name, theme_display_name, tier_display_name, RfmSegment};
use segscope_i18n::Lang;
use segscope_model::format as number;
use segscope_session::protocol::SessionRequest;

/// Height of one table row in pixels (fixed, so positions are arithmetic).
const ROW_HEIGHT: f64 = 34.0;
/// Height of the scrolling viewport in pixels.
const VIEWPORT_HEIGHT: f64 = 510.0;
/// Rows fetched beyond the visible ones, above and below.
const OVERSCAN: u64 = 30;

/// The explorer page.
#[component]
pub fn ExplorerPage() -> impl IntoView {
    let state = use_app();
    let preset = state.explorer_preset.get_untracked();
    state.explorer_preset.set(None);
    let query = RwSignal::new(CustomerQuery {
        sort: SortColumn::Revenue,
        descending: true,
        limit: page_rows(),
        ..preset.unwrap_or_default()
    });
    let first_visible = RwSignal::new(0u64);
    let asked = StoredValue::new(None::<CustomerQuery>);
    // Ask for the rows in view whenever the selection or the scroll position
    // leaves the page held.
    Effect::new(move |_| {
        let q = query.get();
        let first = first_visible.get();
        let covered = state.customer_page.with_untracked(|p| {
            p.as_ref().is_some_and(|p| {
                let end = p.offset + p.rows.len() as u64;
                p.offset <= first && (first + visible_rows() <= end || end == p.total)
            })
        });
        let selection_same = asked.with_value(|last| last.as_ref().is_some_and(|l| l.same_selection(&q)));
        if covered && selection_same {
            return;
        }
        let wanted = CustomerQuery {
            offset: first.saturating_sub(OVERSCAN),
            ..q
        };
        asked.set_value(Some(wanted.clone()));
        worker::ask(SessionRequest::Customers(wanted));
    });
    // A new analysis (settings changed) invalidates the rows held.
    Effect::new(move |_| {
        state.summary.track();
        state.customer_page.set(None);
        query.update(|_| {});
    });
    view! {
        <div class="page" data-testid="page-customers">
            <Filters query=query first_visible=first_visible/>
            <div class="explorer-body">
                <Table query=query first_visible=first_visible/>
                <CustomerDetailPanel/>
            </div>
        </div>
    }
}

/// Search box, segment and tier filters.
#[component]
fn Filters(query: RwSignal<CustomerQuery>, first_visible: RwSignal<u64>) -> impl IntoView {
    let state = use_app();
    let reset_scroll = move || first_visible.set(0);
    let on_search = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        query.update(|q| q.search = text);
        reset_scroll();
    };
    // Value tiers follow the settings (their number and names); `None` is No purchase.
    let tiers = Signal::derive(move || {
        state.summary.with(|s| {
            let count = s.as_ref().map_or(0, |s| s.tiers.len());
            (0..count)
                .map(|i| (i + 1 < count).then_some(i as u32))
                .collect::<Vec<_>>()
        })
    });
    let tier_position = move |value: Option<u32>| value.map_or(tiers.with(Vec::len).saturating_sub(1), |i| i as usize);
    let tier_label = Callback::new(move |value: Option<u32>| {
        let lang = state.lang.get();
        state.summary.with(|s| {
            s.as_ref()
                .and_then(|s| s.tiers.get(tier_position(value)))
                .map(|tier| tier_display_name(tier, lang))
                .unwrap_or_default()
        })
    });
    view! {
        <div class="card explorer-filters">
            <div class="export-selection">
                <button class="btn btn-secondary" data-testid="export-selection"
                    on:click=move |_| worker::ask(SessionRequest::ExportSelection(query.get_untracked()))>
                    {move || state.tr("explorer.export")}
                </button>
                <button class="btn btn-ghost" data-testid="export-selection-localized"
                    on:click=move |_| worker::ask(SessionRequest::ExportSelectionLocalized(query.get_untracked(), state.lang.get_untracked()))>
                    {move || state.tr("explorer.export_localized")}
                </button>
                <button class="btn btn-ghost" data-testid="export-selection-xlsx"
                    on:click=move |_| worker::ask(SessionRequest::ExportSelectionXlsx(query.get_untracked(), state.lang.get_untracked()))>
                    {move || state.tr("explorer.export_xlsx")}
                </button>
            </div>
            <label class="inline-field">
                {move || state.tr("explorer.search")}
                <input type="search" data-testid="customer-search" on:input=on_search
                    placeholder=move || state.tr("explorer.search_hint")/>
            </label>
            <FilterChips values=RfmSegment::ALL.to_vec() label=translated(RfmSegment::i18n_key)
                testid=Callback::new(|segment| format!("filter-segment-{}", stable_id(&segment)))
                field=ChipField { get: |q| &q.segments, get_mut: |q| &mut q.segments }
                query=query changed=Callback::new(move |()| reset_scroll()) group_key="segments.segment"/>
            <FilterChips values=tiers label=tier_label
                testid=Callback::new(move |value| format!("filter-tier-{}", tier_position(value)))
                field=ChipField { get: |q| &q.tiers, get_mut: |q| &mut q.tiers }
                query=query changed=Callback::new(move |()| reset_scroll()) group_key="tiers.title"/>
            <AudienceFilters query=query first_visible=first_visible/>
            <ActivationExport query=query/>
        </div>
    }
}

/// Lead-stage and engagement chips (with events), NPS-group chips (with a
/// survey), and the browsed-but-not-bought category another page chose.
#[component]
fn AudienceFilters(query: RwSignal<CustomerQuery>, first_visible: RwSignal<u64>) -> impl IntoView {
    let state = use_app();
    let no_events = Signal::derive(move || {
        state
            .summary
            .with(|s| s.as_ref().is_none_or(|s| s.audience.events == 0))
    });
    let no_nps = Signal::derive(move || {
        state
            .summary
            .with(|s| s.as_ref().is_none_or(|s| s.surveys.iter().all(|v| v.nps.is_none())))
    });
    let reset = Callback::new(move |()| first_visible.set(0));
    let browsed = move || {
        let category = query.with(|q| q.browsed_not_bought)?;
        let name = state.summary.with(|s| {
            s.as_ref()?
                .audience
                .categories
                .iter()
                .find(|c| c.index == category)
                .map(|c| c.name.clone())
        })?;
        let clear = move |_| {
            query.update(|q| q.browsed_not_bought = None);
            first_visible.set(0);
        };
        Some(view! {
            <button class="chip chip-active" aria-pressed="true" data-testid="filter-browsed" on:click=clear>
                {move || state.tr("interest.browsed_not_bought")}": "{name.clone()}" ✕"
            </button>
        })
    };
    view! {
        <FilterChips values=LifecycleStage::ALL.to_vec() label=translated(LifecycleStage::i18n_key)
            testid=Callback::new(|stage: LifecycleStage| format!("filter-stage-{}", stage.english_name().to_lowercase().replace(' ', "-")))
            field=ChipField { get: |q| &q.lifecycle, get_mut: |q| &mut q.lifecycle }
            query=query changed=reset group_key="chart.stages.x"/>
        <FilterChips values=LeadStage::ALL.to_vec() label=translated(LeadStage::i18n_key)
            testid=Callback::new(|stage: LeadStage| format!("filter-lead-{}", stage.english_name().to_lowercase()))
            field=ChipField { get: |q| &q.lead_stages, get_mut: |q| &mut q.lead_stages }
            query=query changed=reset group_key="reason.scheme.lead" hidden=no_events/>
        <FilterChips values=Engagement::ALL.to_vec() label=translated(Engagement::i18n_key)
            testid=Callback::new(|level: Engagement| format!("filter-engagement-{}", level.english_name().to_lowercase()))
            field=ChipField { get: |q| &q.engagement, get_mut: |q| &mut q.engagement }
            query=query changed=reset group_key="reason.scheme.engagement" hidden=no_events/>
        <FilterChips values=NpsGroup::ALL.to_vec() label=translated(NpsGroup::i18n_key)
            testid=Callback::new(|group: NpsGroup| format!("filter-nps-{}", stable_id(&group)))
            field=ChipField { get: |q| &q.nps_groups, get_mut: |q| &mut q.nps_groups }
            query=query changed=reset group_key="export.col.nps_group" hidden=no_nps/>
        {browsed}
        <SurveyFilters query=query first_visible=first_visible/>
    }
}

/// The survey filters another page chose — a feedback theme, a psychographic
/// class, an NPS move between waves — each a pressed chip that clears it.
#[component]
fn SurveyFilters(query: RwSignal<CustomerQuery>, first_visible: RwSignal<u64>) -> impl IntoView {
    let state = use_app();
    let chip = move |testid: &'static str, key: &'static str, name: String, clear: fn(&mut CustomerQuery)| {
        let on_click = move |_| {
            query.update(clear);
            first_visible.set(0);
        };
        view! {
            <button class="chip chip-active" aria-pressed="true" data-testid=testid on:click=on_click>
                {move || state.tr(key)}": "{name.clone()}" ✕"
            </button>
        }
    };
    let theme = move || {
        let k = query.with(|q| q.theme)?;
        let lang = state.lang.get();
        let name = state.settings.with(|s| {
            s.themes
                .themes
                .get(usize::from(k))
                .map(|t| theme_display_name(&t.name, lang))
        })?;
        Some(chip("filter-theme", "export.col.themes", name, |q| q.theme = None))
    };
    let class = move || {
        let k = query.with(|q| q.psycho_class)?;
        let lang = state.lang.get();
        let name = state
            .settings
            .with(|s| class_display_name(usize::from(k), &s.class_names, lang));
        Some(chip("filter-class", "export.col.psycho_class", name, |q| {
            q.psycho_class = None
        }))
    };
    let moved = move || {
        let m = query.with(|q| q.nps_move)?;
        let name = format!("{} → {}", state.tr(m.from.i18n_key()), state.tr(m.to.i18n_key()));
        Some(chip("filter-nps-move", "waves.title", name, |q| q.nps_move = None))
    };
    view! { {theme}{class}{moved} }
}

/// The virtualized table.
#[component]
fn Table(query: RwSignal<CustomerQuery>, first_visible: RwSignal<u64>) -> impl IntoView {
    let state = use_app();
    let total = move || state.customer_page.with(|p| p.as_ref().map_or(0, |p| p.total));
    let on_scroll = move |ev: leptos::ev::Event| {
        let top = event_target::<web_sys::Element>(&ev).scroll_top();
        first_visible.set((f64::from(top) / ROW_HEIGHT) as u64);
    };
    let header = |column: SortColumn, key: &'static str, numeric: bool| {
        let sorted = move || query.with(|q| (q.sort == column).then_some(q.descending));
        let click = move |_| {
            query.update(|q| {
                q.descending = if q.sort == column {
                    !q.descending
                } else {
                    column != SortColumn::Key
                };
                q.sort = column;
            });
            first_visible.set(0);
        };
        view! {
            <div class="cell" class:num=numeric role="columnheader"
                aria-sort=move || match sorted() { Some(true) => "descending", Some(false) => "ascending", None => "none" }>
                <button class="sort" data-testid=format!("sort-{}", stable_id(&column)) on:click=click>
                    {move || state.tr(key)}
                    {move || match sorted() { Some(true) => " ▼", Some(false) => " ▲", None => "" }}
                </button>
            </div>
        }
    };
    let rows = move || {
        let lang = state.lang.get();
        let tier_names: Vec<String> = state.summary.with(|s| {
            s.as_ref()
                .map(|s| s.tiers.iter().map(|t| tier_display_name(t, lang)).collect())
                .unwrap_or_default()
        });
        state.customer_page.with(|p| {
            p.as_ref().map(|p| {
                p.rows
                    .iter()
                    .enumerate()
                    .map(|(i, row)| row_view(row, p.offset + i as u64, &tier_names, lang))
                    .collect_view()
            })
        })
    };
    view! {
        <div class="card explorer" role="table" aria-rowcount=move || total().to_string() data-testid="customer-table">
            <p class="muted" data-testid="customer-count">
                {move || number::count(total())}" "{move || state.tr("explorer.matching")}
            </p>
            <div class="row head" role="row">
                {header(SortColumn::Key, "explorer.customer", false)}
                {header(SortColumn::Orders, "explorer.orders", true)}
                {header(SortColumn::Revenue, "kpi.revenue", true)}
                {header(SortColumn::Aov, "kpi.aov", true)}
                {header(SortColumn::Recency, "explorer.recency", true)}
                {header(SortColumn::Segment, "segments.segment", false)}
                {header(SortColumn::Tier, "explorer.tier", false)}
            </div>
            <div class="viewport" style=format!("height:{VIEWPORT_HEIGHT}px") on:scroll=on_scroll
                tabindex="0" data-testid="customer-viewport" aria-label=move || state.tr("explorer.table")>
                <div class="spacer" style=move || format!("height:{}px", total() as f64 * ROW_HEIGHT)>{rows}</div>
            </div>
        </div>
    }
}

/// One customer's row at position `at` among the matches.
fn row_view(row: &CustomerRow, at: u64, tier_names: &[String], lang: Lang) -> impl IntoView {
    let segment = row.segment.map(|s| t(lang, s.i18n_key())).unwrap_or("—");
    let tier = row
        .tier
        .and_then(|i| tier_names.get(i as usize))
        .or(tier_names.last())
        .cloned()
        .unwrap_or_default();
    let index = row.index;
    let recency = row
        .recency_days
        .map(|d| number::count(d.max(0) as u64))
        .unwrap_or_else(|| "—".into());
    view! {
        <div class="row" role="row" data-testid="customer-row" aria-rowindex=(at + 1).to_string()
            style=format!("top:{}px", at as f64 * ROW_HEIGHT)>
            <div class="cell key" role="cell">
                <button class="link" data-testid="open-customer"
                    on:click=move |_| worker::ask(SessionRequest::CustomerDetail(index))>{row.key.clone()}</button>
            </div>
            <div class="cell num" role="cell">{number::count(u64::from(row.orders))}</div>
            <div class="cell num" role="cell">{number::money(row.revenue)}</div>
            <div class="cell num" role="cell">{number::money(row.aov)}</div>
            <div class="cell num" role="cell">{recency}</div>
            <div class="cell" role="cell">{segment}</div>
            <div class="cell" role="cell">{tier}</div>
        </div>
    }
}

/// Rows visible in the viewport.
fn visible_rows() -> u64 {
    (VIEWPORT_HEIGHT / ROW_HEIGHT).ceil() as u64
}

/// Rows asked for per page: the visible ones plus the overscan on both sides.
fn page_rows() -> u32 {
    (visible_rows() + 2 * OVERSCAN) as u32
}
