//! A generic heatmap: a grid of values coloured on the blue ramp, e.g. the
//! share of each monthly cohort still buying n months later.

use super::frame::{self, text_width, WIDTH};
use super::inputs::{ChartText, ValueFormat};
use super::palette::{blue_at, text_on, BLUES, MUTED};
use super::parts::{self, ColumnLabels, Plot, Rows, MARGIN};
use super::svg::{Anchor, TextStyle};
use segscope_i18n::Lang;

/// Width of the colour legend bar.
const LEGEND_BAR: f64 = 14.0;
/// Largest font for the values in cells.
const CELL_FONT: f64 = 11.0;
/// Smallest font tried for the values in cells.
const SMALL_CELL_FONT: f64 = 9.0;

/// A `row_labels × col_labels` grid of `cells` (row-major; a cell that is
/// `None`, not finite or beyond the end of `cells` is missing and left
/// blank). Every row and column is named (column names turn when they do
/// not fit side by side). Cells are coloured from light (smallest value) to dark (largest)
/// and print their value with `format` when it fits; hover gives row, column
/// and value. A colour legend on the right shows the range. The chart grows
/// taller beyond about twelve rows. `text.x_label` names the columns,
/// `text.y_label` the rows.
pub fn heatmap(
    text: &ChartText,
    row_labels: &[String],
    col_labels: &[String],
    cells: &[Option<f64>],
    format: ValueFormat,
    lang: Lang,
) -> String {
    let hover = |r: usize, c: usize, shown: &str| {
        let subject = format!("{} · {}", row_labels[r], col_labels[c]);
        parts::hover(lang, &subject, shown)
    };
    heatmap_with_hover(text, row_labels, col_labels, cells, format, lang, &hover)
}

/// [`heatmap`] with the hover text of each cell from `hover(row, column,
/// printed value)`.
pub fn heatmap_with_hover(
    text: &ChartText,
    row_labels: &[String],
    col_labels: &[String],
    cells: &[Option<f64>],
    format: ValueFormat,
    lang: Lang,
    hover: &dyn Fn(usize, usize, &str) -> String,
) -> String {
    let (rows_n, cols_n) = (row_labels.len(), col_labels.len());
    let cell = |r: usize, c: usize| {
        r.checked_mul(cols_n)
            .and_then(|i| i.checked_add(c))
            .and_then(|i| cells.get(i).copied().flatten())
            .filter(|v| v.is_finite())
    };
    let finite = || (0..rows_n).flat_map(move |r| (0..cols_n).filter_map(move |c| cell(r, c)));
    let Some(low) = finite().reduce(f64::min) else {
        return frame::no_data(frame::start(text.id, lang, text.title, text.desc), lang);
    };
    let high = finite().fold(low, f64::max);
    let low_text = format.format(low);
    let high_text = format.format(high);
    let legend_text = text_width(&low_text, 11.0).max(text_width(&high_text, 11.0)).min(100.0);
    let labels: Vec<&str> = row_labels.iter().map(String::as_str).collect();
    let label_width = parts::row_label_width(&labels, 140.0);
    let title_space = if text.y_label.is_empty() { 0.0 } else { 20.0 };
    let left = MARGIN + title_space + label_width + 8.0;
    let right = WIDTH - MARGIN - LEGEND_BAR - legend_text - 24.0;
    let columns: Vec<&str> = col_labels.iter().map(String::as_str).collect();
    let column_labels = ColumnLabels::new(&columns, (right - left) / cols_n as f64);
    let rows = Rows::new(rows_n, parts::TOP_PLAIN, column_labels.below());
    let mut svg = frame::start_sized(text.id, lang, text.title, text.desc, rows.chart_height);
    let plot = Plot {
        left,
        right,
        top: parts::TOP_PLAIN,
        bottom: parts::TOP_PLAIN + rows.band * rows_n as f64,
    };
    let width = plot.width() / cols_n as f64;
    let pad = if width > 4.0 && rows.band > 4.0 { 1.0 } else { 0.0 };
    for r in 0..rows_n {
        for c in 0..cols_n {
            let Some(value) = cell(r, c) else {
                continue;
            };
            // Cells start a little into the ramp so the lightest still shows.
            let shade = 0.08 + 0.92 * position(value, low, high);
            let colour = blue_at(shade);
            let shown = format.format(value);
            svg.open_group(&hover(r, c, &shown));
            let (x, y) = (plot.left + width * c as f64, plot.top + rows.band * r as f64);
            svg.rect(x + pad, y + pad, width - 2.0 * pad, rows.band - 2.0 * pad, &colour);
            let size = [CELL_FONT, SMALL_CELL_FONT]
                .into_iter()
                .find(|size| text_width(&shown, *size) <= width - 4.0 && rows.band >= size + 4.0);
            if let Some(size) = size {
                let style = TextStyle::new(size, text_on(&colour)).anchored(Anchor::Middle);
                svg.text(x + width / 2.0, y + rows.band / 2.0 + size * 0.35, style, &shown);
            }
            svg.close_group();
        }
    }
    parts::row_labels(&mut svg, plot, rows.band, &labels, label_width);
    column_labels.draw(&mut svg, plot, &columns);
    parts::x_title(&mut svg, plot, text.x_label, plot.bottom + column_labels.title_offset());
    parts::y_title(&mut svg, plot, text.y_label);

    let legend_x = plot.right + 16.0;
    let legend_height = plot.height().min(240.0);
    let gradient = format!("{}-scale", text.id);
    svg.vertical_gradient(&gradient, &BLUES);
    svg.gradient_rect(legend_x, plot.top, LEGEND_BAR, legend_height, &gradient);
    let style = TextStyle::new(11.0, MUTED);
    let at = legend_x + LEGEND_BAR + 6.0;
    parts::label(&mut svg, (at, plot.top + 10.0), style, &high_text, 100.0);
    parts::label(&mut svg, (at, plot.top + legend_height), style, &low_text, 100.0);
    svg.finish()
}

/// Where `value` lies between `low` and `high`, 0..1; 1 when they are equal.
/// Halved first so that the span of huge values stays finite.
fn position(value: f64, low: f64, high: f64) -> f64 {
    let span = high / 2.0 - low / 2.0;
    if span > 0.0 {
        ((value / 2.0 - low / 2.0) / span).clamp(0.0, 1.0)
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_on_the_ramp() {
        assert_eq!(position(5.0, 0.0, 10.0), 0.5);
        assert_eq!(position(3.0, 3.0, 3.0), 1.0);
        assert_eq!(position(0.0, -f64::MAX, f64::MAX), 0.5);
    }
}
