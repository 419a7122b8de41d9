//! The theme dictionary editor of the feedback page
//! (docs/product.md#feedback-and-reviews): one theme per line, its name, a
//! colon and its words separated by commas; applied on demand, reset to the
//! built-in dictionary in one click.

use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use segscope_engine::feedback::{Theme, ThemeSettings};

/// The dictionary as text, one theme per line.
fn to_text(settings: &ThemeSettings) -> String {
    settings
        .themes
        .iter()
        .map(|t| format!("{}: {}", t.name, t.words.join(", ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The dictionary a text holds: blank lines skipped; a line without a colon
/// is a theme without words (which the settings check rejects with a
/// sentence). Commas may be ASCII or Chinese.
fn from_text(text: &str) -> ThemeSettings {
    let themes = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (name, words) = line.split_once([':', '：']).unwrap_or((line, ""));
            Theme {
                name: name.trim().to_string(),
                words: words
                    .split([',', '，', '、'])
                    .map(|w| w.trim().to_string())
                    .filter(|w| !w.is_empty())
                    .collect(),
            }
        })
        .collect();
    ThemeSettings { themes }
}

/// The editor.
#[component]
pub fn ThemeDictionary() -> impl IntoView {
    let state = use_app();
    let problem = RwSignal::new(None::<String>);
    let draft = RwSignal::new(String::new());
    Effect::new(move |_| draft.set(state.settings.with(|s| to_text(&s.themes))));
    let apply = move |_| {
        let themes = from_text(&draft.get_untracked());
        worker::edit_settings(state, problem, |s| s.themes = themes);
    };
    let reset = move |_| worker::edit_settings(state, problem, |s| s.themes = ThemeSettings::default());
    view! {
        <details class="card details" data-testid="theme-dictionary">
            <summary>{move || state.tr("feedback.dictionary")}</summary>
            <p class="muted">{move || state.tr("feedback.dictionary_help")}</p>
            <textarea rows="9" class="dictionary-text" data-testid="theme-text" spellcheck="false"
                aria-label=move || state.tr("feedback.dictionary")
                prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
            <div class="field-row">
                <button class="btn btn-small" data-testid="theme-apply" on:click=apply>{move || state.tr("feedback.apply")}</button>
                <button class="btn btn-ghost btn-small" data-testid="theme-reset" on:click=reset>{move || state.tr("feedback.reset")}</button>
            </div>
            <p class="error" data-testid="theme-problem">{move || problem.get()}</p>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_round_trips_and_reads_chinese_punctuation() {
        let built_in = ThemeSettings::default();
        assert_eq!(from_text(&to_text(&built_in)), built_in);
        let d = from_text("口味：甜，咸、辣\n\nTaste: salty, sweet\nNo words");
        assert_eq!(d.themes[0].words, ["甜", "咸", "辣"]);
        assert_eq!(d.themes[1].name, "Taste");
        assert!(d.themes[2].words.is_empty());
    }
}
