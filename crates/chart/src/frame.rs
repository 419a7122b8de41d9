//! What every chart shares: size, title, the "No data" state and text helpers.

use super::palette::{BACKGROUND, MUTED, TEXT};
use super::svg::{Anchor, Svg, TextStyle};
use crate::texts::t;
use segscope_i18n::Lang;

/// Chart width in px (the viewBox scales it).
pub const WIDTH: f64 = 640.0;
/// Chart height in px.
pub const HEIGHT: f64 = 360.0;

/// Starts a chart: root element with its accessible name and description,
/// background and visible title.
pub fn start(id: &str, lang: Lang, title: &str, desc: &str) -> Svg {
    start_sized(id, lang, title, desc, HEIGHT)
}

/// Starts a chart `height` px tall (charts with many rows grow downwards);
/// a title too long for one line is cut, the full one stays the accessible name.
pub fn start_sized(id: &str, lang: Lang, title: &str, desc: &str, height: f64) -> Svg {
    let mut svg = Svg::new((WIDTH, height), id, lang.tag(), title, desc);
    svg.rect(0.0, 0.0, WIDTH, height, BACKGROUND);
    let style = TextStyle::new(16.0, TEXT).bold();
    svg.text(24.0, 32.0, style, &fit(title, style.size, WIDTH - 48.0));
    svg
}

/// Finishes a chart that has nothing to show with a centred "No data".
pub fn no_data(mut svg: Svg, lang: Lang) -> String {
    let style = TextStyle::new(14.0, MUTED).anchored(Anchor::Middle);
    svg.text(WIDTH / 2.0, HEIGHT / 2.0, style, t(lang, "chart.no_data"));
    svg.finish()
}

/// Rough rendered width of `text` at `size` px: CJK characters are square,
/// others about 0.6 em.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if is_wide(c) { size } else { size * 0.6 }).sum()
}

/// `text` cut to about `max_width` px at `size`, with `…` when cut.
pub fn fit(text: &str, size: f64, max_width: f64) -> String {
    if text_width(text, size) <= max_width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut width = size * 0.6;
    for c in text.chars() {
        width += if is_wide(c) { size } else { size * 0.6 };
        if width > max_width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Fills `{name}` placeholders of a template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// True for characters drawn about one em wide (CJK and full-width forms).
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_helpers() {
        assert_eq!(text_width("ab", 10.0), 12.0);
        assert_eq!(text_width("客户", 10.0), 20.0);
        assert_eq!(fit("short", 10.0, 100.0), "short");
        assert_eq!(fit("a very long tier name", 10.0, 40.0), "a ver…");
        assert_eq!(fill("{a} and {b}, {a}", &[("a", "1"), ("b", "<2>")]), "1 and <2>, 1");
    }

    #[test]
    fn no_data_chart_is_complete() {
        let svg = no_data(start("c", Lang::Zh, "标题", "说明"), Lang::Zh);
        assert!(svg.contains(">暂无数据</text>"));
        assert!(svg.contains("lang=\"zh-CN\""));
        assert!(svg.ends_with("</svg>\n"));
    }
}
