//! Pieces the generic charts share: legend, value axes, category labels that
//! are cut and thinned to fit, row layout and hover texts.

use super::frame::{fit, text_width, HEIGHT, WIDTH};
use super::inputs::{ChartText, Series, ValueFormat};
use super::palette::{series_colour, AXIS, GRID, MUTED, TEXT};
use super::scale::Scale;
use super::svg::{Anchor, Svg, TextStyle};
use segscope_i18n::Lang;

/// Left and right margin of every chart.
pub const MARGIN: f64 = 24.0;
/// Top of the plot when there is no legend.
pub const TOP_PLAIN: f64 = 64.0;
/// Widest a legend entry's name is drawn.
const LEGEND_NAME_WIDTH: f64 = 150.0;
/// Rows a legend may take before the rest is summed up as `+N`.
const LEGEND_ROWS: usize = 3;
/// Height of one legend row.
const LEGEND_ROW: f64 = 20.0;
/// Smallest row height before a row chart stops growing taller.
const MIN_ROW: f64 = 20.0;
/// Tallest a row chart's plot grows.
const MAX_PLOT: f64 = 1600.0;

/// Tick labels.
pub const TICK: TextStyle = TextStyle::new(11.0, MUTED);
/// Axis titles.
pub const AXIS_TITLE: TextStyle = TextStyle::new(12.0, MUTED);
/// Category names.
pub const CATEGORY: TextStyle = TextStyle::new(12.0, TEXT);
/// Values printed on marks.
pub const VALUE: TextStyle = TextStyle::new(11.0, TEXT);

/// The plot rectangle of a chart.
#[derive(Debug, Clone, Copy)]
pub struct Plot {
    /// Left edge.
    pub left: f64,
    /// Right edge.
    pub right: f64,
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl Plot {
    /// Width of the plot.
    pub fn width(&self) -> f64 {
        self.right - self.left
    }

    /// Height of the plot.
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
}

/// Rows of a chart drawn as one band per category.
#[derive(Debug, Clone, Copy)]
pub struct Rows {
    /// Height of one row.
    pub band: f64,
    /// Height of the whole chart.
    pub chart_height: f64,
}

impl Rows {
    /// Lays out `count` rows from `top`, leaving `below` px under them: the
    /// chart keeps its usual height while rows are at least 20 px, then grows
    /// (up to a 1,600 px plot) and after that rows get thinner.
    pub fn new(count: usize, top: f64, below: f64) -> Rows {
        let count = count.max(1) as f64;
        let usual = (HEIGHT - top - below).max(MIN_ROW);
        let plot = (count * MIN_ROW).clamp(usual, MAX_PLOT.max(usual));
        Rows {
            band: plot / count,
            chart_height: top + plot + below,
        }
    }
}

/// Starts a chart of one horizontal band per category: the frame sized for
/// `categories` rows (see [`Rows::new`]) with the legend of `series` drawn.
/// Returns the builder, the rows' layout and the top of the plot.
pub fn start_row_chart(text: &ChartText, lang: Lang, series: &[Series], categories: usize) -> (Svg, Rows, f64) {
    let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
    let top = plot_top(&names);
    let rows = Rows::new(categories, top, 56.0);
    let mut svg = super::frame::start_sized(text.id, lang, text.title, text.desc, rows.chart_height);
    legend(&mut svg, &names);
    (svg, rows, top)
}

/// `subject: value` with the colon of `lang`.
pub fn hover(lang: Lang, subject: &str, value: &str) -> String {
    let colon = match lang {
        Lang::En => ": ",
        Lang::Zh => ":",
    };
    format!("{subject}{colon}{value}")
}

/// `category · series`, or just the category when there is one series.
pub fn subject(category: &str, series: &str, series_count: usize) -> String {
    if series_count > 1 {
        format!("{category} · {series}")
    } else {
        category.to_string()
    }
}

/// `text` cut to `max_width`; when cut, the full text shows on hover.
pub fn label(svg: &mut Svg, at: (f64, f64), style: TextStyle, text: &str, max_width: f64) {
    let shown = fit(text, style.size, max_width);
    if shown == text {
        svg.text(at.0, at.1, style, text);
    } else {
        svg.open_group(text);
        svg.text(at.0, at.1, style, &shown);
        svg.close_group();
    }
}

/// Draw every `n`-th of labels `band` px apart so that each gets `needed` px.
pub fn label_step(band: f64, needed: f64) -> usize {
    if band >= needed {
        1
    } else if band > 0.0 {
        (needed / band).ceil().min(1e6) as usize
    } else {
        usize::MAX
    }
}

/// Where legend entries go: per shown entry its x and row, and the `+N`
/// marker for entries that did not fit in three rows.
struct LegendLayout {
    /// (x, row, shown name) of each entry that fits.
    entries: Vec<(f64, usize, String)>,
    /// (x, row, number of entries left out).
    rest: Option<(f64, usize, usize)>,
}

impl LegendLayout {
    /// Lays out `names` from the left margin, wrapping at the right one.
    fn new(names: &[&str]) -> LegendLayout {
        let right = WIDTH - MARGIN;
        let (mut x, mut row) = (MARGIN, 0usize);
        let mut entries = Vec::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            let shown = fit(name, 12.0, LEGEND_NAME_WIDTH);
            let width = 18.0 + text_width(&shown, 12.0);
            let reserve = if row + 1 == LEGEND_ROWS && i + 1 < names.len() {
                40.0
            } else {
                0.0
            };
            if x > MARGIN && x + width > right - reserve {
                if row + 1 == LEGEND_ROWS {
                    return LegendLayout {
                        entries,
                        rest: Some((x, row, names.len() - i)),
                    };
                }
                row += 1;
                x = MARGIN;
            }
            entries.push((x, row, shown));
            x += width + 20.0;
        }
        LegendLayout { entries, rest: None }
    }

