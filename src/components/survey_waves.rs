//! NPS between survey waves on the survey page
//! (docs/product.md#surveys-and-feedback): for each wave and the one before,
//! how many customers went from each NPS group to each other, every cell a
//! list of its customers.

use crate::components::show_list::ShowListButton;
use crate::state::use_app;
use leptos::prelude::*;
use segscope_engine::explore::CustomerQuery;
use segscope_engine::survey::{NpsGroup, NpsMove, WaveMoves};
use segscope_model::format as number;

/// Every pair of consecutive waves, or nothing with fewer than two.
#[component]
pub fn SurveyWaves() -> impl IntoView {
    let state = use_app();
    let pairs = move || {
        state.summary.with(|s| {
            let s = s.as_ref()?;
            let files: Vec<String> = s.surveys.iter().map(|v| v.file.clone()).collect();
            (!s.nps_waves.is_empty()).then(|| {
                s.nps_waves
                    .iter()
                    .map(|w| view! { <WavePair moves=w.clone() files=files.clone()/> })
                    .collect_view()
            })
        })
    };
    view! { {pairs} }
}

#[component]
fn WavePair(moves: WaveMoves, files: Vec<String>) -> impl IntoView {
    let state = use_app();
    let name = |i: usize| files.get(i).cloned().unwrap_or_default();
    let (from_file, to_file) = (name(moves.from), name(moves.to));
    let stayed: u64 = (0..3).map(|i| moves.moves[i][i]).sum();
    let both: u64 = moves.moves.iter().flatten().sum();
    let up: u64 = (0..3)
        .flat_map(|i| (0..i).map(move |j| (i, j)))
        .map(|(i, j)| moves.moves[i][j])
        .sum();
    let sentence = {
        let (from_file, to_file) = (from_file.clone(), to_file.clone());
        move || {
            state
                .tr("waves.sentence")
                .replace("{from}", &from_file)
                .replace("{to}", &to_file)
                .replace("{both}", &number::count(both))
                .replace("{stayed}", &number::count(stayed))
                .replace("{up}", &number::count(up))
                .replace("{down}", &number::count(both - stayed - up))
                .replace("{only_from}", &number::count(moves.only_from))
                .replace("{only_to}", &number::count(moves.only_to))
        }
    };
    let header = NpsGroup::ALL
        .iter()
        .map(|g| {
            let key = g.i18n_key();
            view! { <th class="num">{move || state.tr(key)}</th> }
        })
        .collect_view();
    let rows = NpsGroup::ALL
        .iter()
        .enumerate()
        .map(|(i, from)| {
            let key = from.i18n_key();
            let cells = NpsGroup::ALL
                .iter()
                .enumerate()
                .map(|(j, to)| {
                    let count = moves.moves[i][j];
                    let step = NpsMove {
                        from_survey: moves.from,
                        to_survey: moves.to,
                        from: *from,
                        to: *to,
                    };
                    view! {
                        <td class="num" data-testid="wave-cell" data-from=from.english_name() data-to=to.english_name()>
                            <span class="wave-count">{number::count(count)}</span>" "
                            <ShowListButton testid="wave-list" disabled=Signal::stored(count == 0)
                                narrow=Callback::new(move |()| CustomerQuery { nps_move: Some(step), ..CustomerQuery::default() })/>
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th>{move || state.tr(key)}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <section class="card" data-testid="survey-waves">
            <h3>{move || state.tr("waves.title")}</h3>
            <p data-testid="waves-sentence">{sentence}</p>
            <p class="muted">{move || state.tr("waves.help")}</p>
            <table class="table">
                <thead><tr><th>{move || state.tr("waves.corner")}</th>{header}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
