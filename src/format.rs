//! Durations for the page; numbers use `segscope_core::format`.

use segscope_core::i18n::Lang;

/// Milliseconds as seconds, in words of `lang`.
pub fn seconds(ms: f64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{:.2} s", ms / 1000.0),
        Lang::Zh => format!("{:.2} 秒", ms / 1000.0),
    }
}