    /// The y below the legend.
    fn bottom(&self) -> f64 {
        let rows = self.entries.last().map_or(0, |(_, row, _)| row + 1);
        47.0 + LEGEND_ROW * rows.max(1) as f64
    }
}

/// Top of the plot: under the legend when there are several series.
pub fn plot_top(names: &[&str]) -> f64 {
    if names.len() > 1 {
        LegendLayout::new(names).bottom() + 20.0
    } else {
        TOP_PLAIN
    }
}

/// When there are several series, their swatches and names under the title,
/// wrapping to at most three rows (the rest counted as `+N`); a cut name
/// shows in full on hover.
pub fn legend(svg: &mut Svg, names: &[&str]) {
    if names.len() < 2 {
        return;
    }
    let layout = LegendLayout::new(names);
    let style = TextStyle::new(12.0, TEXT);
    for (i, (x, row, shown)) in layout.entries.iter().enumerate() {
        let y = 47.0 + LEGEND_ROW * *row as f64;
        let truncated = *shown != names[i];
        if truncated {
            svg.open_group(names[i]);
        }
        svg.rect(*x, y, 12.0, 12.0, series_colour(i));
        svg.text(x + 18.0, y + 10.5, style, shown);
        if truncated {
            svg.close_group();
        }
    }
    if let Some((x, row, left_out)) = layout.rest {
        let y = 57.5 + LEGEND_ROW * row as f64;
        svg.text(x, y, TextStyle::new(12.0, MUTED), &format!("+{left_out}"));
    }
}

/// The tick labels of `scale` and the width of the widest.
pub fn tick_labels(scale: &Scale, format: ValueFormat) -> (Vec<(f64, String)>, f64) {
    let labels: Vec<(f64, String)> = scale.ticks().map(|v| (v, format.tick(v))).collect();
    let widest = labels.iter().map(|(_, l)| text_width(l, TICK.size)).fold(0.0, f64::max);
    (labels, widest)
}

/// Left edge of a vertical-bar plot whose tick labels are `widest` px wide.
pub fn left_for_ticks(widest: f64) -> f64 {
    (widest + 46.0).clamp(64.0, 180.0)
}

/// Horizontal grid lines with tick labels left of the plot, the zero line,
/// and the vertical axis title.
pub fn value_axis_left(svg: &mut Svg, plot: Plot, scale: &Scale, ticks: &[(f64, String)], title: &str) {
    let style = TICK.anchored(Anchor::End);
    for (value, text) in ticks {
        let y = plot.bottom - plot.height() * scale.ratio(*value);
        if *value != 0.0 {
            svg.line((plot.left, y), (plot.right, y), GRID);
        }
        label(svg, (plot.left - 8.0, y + 4.0), style, text, plot.left - 40.0);
    }
    let zero = plot.bottom - plot.height() * scale.ratio(0.0);
    svg.line((plot.left, zero), (plot.right, zero), AXIS);
    if !title.is_empty() {
        let middle = (plot.top + plot.bottom) / 2.0;
        let style = AXIS_TITLE.anchored(Anchor::Middle);
        svg.vertical_text(18.0, middle, style, &fit(title, style.size, plot.height().max(40.0)));
    }
}

