//! 100 % stacked bars: how each category's total splits across series, e.g.
//! the value-tier mix of each acquisition source.

use super::frame::{self, text_width, WIDTH};
use super::inputs::{ChartText, Series, ValueFormat};
use super::palette::{series_colour, text_on, EMPTY_CELL, MUTED};
use super::parts::{self, Plot, MARGIN, VALUE};
use super::scale::Scale;
use super::svg::{Anchor, TextStyle};
use segscope_i18n::Lang;
use segscope_model::format::percent;

/// Thickest a bar is drawn.
const MAX_BAR: f64 = 32.0;

/// One horizontal bar per category (top to bottom in the order given), split
/// into the series' shares of the category's total, on a 0–100 % axis.
/// Negative, missing and non-finite values count as zero; a category whose
/// total is zero gets an empty bar. Segments wide enough carry their share;
/// every segment shows category, series, value (printed with `format`) and
/// share on hover, and each row's total is printed at its right end.
/// `text.x_label` names the shares, `text.y_label` the categories.
pub fn stacked_share_bars(
    text: &ChartText,
    categories: &[String],
    series: &[Series],
    format: ValueFormat,
    lang: Lang,
) -> String {
    if categories.is_empty() || series.is_empty() {
        return frame::no_data(frame::start(text.id, lang, text.title, text.desc), lang);
    }
    let (mut svg, rows, top) = parts::start_row_chart(text, lang, series, categories.len());

    let amount = |s: &Series, i: usize| {
        let v = s.values.get(i).copied().unwrap_or(0.0);
        if v.is_finite() && v > 0.0 {
            v
        } else {
            0.0
        }
    };
    let totals: Vec<f64> = (0..categories.len())
        .map(|i| series.iter().map(|s| amount(s, i)).sum())
        .collect();
    let total_texts: Vec<String> = totals.iter().map(|t| format.format(*t)).collect();
    let total_style = TextStyle::new(11.0, MUTED);
    let widest_total = total_texts
        .iter()
        .map(|t| text_width(t, total_style.size))
        .fold(0.0, f64::max)
        .min(120.0);
    let labels: Vec<&str> = categories.iter().map(String::as_str).collect();
    let label_width = parts::row_label_width(&labels, 180.0);
    let title_space = if text.y_label.is_empty() { 0.0 } else { 20.0 };
    let plot = Plot {
        left: MARGIN + title_space + label_width + 8.0,
        right: WIDTH - MARGIN - widest_total - 8.0,
        top,
        bottom: top + rows.band * categories.len() as f64,
    };
    let scale = Scale::covering([1.0], ValueFormat::Percent.min_step());
    let (ticks, _) = parts::tick_labels(&scale, ValueFormat::Percent);
    parts::value_axis_bottom(&mut svg, plot, &scale, &ticks, text.x_label);

    let bar = (rows.band * 0.7).min(MAX_BAR);
    for (i, category) in categories.iter().enumerate() {
        let y = plot.top + rows.band * i as f64 + (rows.band - bar) / 2.0;
        let shares = shares(series.iter().map(|s| amount(s, i)));
        if shares.iter().all(|s| *s == 0.0) {
            svg.open_group(&parts::hover(lang, category, &total_texts[i]));
            svg.rect(plot.left, y, plot.width(), bar, EMPTY_CELL);
            svg.close_group();
        }
        let mut x = plot.left;
        for (j, (s, share)) in series.iter().zip(&shares).enumerate() {
            let width = plot.width() * share;
            if width <= 0.0 {
                continue;
            }
            let value = format!("{} ({})", format.format(amount(s, i)), percent(*share));
            let hover = parts::hover(lang, &parts::subject(category, &s.name, 2), &value);
            svg.open_group(&hover);
            let colour = series_colour(j);
            svg.rect(x, y, width, bar, colour);
            let shown = percent(*share);
            if bar >= 12.0 && text_width(&shown, VALUE.size) + 6.0 <= width {
                let style = TextStyle::new(VALUE.size, text_on(colour)).anchored(Anchor::Middle);
                svg.text(x + width / 2.0, y + bar / 2.0 + 4.0, style, &shown);
            }
            svg.close_group();
            x += width;
        }
        if rows.band >= 12.0 {
            let at = (plot.right + 8.0, y + bar / 2.0 + 4.0);
            parts::label(&mut svg, at, total_style, &total_texts[i], 120.0);
        }
    }
    parts::row_labels(&mut svg, plot, rows.band, &labels, label_width);
    parts::y_title(&mut svg, plot, text.y_label);
    svg.finish()
}

/// Each amount's share of their sum (all zero when the sum is zero), scaled
/// by the largest first so that huge amounts cannot overflow.
fn shares(amounts: impl Iterator<Item = f64> + Clone) -> Vec<f64> {
    let largest = amounts.clone().fold(0.0, f64::max);
    if largest <= 0.0 {
        return amounts.map(|_| 0.0).collect();
    }
    let sum: f64 = amounts.clone().map(|a| a / largest).sum();
    amounts.map(|a| a / largest / sum).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up_and_survive_huge_amounts() {
        assert_eq!(shares([1.0, 3.0].into_iter()), [0.25, 0.75]);
        assert_eq!(shares([0.0, 0.0].into_iter()), [0.0, 0.0]);
        assert_eq!(shares([f64::MAX, f64::MAX].into_iter()), [0.5, 0.5]);
    }
}
