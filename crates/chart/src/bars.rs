//! Grouped bar charts of plain numbers: vertical bars for a few short
//! categories, horizontal bars for long names (sources, segments).

use super::frame::{self, text_width, HEIGHT, WIDTH};
use super::inputs::{ChartText, Series, ValueFormat};
use super::palette::series_colour;
use super::parts::{self, Plot, MARGIN, VALUE};
use super::scale::Scale;
use super::svg::Anchor;
use segscope_i18n::Lang;

/// Widest a single bar is drawn.
const MAX_BAR: f64 = 48.0;
/// Most bars that get value labels.
const MAX_LABELLED: usize = 40;

/// The value of `series` for category `i`; NaN when missing.
fn value(series: &Series, i: usize) -> f64 {
    series.values.get(i).copied().unwrap_or(f64::NAN)
}

/// True when there is something to draw.
fn has_values(categories: &[String], series: &[Series]) -> bool {
    !categories.is_empty()
        && series
            .iter()
            .any(|s| s.values.iter().take(categories.len()).any(|v| v.is_finite()))
}

/// The value scale of every shown value.
fn scale_of(categories: &[String], series: &[Series], format: ValueFormat) -> Scale {
    let values = series
        .iter()
        .flat_map(|s| s.values.iter().take(categories.len()).copied());
    Scale::covering(values, format.min_step())
}

/// Vertical grouped bars: one group per category (in the order given), one
/// bar per series in legend order. Values may be negative (bars hang from the
/// zero line); missing or non-finite values leave a gap. Bars carry their
/// value when there are few; every bar shows category, series and value on
/// hover. `text.x_label` names the categories, `text.y_label` the values.
pub fn bar_chart(
    text: &ChartText,
    categories: &[String],
    series: &[Series],
    format: ValueFormat,
    lang: Lang,
) -> String {
    let mut svg = frame::start(text.id, lang, text.title, text.desc);
    if !has_values(categories, series) {
        return frame::no_data(svg, lang);
    }
    let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
    parts::legend(&mut svg, &names);
    let top = parts::plot_top(&names);
    let scale = scale_of(categories, series, format);
    let (ticks, widest) = parts::tick_labels(&scale, format);
    let plot = Plot {
        left: parts::left_for_ticks(widest),
        right: WIDTH - MARGIN,
        top,
        bottom: HEIGHT - 52.0,
    };
    parts::value_axis_left(&mut svg, plot, &scale, &ticks, text.y_label);

    let band = plot.width() / categories.len() as f64;
    let slot = band * 0.8 / series.len() as f64;
    let bar = slot.min(MAX_BAR) - if slot > 8.0 { 2.0 } else { 0.0 };
    let group_width = slot.min(MAX_BAR) * series.len() as f64;
    let labelled = categories.len() * series.len() <= MAX_LABELLED
        && series.iter().all(|s| {
            (0..categories.len())
                .all(|i| text_width(&format.format(value(s, i)), VALUE.size) <= slot.min(MAX_BAR) + 4.0)
        });
    let y_of = |v: f64| plot.bottom - plot.height() * scale.ratio(v);
    let zero = y_of(0.0);
    for (i, category) in categories.iter().enumerate() {
        let group_left = plot.left + band * i as f64 + (band - group_width) / 2.0;
        for (j, s) in series.iter().enumerate() {
            let v = value(s, i);
            let shown = format.format(v);
            let hover = parts::hover(lang, &parts::subject(category, &s.name, series.len()), &shown);
            svg.open_group(&hover);
            let x = group_left + slot.min(MAX_BAR) * j as f64 + (slot.min(MAX_BAR) - bar) / 2.0;
            if v.is_finite() {
                let end = y_of(v);
                let (y, height) = if v >= 0.0 {
                    (end.min(zero - 1.0), (zero - end).max(1.0))
                } else {
                    (zero, (end - zero).max(1.0))
                };
                svg.rect(x, y, bar, height, series_colour(j));
                if labelled {
                    let label_y = if v >= 0.0 { end - 4.0 } else { zero - 4.0 };
                    svg.text(x + bar / 2.0, label_y, VALUE.anchored(Anchor::Middle), &shown);
                }
            }
            svg.close_group();
        }
    }
    let labels: Vec<&str> = categories.iter().map(String::as_str).collect();
    parts::bottom_labels(&mut svg, plot, &labels);
    parts::x_title(&mut svg, plot, text.x_label, HEIGHT - 12.0);
    svg.finish()
}