/// Vertical grid lines with tick labels under the plot (thinned so they do
/// not overlap), the zero line, and the horizontal axis title.
pub fn value_axis_bottom(svg: &mut Svg, plot: Plot, scale: &Scale, ticks: &[(f64, String)], title: &str) {
    let widest = ticks.iter().map(|(_, l)| text_width(l, TICK.size)).fold(0.0, f64::max);
    let spacing = plot.width() / ticks.len().saturating_sub(1).max(1) as f64;
    let step = label_step(spacing, widest.min(120.0) + 10.0);
    let style = TICK.anchored(Anchor::Middle);
    for (i, (value, text)) in ticks.iter().enumerate() {
        let x = plot.left + plot.width() * scale.ratio(*value);
        if *value != 0.0 {
            svg.line((x, plot.top), (x, plot.bottom), GRID);
        }
        if i % step == 0 {
            label(svg, (x, plot.bottom + 16.0), style, text, 120.0);
        }
    }
    let zero = plot.left + plot.width() * scale.ratio(0.0);
    svg.line((zero, plot.top), (zero, plot.bottom), AXIS);
    x_title(svg, plot, title, plot.bottom + 36.0);
}

/// The horizontal axis title centred under the plot at `y`.
pub fn x_title(svg: &mut Svg, plot: Plot, title: &str, y: f64) {
    if !title.is_empty() {
        let style = AXIS_TITLE.anchored(Anchor::Middle);
        let middle = (plot.left + plot.right) / 2.0;
        label(svg, (middle, y), style, title, WIDTH - 2.0 * MARGIN);
    }
}

/// The vertical axis title left of row labels, centred on the rows.
pub fn y_title(svg: &mut Svg, plot: Plot, title: &str) {
    if !title.is_empty() {
        let style = AXIS_TITLE.anchored(Anchor::Middle);
        let middle = (plot.top + plot.bottom) / 2.0;
        svg.vertical_text(18.0, middle, style, &fit(title, style.size, plot.height().max(40.0)));
    }
}

/// Names under equal bands along the bottom of the plot: when bands are
/// narrow only every n-th, so that each shown name gets room for the widest
/// (up to 96 px); cut to fit, a cut name shows in full on hover.
pub fn bottom_labels(svg: &mut Svg, plot: Plot, names: &[&str]) {
    let band = plot.width() / names.len().max(1) as f64;
    let widest = names.iter().map(|n| text_width(n, CATEGORY.size)).fold(0.0, f64::max);
    let step = label_step(band, (widest + 8.0).clamp(36.0, 96.0));
    let width = band * step.min(names.len().max(1)) as f64 - 6.0;
    let style = CATEGORY.anchored(Anchor::Middle);
    for (i, name) in names.iter().enumerate().step_by(step.max(1)) {
        let centre = plot.left + band * (i as f64 + 0.5);
        label(svg, (centre, plot.bottom + 18.0), style, name, width);
    }
}

/// Longest a turned column name may be before it is cut (in full on hover).
const TURNED_MAX: f64 = 120.0;
/// How far column names are turned when they do not fit side by side.
const TURN_DEGREES: f64 = -40.0;
/// The narrowest column that still takes a turned name of its own.
const TURNED_BAND: f64 = 13.0;

/// The names under the columns of a matrix (a heatmap), each column named:
/// side by side when the widest fits its column, otherwise turned 40° so
/// that every name still shows (cut beyond 120 px, in full on hover). Only
/// columns narrower than one line of text are thinned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnLabels {
    /// Width of each column.
    band: f64,
    /// Width of the widest name, at most [`TURNED_MAX`] when turned.
    widest: f64,
    /// True when the names are turned.
    turned: bool,
}

impl ColumnLabels {
    /// The layout for `names` under columns `band` px wide.
    pub fn new(names: &[&str], band: f64) -> ColumnLabels {
        let widest = names.iter().map(|n| text_width(n, CATEGORY.size)).fold(0.0, f64::max);
        let turned = widest + 6.0 > band;
        ColumnLabels {
            band,
            widest: if turned { widest.min(TURNED_MAX) } else { widest },
            turned,
        }
    }

