//! Durations for the page; numbers use `segscope_model::format`.

use crate::texts::t;
use segscope_i18n::Lang;

/// A duration: milliseconds below a second, else seconds, in words of `lang`.
pub fn duration(ms: f64, lang: Lang) -> String {
    if ms < 1000.0 {
        t(lang, "format.ms").replace("{n}", &format!("{ms:.0}"))
    } else {
        t(lang, "format.s").replace("{n}", &format!("{:.2}", ms / 1000.0))
    }
}
