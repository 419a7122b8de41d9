//! Estimates with their intervals, one row per group: a dot at the estimate
//! and a whisker from the low to the high end, for scores such as NPS by
//! segment; rows with too few answers are drawn faded.

use super::frame::{self, WIDTH};
use super::inputs::{ChartText, ValueFormat};
use super::palette::{AXIS, SERIES_BLUE};
use super::parts::{self, Plot, MARGIN};
use super::scale::Scale;
use super::svg::Svg;
use segscope_i18n::Lang;

/// Colour of a faded row's marks.
const FADED: &str = "#c3cad3";

/// One row: a group's estimate and interval.
#[derive(Debug, Clone, PartialEq)]
pub struct IntervalRow {
    /// The group's name, shown left of the row.
    pub label: String,
    /// The estimate; a non-finite one leaves the row empty.
    pub value: f64,
    /// Low end of the interval.
    pub low: f64,
    /// High end of the interval.
    pub high: f64,
    /// Added to the hover text (e.g. `n = 12, small group`).
    pub note: String,
    /// Drawn faded: too few answers to read.
    pub faded: bool,
}

/// Dots with whiskers, one row per group in the order given, on a value axis
/// covering every interval (and 0). Each row's hover shows its estimate,
/// interval and note. `text.x_label` names the values, `text.y_label` the groups.
pub fn interval_rows(text: &ChartText, rows: &[IntervalRow], format: ValueFormat, lang: Lang) -> String {
    let drawn: Vec<&IntervalRow> = rows.iter().filter(|r| r.value.is_finite()).collect();
    if drawn.is_empty() {
        return frame::no_data(frame::start(text.id, lang, text.title, text.desc), lang);
    }
    let (mut svg, layout, top) = parts::start_row_chart(text, lang, &[], rows.len());
    let ends = drawn
        .iter()
        .flat_map(|r| [r.low, r.high, r.value])
        .filter(|v| v.is_finite());
    let scale = Scale::covering(ends.chain([0.0]), format.min_step());
    let (ticks, _) = parts::tick_labels(&scale, format);
    let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
    let label_width = parts::row_label_width(&labels, 180.0);
    let title_space = if text.y_label.is_empty() { 0.0 } else { 20.0 };
    let plot = Plot {
        left: MARGIN + title_space + label_width + 8.0,
        right: WIDTH - MARGIN - 8.0,
        top,
        bottom: top + layout.band * rows.len() as f64,
    };
    parts::value_axis_bottom(&mut svg, plot, &scale, &ticks, text.x_label);
    let x_of = |v: f64| plot.left + plot.width() * scale.ratio(v);
    svg.line((x_of(0.0), plot.top), (x_of(0.0), plot.bottom), AXIS);
    for (i, row) in rows.iter().enumerate() {
        if row.value.is_finite() {
            let middle = plot.top + layout.band * (i as f64 + 0.5);
            draw_row(&mut svg, row, middle, &x_of, format, lang);
        }
    }
    parts::row_labels(&mut svg, plot, layout.band, &labels, label_width);
    parts::y_title(&mut svg, plot, text.y_label);
    svg.finish()
}

/// One row's whisker, end ticks and dot, in a group with its hover text.
fn draw_row(svg: &mut Svg, row: &IntervalRow, y: f64, x_of: &dyn Fn(f64) -> f64, format: ValueFormat, lang: Lang) {
    let colour = if row.faded { FADED } else { SERIES_BLUE };
    let shown = format!(
        "{} ({} – {}){}",
        format.format(row.value),
        format.format(row.low),
        format.format(row.high),
        if row.note.is_empty() {
            String::new()
        } else {
            format!(", {}", row.note)
        }
    );
    svg.open_group(&parts::hover(lang, &row.label, &shown));
    let (low, high) = (x_of(row.low), x_of(row.high));
    svg.line((low, y), (high, y), colour);
    svg.line((low, y - 5.0), (low, y + 5.0), colour);
    svg.line((high, y - 5.0), (high, y + 5.0), colour);
    svg.open_fill_group(colour, 1.0);
    svg.circle((x_of(row.value), y), 5.0, &shown);
    svg.close_group();
    svg.close_group();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, value: f64, faded: bool) -> IntervalRow {
        IntervalRow {
            label: label.into(),
            value,
            low: value - 10.0,
            high: value + 10.0,
            note: "n = 40".into(),
            faded,
        }
    }

    #[test]
    fn rows_carry_their_interval_on_hover_and_fade_when_small() {
        let text = ChartText {
            id: "t",
            title: "NPS by tier",
            desc: "d",
            x_label: "NPS",
            y_label: "",
        };
        let svg = interval_rows(
            &text,
            &[row("High", 45.0, false), row("Low <b>", -20.0, true)],
            ValueFormat::Count,
            Lang::En,
        );
        assert!(svg.contains("<title>High: 45 (35 – 55), n = 40</title>"));
        assert!(svg.contains("Low &lt;b&gt;: -20 (-30 – -10)"));
        assert!(svg.contains(FADED) && svg.contains(SERIES_BLUE));
        let empty = interval_rows(&text, &[row("x", f64::NAN, false)], ValueFormat::Count, Lang::En);
        assert!(empty.contains("No data"));
    }
}
