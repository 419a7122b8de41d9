//! A conversion funnel: one centred bar per stage, with its count, its share
//! of the first stage and its share of the stage before.

use super::frame::{self, text_width, WIDTH};
use super::inputs::{ChartText, ValueFormat, NO_VALUE};
use super::palette::{FUNNEL_LINK, MUTED, SERIES_BLUE, TEXT};
use super::parts::{self, Plot, Rows, MARGIN};
use super::svg::{Anchor, Svg, TextStyle};
use segscope_i18n::Lang;
use segscope_model::format::count;

/// Top of the first stage's row (column headers sit above it).
const ROWS_TOP: f64 = 72.0;
/// Baseline of the column headers.
const HEADER_Y: f64 = 60.0;
/// Thickest a stage's bar is drawn.
const MAX_BAR: f64 = 40.0;

/// Headers of the funnel's two percentage columns, already localized.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FunnelColumns<'a> {
    /// Header of each stage's share of the first stage, e.g. "% of first step".
    pub of_first: &'a str,
    /// Header of each stage's share of the stage before, e.g. "% of previous step".
    pub of_previous: &'a str,
}

/// A funnel of `stages` (top to bottom, paired with `counts`; extra entries
/// of the longer list are ignored): each stage's bar is as wide as its share
/// of the largest count, centred, and linked to the next. Columns on the
/// right give the count, the share of the first stage and the share of the
/// previous stage (`—` where that stage is zero); hover repeats all three.
/// `text.y_label` heads the stage names and `text.x_label` the counts. To
/// compare funnels (per source, say), draw one per funnel.
pub fn funnel(text: &ChartText, columns: &FunnelColumns, stages: &[String], counts: &[u64], lang: Lang) -> String {
    let n = stages.len().min(counts.len());
    if n == 0 {
        return frame::no_data(frame::start(text.id, lang, text.title, text.desc), lang);
    }
    let (stages, counts) = (&stages[..n], &counts[..n]);
    let rows = Rows::new(n, ROWS_TOP, 24.0);
    let mut svg = frame::start_sized(text.id, lang, text.title, text.desc, rows.chart_height);

    let counts_text: Vec<String> = counts.iter().map(|c| count(*c)).collect();
    let count_style = TextStyle::new(12.0, TEXT).anchored(Anchor::End).bold();
    let share_style = TextStyle::new(12.0, TEXT).anchored(Anchor::End);
    let header_style = TextStyle::new(11.0, MUTED).anchored(Anchor::End);
    let column = |header: &str, values: f64| (text_width(header, 11.0).max(values) + 16.0).clamp(64.0, 130.0);
    let count_width = column(
        text.x_label,
        counts_text.iter().map(|c| text_width(c, 12.0)).fold(0.0, f64::max),
    );
    let first_width = column(columns.of_first, text_width("100.0%", 12.0));
    let previous_width = column(columns.of_previous, text_width("100.0%", 12.0));
    let previous_x = WIDTH - MARGIN;
    let first_x = previous_x - previous_width;
    let count_x = first_x - first_width;

    let labels: Vec<&str> = stages.iter().map(String::as_str).collect();
    let label_width = parts::row_label_width(&labels, 150.0);
    let plot = Plot {
        left: MARGIN + label_width + 8.0,
        right: count_x - count_width - 8.0,
        top: ROWS_TOP,
        bottom: ROWS_TOP + rows.band * n as f64,
    };
    let headers = [
        (plot.left - 8.0, text.y_label, label_width),
        (count_x, text.x_label, count_width - 8.0),
        (first_x, columns.of_first, first_width - 8.0),
        (previous_x, columns.of_previous, previous_width - 8.0),
    ];
    for (x, header, width) in headers {
        if !header.is_empty() {
            parts::label(&mut svg, (x, HEADER_Y), header_style, header, width);
        }
    }

    let largest = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let bar = (rows.band * 0.72).min(MAX_BAR);
    let centre = (plot.left + plot.right) / 2.0;
    let half_width = |c: u64| (plot.width() * c as f64 / largest / 2.0).max(if c > 0 { 1.0 } else { 0.5 });
    let top_of = |i: usize| plot.top + rows.band * i as f64 + (rows.band - bar) / 2.0;
    links(&mut svg, counts, centre, bar, &half_width, &top_of);

    let text_step = parts::label_step(rows.band, 14.0);
    for (i, stage) in stages.iter().enumerate() {
        let of_first = share(counts[i], counts[0]);
        let of_previous = if i == 0 {
            NO_VALUE.to_string()
        } else {
            share(counts[i], counts[i - 1])
        };
        let mut hover = parts::hover(lang, stage, &counts_text[i]);
        for (header, value) in [(columns.of_first, &of_first), (columns.of_previous, &of_previous)] {
            if i > 0 || value.as_str() != NO_VALUE {
                hover.push_str(" · ");
                hover.push_str(&parts::hover(lang, header, value));
            }
        }
        svg.open_group(&hover);
        let (y, half) = (top_of(i), half_width(counts[i]));
        svg.rect(centre - half, y, 2.0 * half, bar, SERIES_BLUE);
        if i % text_step == 0 {
            let baseline = y + bar / 2.0 + 4.0;
            parts::label(
                &mut svg,
                (count_x, baseline),
                count_style,
                &counts_text[i],
                count_width - 8.0,
            );
            svg.text(first_x, baseline, share_style, &of_first);
            svg.text(previous_x, baseline, share_style, &of_previous);
        }
        svg.close_group();
    }
    parts::row_labels(&mut svg, plot, rows.band, &labels, label_width);
    svg.finish()
}

/// Light trapezoids from each stage's bar to the next one's.
fn links(
    svg: &mut Svg,
    counts: &[u64],
    centre: f64,
    bar: f64,
    half_width: &dyn Fn(u64) -> f64,
    top_of: &dyn Fn(usize) -> f64,
) {
    for (i, pair) in counts.windows(2).enumerate() {
        let (upper, lower) = (half_width(pair[0]), half_width(pair[1]));
        let (from, to) = (top_of(i) + bar, top_of(i + 1));
        if to - from < 1.0 {
            continue;
        }
        svg.polygon(
            &[
                (centre - upper, from),
                (centre + upper, from),
                (centre + lower, to),
                (centre - lower, to),
            ],
            FUNNEL_LINK,
        );
    }
}

/// `part` as a percentage of `whole`; `—` when `whole` is zero.
fn share(part: u64, whole: u64) -> String {
    if whole == 0 {
        NO_VALUE.to_string()
    } else {
        ValueFormat::Percent.format(part as f64 / whole as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_of_zero_are_undefined() {
        assert_eq!(share(1, 4), "25.0%");
        assert_eq!(share(0, 0), NO_VALUE);
        assert_eq!(share(5, 4), "125.0%");
    }
}
