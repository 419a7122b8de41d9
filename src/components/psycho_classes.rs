//! The psychographic classes on the survey page
//! (docs/product.md#psychographic-classes): how many classes the answers
//! hold and how stable they are, each class's size, NPS and typical answers
//! with a name the user can change, and its respondents as a list.

use crate::components::chart_card::ChartCard;
use crate::components::show_list::ShowListButton;
use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_engine::class_display_name;
use segscope_engine::explore::CustomerQuery;
use segscope_engine::survey::lca::{ClassTrait, LcaProblem, PsychoSummary, MAX_CLASSES};
use segscope_model::format as number;
use segscope_report::class_nps;

/// Refits agreeing less than this with the chosen fit make the classes
/// "unstable" in the sentence.
const STABLE: f64 = 0.8;

/// The classes section: fitted with the other models, on demand.
#[component]
pub fn PsychoClasses() -> impl IntoView {
    let state = use_app();
    Effect::new(move |_| {
        state.summary.track();
        worker::ensure_models(state);
    });
    let classes = move || state.models.with(|m| m.as_ref().map(|m| m.psychographics.clone()));
    // A survey that asks no choice or rating question has no classes to look for: nothing to say.
    let nothing_asked = move || {
        state.models.with(|m| {
            m.as_ref().is_some_and(|m| {
                matches!(
                    m.psychographics,
                    Err(LcaProblem::NoSurvey | LcaProblem::TooFewItems { items: 0 })
                )
            })
        })
    };
    let body = move || match classes() {
        None => view! { <p class="notice" data-testid="models-computing">{move || state.tr("models.computing")}</p> }
            .into_any(),
        Some(Err(LcaProblem::NoSurvey | LcaProblem::TooFewItems { items: 0 })) => ().into_any(),
        Some(Err(problem)) => {
            view! { <p class="notice" data-testid="psycho-problem">{move || problem.message(state.lang.get())}</p> }
                .into_any()
        }
        Some(Ok(summary)) => view! { <Classes summary=summary/> }.into_any(),
    };
    view! {
        <Show when=move || !nothing_asked()>
            <section class="card" data-testid="psycho-classes">
                <h3>{move || state.tr("lca.title")}</h3>
                {body}
            </section>
        </Show>
    }
}

#[component]
fn Classes(summary: PsychoSummary) -> impl IntoView {
    let state = use_app();
    let k = summary.classes.len();
    let sentence = {
        let s = summary.clone();
        move || {
            let key = match k {
                1 => "lca.one_class",
                _ if s.stability < STABLE => "lca.found_unstable",
                _ => "lca.found",
            };
            state
                .tr(key)
                .replace("{k}", &k.to_string())
                .replace("{file}", &s.file)
                .replace("{responses}", &number::count(s.responses))
                .replace("{items}", &s.items.to_string())
                .replace("{tried}", &s.bic_by_k.len().min(MAX_CLASSES).to_string())
                .replace("{stability}", &format!("{:.2}", s.stability))
        }
    };
    let sampled = {
        let s = summary.clone();
        move || {
            (s.fitted < s.responses).then(|| {
                state
                    .tr("lca.sampled")
                    .replace("{fitted}", &number::count(s.fitted))
                    .replace("{responses}", &number::count(s.responses))
            })
        }
    };
    let has_nps = summary.classes.iter().any(|c| c.nps.is_some_and(|n| n.n > 0));
    let chart = {
        let s = summary.clone();
        Memo::new(move |_| {
            state
                .settings
                .with(|settings| class_nps(&s, &settings.class_names, state.lang.get()))
        })
    };
    let rows = summary
        .classes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let nps = c
                .nps
                .filter(|n| n.n > 0)
                .map(|n| format!("{:.0} ({:.0} – {:.0})", n.value, n.low, n.high))
                .unwrap_or_else(|| "—".into());
            let traits = c.traits.iter().map(trait_line).collect_view();
            let none_linked = c.customers == 0;
            view! {
                <tr data-testid="psycho-row">
                    <td class="class-cell"><ClassName index=i/></td>
                    <td class="num">{number::percent(c.share)}</td>
                    <td class="num">{number::count(c.responses)}</td>
                    <td class="num">{number::count(c.customers)}</td>
                    <td class="num">{nps}</td>
                    <td><ul class="trait-list">{traits}</ul></td>
                    <td>
                        <ShowListButton testid="psycho-list" label_key="lca.show_list" disabled=Signal::stored(none_linked)
                            narrow=Callback::new(move |()| CustomerQuery { psycho_class: Some(i as u8), ..CustomerQuery::default() })/>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p data-testid="psycho-sentence">{sentence}</p>
        <p class="muted">{sampled}</p>
        {has_nps.then(|| view! { <ChartCard testid="chart-class-nps" file_stem="nps-by-class" svg=chart/> })}
        <p class="muted">{move || state.tr("lca.table_help")}</p>
        <table class="table" data-testid="psycho-table">
            <thead><tr>
                <th>{move || state.tr("lca.class")}</th>
                <th class="num">{move || state.tr("lca.share")}</th>
                <th class="num">{move || state.tr("survey.answers_head")}</th>
                <th class="num">{move || state.tr("lca.customers")}</th>
                <th class="num">"NPS"</th>
                <th>{move || state.tr("lca.traits")}</th>
                <th></th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// "What matters most when you buy?: Price — 65 % in the class, 38 % overall."
fn trait_line(t: &ClassTrait) -> impl IntoView {
    let state = use_app();
    let (question, answer) = (t.question.clone(), t.answer.clone());
    let (share, overall) = (t.share, t.overall);
    let figures = move || {
        state
            .tr("lca.trait_figures")
            .replace("{share}", &number::percent(share))
            .replace("{overall}", &number::percent(overall))
    };
    view! {
        <li data-testid="psycho-trait">
            <span class="muted">{question}": "</span><strong>{answer}</strong>" "<span class="muted">{figures}</span>
        </li>
    }
}

/// The class's name, editable: a blank name goes back to the numbered one.
#[component]
fn ClassName(index: usize) -> impl IntoView {
    let state = use_app();
    let problem = RwSignal::new(None::<String>);
    let current = move || {
        let lang = state.lang.get();
        state.settings.with(|s| class_display_name(index, &s.class_names, lang))
    };
    let on_change = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev).trim().to_string();
        worker::edit_settings(state, problem, |s| {
            if s.class_names.len() <= index {
                s.class_names.resize(index + 1, String::new());
            }
            s.class_names[index] = name;
            while s.class_names.last().is_some_and(String::is_empty) {
                s.class_names.pop();
            }
        });
    };
    view! {
        <input type="text" class="class-name" data-testid="psycho-name" maxlength="60"
            aria-label=move || state.tr("lca.rename") prop:value=current on:change=on_change/>
        {move || problem.get().map(|p| view! { <span class="error">{p}</span> })}
    }
}