/// Horizontal grouped bars: one row per category, top to bottom in the order
/// given, for long category names. Values may be negative; missing or
/// non-finite values leave a gap. Each bar carries its value when rows are
/// tall enough and shows category, series and value on hover. The chart
/// grows taller beyond about ten categories. `text.x_label` names the values,
/// `text.y_label` the categories.
pub fn horizontal_bars(
    text: &ChartText,
    categories: &[String],
    series: &[Series],
    format: ValueFormat,
    lang: Lang,
) -> String {
    if !has_values(categories, series) {
        return frame::no_data(frame::start(text.id, lang, text.title, text.desc), lang);
    }
    let (mut svg, rows, top) = parts::start_row_chart(text, lang, series, categories.len());

    let scale = scale_of(categories, series, format);
    let (ticks, _) = parts::tick_labels(&scale, format);
    let slot = rows.band * 0.8 / series.len() as f64;
    let bar = slot.min(28.0) - if slot > 8.0 { 2.0 } else { 0.0 };
    let labelled = slot >= 12.0;
    let widest_value = if labelled {
        series
            .iter()
            .flat_map(|s| (0..categories.len()).map(move |i| text_width(&format.format(value(s, i)), VALUE.size)))
            .fold(0.0, f64::max)
            .min(140.0)
    } else {
        0.0
    };
    let labels: Vec<&str> = categories.iter().map(String::as_str).collect();
    let label_width = parts::row_label_width(&labels, 180.0);
    let title_space = if text.y_label.is_empty() { 0.0 } else { 20.0 };
    let plot = Plot {
        left: MARGIN + title_space + label_width + 8.0,
        right: WIDTH - MARGIN - widest_value - if labelled { 6.0 } else { 0.0 },
        top,
        bottom: top + rows.band * categories.len() as f64,
    };
    parts::value_axis_bottom(&mut svg, plot, &scale, &ticks, text.x_label);

    let x_of = |v: f64| plot.left + plot.width() * scale.ratio(v);
    let zero = x_of(0.0);
    let group_height = slot.min(28.0) * series.len() as f64;
    for (i, category) in categories.iter().enumerate() {
        let group_top = plot.top + rows.band * i as f64 + (rows.band - group_height) / 2.0;
        for (j, s) in series.iter().enumerate() {
            let v = value(s, i);
            let shown = format.format(v);
            let hover = parts::hover(lang, &parts::subject(category, &s.name, series.len()), &shown);
            svg.open_group(&hover);
            let y = group_top + slot.min(28.0) * j as f64 + (slot.min(28.0) - bar) / 2.0;
            if v.is_finite() {
                let end = x_of(v);
                let (x, width) = if v >= 0.0 {
                    (zero, (end - zero).max(1.0))
                } else {
                    (end.min(zero - 1.0), (zero - end).max(1.0))
                };
                svg.rect(x, y, width, bar, series_colour(j));
                if labelled {
                    let label_x = if v >= 0.0 { end + 4.0 } else { zero + 4.0 };
                    let at = (label_x, y + bar / 2.0 + 4.0);
                    parts::label(&mut svg, at, VALUE, &shown, 140.0);
                }
            }
            svg.close_group();
        }
    }
    parts::row_labels(&mut svg, plot, rows.band, &labels, label_width);
    parts::y_title(&mut svg, plot, text.y_label);
    svg.finish()
}