    /// How far below the plot the names reach.
    fn depth(&self) -> f64 {
        if self.turned {
            14.0 + self.widest * (-TURN_DEGREES).to_radians().sin() + CATEGORY.size
        } else {
            22.0
        }
    }

    /// Where the x-axis title's baseline goes, below the plot.
    pub fn title_offset(&self) -> f64 {
        self.depth() + 18.0
    }

    /// The space to leave under the plot for the names and the axis title.
    pub fn below(&self) -> f64 {
        self.title_offset() + 16.0
    }

    /// Draws the names under `plot`.
    pub fn draw(&self, svg: &mut Svg, plot: Plot, names: &[&str]) {
        let step = if self.turned {
            label_step(self.band, TURNED_BAND)
        } else {
            1
        };
        for (i, name) in names.iter().enumerate().step_by(step.max(1)) {
            let centre = plot.left + self.band * (i as f64 + 0.5);
            if self.turned {
                let style = CATEGORY.anchored(Anchor::End);
                let shown = fit(name, style.size, TURNED_MAX);
                let (x, y) = (centre + 4.0, plot.bottom + 14.0);
                if shown != *name {
                    svg.open_group(name);
                }
                svg.rotated_text(x, y, style, &shown, TURN_DEGREES);
                if shown != *name {
                    svg.close_group();
                }
            } else {
                label(
                    svg,
                    (centre, plot.bottom + 18.0),
                    CATEGORY.anchored(Anchor::Middle),
                    name,
                    self.band - 4.0,
                );
            }
        }
    }
}

/// Row names right-aligned left of the plot, thinned when rows are thin.
pub fn row_labels(svg: &mut Svg, plot: Plot, band: f64, names: &[&str], width: f64) {
    let step = label_step(band, 14.0);
    let style = CATEGORY.anchored(Anchor::End);
    for (i, name) in names.iter().enumerate().step_by(step.max(1)) {
        let middle = plot.top + band * (i as f64 + 0.5);
        label(svg, (plot.left - 8.0, middle + 4.0), style, name, width);
    }
}

/// Width for row names: the widest name, at most `max`.
pub fn row_label_width(names: &[&str], max: f64) -> f64 {
    names
        .iter()
        .map(|n| text_width(n, CATEGORY.size))
        .fold(0.0, f64::max)
        .min(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_turn_when_they_do_not_fit_and_all_show() {
        let names = ["Champions", "Loyal Customers", "Potential Loyalists", "Hibernating"];
        let wide = ColumnLabels::new(&names, 200.0);
        assert!(!wide.turned);
        let narrow = ColumnLabels::new(&names, 60.0);
        assert!(narrow.turned && narrow.below() > wide.below());
        let plot = Plot {
            left: 100.0,
            right: 340.0,
            top: 10.0,
            bottom: 200.0,
        };
        let mut svg = Svg::new((400.0, 400.0), "t", "en", "t", "d");
        narrow.draw(&mut svg, plot, &names);
        let out = svg.finish();
        assert_eq!(out.matches("rotate(-40").count(), names.len(), "every column is named");
    }

    #[test]
    fn rows_keep_the_usual_height_then_grow() {
        let few = Rows::new(3, 64.0, 56.0);
        assert_eq!(few.chart_height, HEIGHT);
        assert_eq!(few.band, 80.0);
        let many = Rows::new(40, 64.0, 56.0);
        assert_eq!(many.band, MIN_ROW);
        assert_eq!(many.chart_height, 64.0 + 800.0 + 56.0);
        let huge = Rows::new(1000, 64.0, 56.0);
        assert_eq!(huge.chart_height, 64.0 + MAX_PLOT + 56.0);
        assert_eq!(Rows::new(0, 64.0, 56.0).chart_height, HEIGHT);
    }

    #[test]
    fn label_steps() {
        assert_eq!(label_step(40.0, 36.0), 1);
        assert_eq!(label_step(10.0, 36.0), 4);
        assert_eq!(label_step(0.0, 36.0), usize::MAX);
    }

    #[test]
    fn hover_uses_the_language_colon() {
        assert_eq!(hover(Lang::En, "a", "1"), "a: 1");
        assert_eq!(hover(Lang::Zh, "a", "1"), "a:1");
        assert_eq!(subject("c", "s", 2), "c · s");
        assert_eq!(subject("c", "s", 1), "c");
    }
}
