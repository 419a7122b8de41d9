//! The rule builder's tree: a group (AND / OR / NOT) of conditions and
//! groups, each condition a field, a test and its value. Edits go to the
//! draft by path; the tree is drawn again from the draft after each edit.

use crate::state::use_app;
use leptos::prelude::*;
use segscope_engine::custom::rules::choice::{field_from_id, field_id, split_list, Label, TestChoice};
use segscope_engine::custom::rules::{Condition, CustomSegments, Field, Node, Test};

/// The node at `path` below `root` (child indices).
fn node_at<'a>(root: &'a mut Node, path: &[usize]) -> Option<&'a mut Node> {
    let Some((&first, rest)) = path.split_first() else {
        return Some(root);
    };
    let child = match root {
        Node::All(children) | Node::Any(children) => children.get_mut(first)?,
        Node::Not(inner) if first == 0 => inner,
        _ => return None,
    };
    node_at(child, rest)
}

/// Applies `edit` to the node at `path` of segment `segment` of the draft.
fn edit(draft: RwSignal<CustomSegments>, segment: usize, path: &[usize], edit: impl FnOnce(&mut Node)) {
    draft.update(|d| {
        if let Some(node) = d.segments.get_mut(segment).and_then(|s| node_at(&mut s.rule, path)) {
            edit(node);
        }
    });
}

/// Removes the node at `path` (not the root).
fn remove(draft: RwSignal<CustomSegments>, segment: usize, path: &[usize]) {
    let Some((&last, parent)) = path.split_last() else {
        return;
    };
    edit(draft, segment, parent, |node| match node {
        Node::All(children) | Node::Any(children) if last < children.len() => {
            children.remove(last);
        }
        _ => {}
    });
}

/// A new condition: revenue ≥ 0.
pub fn new_condition() -> Node {
    Node::cond(
        Field::Revenue,
        Test::Cmp {
            op: segscope_engine::custom::rules::CmpOp::Ge,
            value: 0.0,
        },
    )
}

/// Draws the node at `path` of segment `segment`.
pub fn node_view(draft: RwSignal<CustomSegments>, segment: usize, path: Vec<usize>, node: &Node) -> AnyView {
    match node {
        Node::Cond(condition) => condition_view(draft, segment, path, condition),
        Node::All(children) | Node::Any(children) => group_view(draft, segment, path, node, children),
        Node::Not(inner) => {
            let mut child = path.clone();
            child.push(0);
            let inner = node_view(draft, segment, child, inner);
            let state = use_app();
            view! { <div class="rule-group"><span class="pill">{move || state.tr("rules.not")}</span>{inner}</div> }
                .into_any()
        }
    }
}

fn group_view(
    draft: RwSignal<CustomSegments>,
    segment: usize,
    path: Vec<usize>,
    node: &Node,
    children: &[Node],
) -> AnyView {
    let state = use_app();
    let is_all = matches!(node, Node::All(_));
    let kind_value = if is_all { "all" } else { "any" };
    let items = children
        .iter()
        .enumerate()
        .map(|(i, child)| {
            let mut child_path = path.clone();
            child_path.push(i);
            node_view(draft, segment, child_path, child)
        })
        .collect_view();
    let (p1, p2, p3, p4) = (path.clone(), path.clone(), path.clone(), path.clone());
    let on_kind = move |ev: leptos::ev::Event| {
        let any = event_target_value(&ev) == "any";
        edit(draft, segment, &p1, |n| {
            let children = match std::mem::replace(n, Node::All(Vec::new())) {
                Node::All(c) | Node::Any(c) => c,
                other => vec![other],
            };
            *n = if any { Node::Any(children) } else { Node::All(children) };
        });
    };
    let add = move |_| edit(draft, segment, &p2, |n| push_child(n, new_condition()));
    let add_group = move |_| edit(draft, segment, &p3, |n| push_child(n, Node::Any(vec![new_condition()])));
    let removable = !path.is_empty();
    view! {
        <div class="rule-group" data-testid="rule-group">
            <select data-testid="rule-group-kind" on:change=on_kind>
                <option value="all" selected=kind_value == "all">{move || state.tr("rules.all")}</option>
                <option value="any" selected=kind_value == "any">{move || state.tr("rules.any")}</option>
            </select>
            <div class="rule-children">{items}</div>
            <div class="rule-actions">
                <button class="btn btn-ghost btn-small" data-testid="rule-add-condition" on:click=add>{move || state.tr("rules.add_condition")}</button>
                <button class="btn btn-ghost btn-small" data-testid="rule-add-group" on:click=add_group>{move || state.tr("rules.add_group")}</button>
                {removable.then(|| view! {
                    <button class="btn btn-ghost btn-small" on:click=move |_| remove(draft, segment, &p4)>{move || state.tr("rules.remove")}</button>
                })}
            </div>
        </div>
    }
    .into_any()
}

fn push_child(node: &mut Node, child: Node) {
    if let Node::All(children) | Node::Any(children) = node {
        children.push(child);
    }
}

