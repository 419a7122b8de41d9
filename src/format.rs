//! Durations for the page; numbers use `segscope_model::format`.

use segscope_i18n::Lang;

/// A duration: milliseconds below a second, else seconds, in words of `lang`.
pub fn duration(ms: f64, lang: Lang) -> String {
    match (ms < 1000.0, lang) {
        (true, Lang::En) => format!("{ms:.0} ms"),
        (true, Lang::Zh) => format!("{ms:.0} 毫秒"),
        (false, Lang::En) => format!("{:.2} s", ms / 1000.0),
        (false, Lang::Zh) => format!("{:.2} 秒", ms / 1000.0),
    }
}
