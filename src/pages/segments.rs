//! The custom segments page (docs/product.md#custom-segments-and-tags): named rules built from any metric
//! or label with AND / OR groups, live counts while editing, tags or an
//! ordered exclusive segmentation with warnings, applied and saved with the
//! settings, and each segment's list in the explorer.

use crate::components::rule_node::{new_condition, node_view};
use crate::components::show_list::ShowListButton;
use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_engine::custom::rules::{example_segments, CustomSegments, Mode, Node, SegmentRule};
use segscope_engine::explore::CustomerQuery;
use segscope_i18n::Lang;
use segscope_model::format as number;
use segscope_session::protocol::SessionRequest;

/// The custom segments page.
#[component]
pub fn SegmentsPage() -> impl IntoView {
    let state = use_app();
    let draft = RwSignal::new(state.settings.with_untracked(|s| s.custom_segments.clone()));
    let problem = RwSignal::new(None::<String>);
    // Live counts of the draft after every edit.
    Effect::new(move |_| {
        let rules = draft.get();
        state.summary.track();
        worker::ask(SessionRequest::RuleCounts(rules));
    });
    let unsaved = move || state.settings.with(|s| s.custom_segments != draft.get());
    let apply = move |_| {
        let mut settings = state.settings.get_untracked();
        settings.custom_segments = draft.get_untracked();
        worker::offer_settings(state, problem, settings);
    };
    let add = move |_| {
        draft.update(|d| {
            let name = state
                .tr("rules.new_name")
                .replace("{n}", &(d.segments.len() + 1).to_string());
            d.segments.push(SegmentRule {
                name,
                rule: Node::All(vec![new_condition()]),
            });
        })
    };
    let exclusive = move || draft.with(|d| matches!(d.mode, Mode::OrderedExclusive { .. }));
    let on_mode = move |ev: leptos::ev::Event| {
        let to_exclusive = event_target_value(&ev) == "exclusive";
        let lang = state.lang.get_untracked();
        draft.update(|d| {
            d.mode = if to_exclusive {
                Mode::ordered_exclusive(lang)
            } else {
                Mode::Tags
            }
        });
    };
    let other_name = move || {
        draft.with(|d| match &d.mode {
            Mode::OrderedExclusive { other_name } => other_name.clone(),
            Mode::Tags => String::new(),
        })
    };
    let on_other = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        draft.update(|d| d.mode = Mode::OrderedExclusive { other_name: name });
    };
    let count = move || draft.with(|d| d.segments.len());
    let cards = move || {
        (0..count())
            .map(|i| view! { <SegmentCard draft=draft index=i/> })
            .collect_view()
    };
    let messages = move || {
        let lang = state.lang.get();
        let pick = |m: &[String; 2]| if lang == Lang::Zh { m[1].clone() } else { m[0].clone() };
        state.rule_counts.with(|c| {
            c.as_ref().map(|c| {
                let problems = c
                    .problems
                    .iter()
                    .map(|m| view! { <li class="notice-error" data-testid="rule-problem">{pick(m)}</li> });
                let warnings = c
                    .warnings
                    .iter()
                    .map(|m| view! { <li data-testid="rule-warning">{pick(m)}</li> });
                let other = c.other.as_ref().map(|(name, n)| {
                    state
                        .tr("rules.other_count")
                        .replace("{name}", name)
                        .replace("{n}", &number::count(*n))
                });
                view! {
                    <ul class="rule-messages">{problems.collect_view()}{warnings.collect_view()}</ul>
                    {other.map(|o| view! { <p class="muted" data-testid="rule-other">{o}</p> })}
                }
            })
        })
    };
    view! {
        <div class="page" data-testid="page-segments">
            <div class="card settings-bar">
                <label class="inline-field">{move || state.tr("rules.mode")}
                    <select data-testid="rule-mode" on:change=on_mode>
                        <option value="tags" selected=move || !exclusive()>{move || state.tr("rules.mode.tags")}</option>
                        <option value="exclusive" selected=exclusive>{move || state.tr("rules.mode.exclusive")}</option>
                    </select>
                </label>
                <Show when=exclusive>
                    <label class="inline-field">{move || state.tr("rules.other_name")}
                        <input type="text" data-testid="rule-other-name" prop:value=other_name on:change=on_other/></label>
                </Show>
                <button class="btn btn-ghost" data-testid="rule-add-segment" on:click=add>{move || state.tr("rules.add_segment")}</button>
                <button class="btn btn-primary" data-testid="rule-apply" on:click=apply>{move || state.tr("rules.apply")}</button>
                <Show when=unsaved><span class="muted" data-testid="rule-unsaved">{move || state.tr("rules.unsaved")}</span></Show>
                {move || problem.get().map(|p| view! { <p class="notice notice-error" role="alert">{p}</p> })}
            </div>
            <Show when=move || count() == 0>
                <div class="notice" data-testid="rules-empty">
                    <p>{move || state.tr("rules.empty")}</p>
                    <button class="btn btn-secondary" data-testid="rule-examples"
                        on:click=move |_| draft.update(|d| d.segments = example_segments(state.lang.get_untracked()))>
                        {move || state.tr("rules.examples")}
                    </button>
                </div>
            </Show>
            {messages}
            {cards}
        </div>
    }
}