fn condition_view(draft: RwSignal<CustomSegments>, segment: usize, path: Vec<usize>, condition: &Condition) -> AnyView {
    let state = use_app();
    let kind = condition.field.kind();
    let current_field = field_id(&condition.field);
    let others: Vec<String> = draft.with_untracked(|d| {
        d.segments
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != segment)
            .map(|(_, s)| s.name.clone())
            .collect()
    });
    let field_options = Field::COLUMNS
        .iter()
        .cloned()
        .chain(others.into_iter().map(Field::Segment))
        .map(|field| {
            let id = field_id(&field);
            let selected = id == current_field;
            let label = field.clone();
            view! {
                <option value=id selected=selected>
                    {move || match &label {
                        Field::Segment(name) => format!("{} {name}", state.tr("rules.field.segment")),
                        other => state.tr(other.i18n_key()).to_string(),
                    }}
                </option>
            }
        })
        .collect_view();
    let choice = TestChoice::of(&condition.test);
    let test_options = TestChoice::for_kind(kind)
        .iter()
        .map(|c| {
            let label = c.label(kind);
            view! {
                <option value=c.id() selected=*c == choice>
                    {move || match label { Label::Symbol(s) => s.to_string(), Label::Key(k) => state.tr(k).to_string() }}
                </option>
            }
        })
        .collect_view();
    let (p1, p2, p3) = (path.clone(), path.clone(), path.clone());
    let on_field = move |ev: leptos::ev::Event| {
        if let Some(field) = field_from_id(&event_target_value(&ev)) {
            edit(draft, segment, &p1, |n| {
                if let Node::Cond(c) = n {
                    if field.kind() != c.field.kind() {
                        c.test = TestChoice::for_kind(field.kind())[0].test(&c.test);
                    }
                    c.field = field;
                }
            });
        }
    };
    let on_test = move |ev: leptos::ev::Event| {
        if let Some(choice) = TestChoice::from_id(kind, &event_target_value(&ev)) {
            edit(draft, segment, &p2, |n| {
                if let Node::Cond(c) = n {
                    c.test = choice.test(&c.test);
                }
            });
        }
    };
    let values = value_inputs(draft, segment, path, &condition.test);
    view! {
        <div class="rule-condition" data-testid="rule-condition">
            <select data-testid="rule-field" on:change=on_field>{field_options}</select>
            <select data-testid="rule-test" on:change=on_test>{test_options}</select>
            {values}
            <button class="btn btn-ghost btn-small" aria-label=move || state.tr("rules.remove")
                on:click=move |_| remove(draft, segment, &p3)>"✕"</button>
        </div>
    }
    .into_any()
}

/// The inputs of a test's value; each change writes the whole test back.
fn value_inputs(draft: RwSignal<CustomSegments>, segment: usize, path: Vec<usize>, test: &Test) -> AnyView {
    let set = move |test: Test| {
        edit(draft, segment, &path, |n| {
            if let Node::Cond(c) = n {
                c.test = test;
            }
        })
    };
    let number = |ev: &leptos::ev::Event| event_target_value(ev).trim().parse::<f64>().unwrap_or(f64::NAN);
    match test.clone() {
        Test::Cmp { op, value } => view! {
            <input type="number" step="any" data-testid="rule-value" prop:value=value.to_string()
                on:change=move |ev| set(Test::Cmp { op, value: number(&ev) })/>
        }
        .into_any(),
        Test::Between { min, max } => {
            let set_min = set.clone();
            view! {
                <input type="number" step="any" data-testid="rule-value" prop:value=min.to_string()
                    on:change=move |ev| set_min(Test::Between { min: number(&ev), max })/>
                <input type="number" step="any" data-testid="rule-value-max" prop:value=max.to_string()
                    on:change=move |ev| set(Test::Between { min, max: number(&ev) })/>
            }
            .into_any()
        }
        Test::Equals(text) => text_input(text, move |t| set(Test::Equals(t))),
        Test::Contains(text) => text_input(text, move |t| set(Test::Contains(t))),
        Test::InList(list) => text_input(list.join(", "), move |t| set(Test::InList(split_list(&t)))),
        Test::Before(date) | Test::After(date) => {
            let before = matches!(test, Test::Before(_));
            view! {
                <input type="date" data-testid="rule-value" prop:value=date.format("%Y-%m-%d").to_string()
                    on:change=move |ev| {
                        if let Ok(d) = chrono::NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
                            set(if before { Test::Before(d) } else { Test::After(d) });
                        }
                    }/>
            }
            .into_any()
        }
        Test::WithinDays(days) => view! {
            <input type="number" min="0" data-testid="rule-value" prop:value=days.to_string()
                on:change=move |ev| set(Test::WithinDays(event_target_value(&ev).trim().parse().unwrap_or(0)))/>
        }
        .into_any(),
        Test::IsEmpty | Test::IsSet => ().into_any(),
    }
}

fn text_input(text: String, set: impl Fn(String) + 'static) -> AnyView {
    view! {
        <input type="text" data-testid="rule-value" prop:value=text on:change=move |ev| set(event_target_value(&ev))/>
    }
    .into_any()
}