/// One segment: name, order, live counts, its rule and its list.
#[component]
fn SegmentCard(draft: RwSignal<CustomSegments>, index: usize) -> impl IntoView {
    let state = use_app();
    let name = move || draft.with(|d| d.segments.get(index).map(|s| s.name.clone()).unwrap_or_default());
    let on_name = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        draft.update(|d| {
            if let Some(s) = d.segments.get_mut(index) {
                s.name = text;
            }
        });
    };
    let swap = move |other: Option<usize>| {
        draft.update(|d| {
            if let Some(j) = other.filter(|&j| j < d.segments.len()) {
                d.segments.swap(index, j);
            }
        })
    };
    let delete = move |_| {
        draft.update(|d| {
            if index < d.segments.len() {
                d.segments.remove(index);
            }
        })
    };
    let counts = move || {
        state.rule_counts.with(|c| {
            let c = c.as_ref()?;
            let matched = *c.matched.get(index)?;
            let mut text = state.tr("rules.count").replace("{n}", &number::count(matched));
            if let Some(assigned) = c.assigned.get(index).filter(|_| c.other.is_some()) {
                text.push_str(" · ");
                text.push_str(&state.tr("rules.assigned").replace("{n}", &number::count(*assigned)));
            }
            Some(text)
        })
    };
    let applied = move || state.settings.with(|s| s.custom_segments == draft.get());
    let tree = move || {
        let rule = draft.with(|d| d.segments.get(index).map(|s| s.rule.clone()));
        rule.map(|rule| node_view(draft, index, Vec::new(), &rule))
    };
    view! {
        <section class="card rule-card" data-testid="rule-card">
            <div class="rule-head">
                <label class="inline-field">{move || state.tr("rules.name")}
                    <input type="text" data-testid="rule-name" prop:value=name on:change=on_name/></label>
                <span class="muted" data-testid="rule-count">{counts}</span>
                <button class="btn btn-ghost btn-small" on:click=move |_| swap(index.checked_sub(1))>{move || state.tr("rules.up")}</button>
                <button class="btn btn-ghost btn-small" on:click=move |_| swap(Some(index + 1))>{move || state.tr("rules.down")}</button>
                <button class="btn btn-ghost btn-small" data-testid="rule-delete" on:click=delete>{move || state.tr("rules.remove")}</button>
                <ShowListButton testid="rule-list" disabled=Signal::derive(move || !applied())
                    narrow=Callback::new(move |()| CustomerQuery { custom_segment: Some(index), ..CustomerQuery::default() })/>
            </div>
            {tree}
        </section>
    }
}
