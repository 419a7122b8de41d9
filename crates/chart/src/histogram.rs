//! A histogram: how many fall in each value range, as touching bars.

use super::frame::{self, text_width, HEIGHT, WIDTH};
use super::inputs::{ChartText, ValueFormat, NO_VALUE};
use super::palette::SERIES_BLUE;
use super::parts::{self, Plot, MARGIN, VALUE};
use super::scale::Scale;
use super::svg::Anchor;
use segscope_i18n::Lang;
use segscope_model::format::{count, percent};

/// Bars of `counts`, one per bin `(lower, upper)` (paired in order; extra
/// entries of the longer list are ignored), each labelled under the axis with
/// its range printed with `format`: `lower–upper`, `≥ lower` when `upper` is
/// +∞ and `< upper` when `lower` is −∞. Counts are printed on the bars when
/// they fit; hover gives range, count and share of the total.
/// `text.x_label` names the values binned, `text.y_label` the counts.
pub fn histogram(text: &ChartText, bins: &[(f64, f64)], counts: &[u64], format: ValueFormat, lang: Lang) -> String {
    let mut svg = frame::start(text.id, lang, text.title, text.desc);
    let n = bins.len().min(counts.len());
    if n == 0 {
        return frame::no_data(svg, lang);
    }
    let (bins, counts) = (&bins[..n], &counts[..n]);
    let scale = Scale::covering(counts.iter().map(|c| *c as f64), ValueFormat::Count.min_step());
    let (ticks, widest) = parts::tick_labels(&scale, ValueFormat::Count);
    let plot = Plot {
        left: parts::left_for_ticks(widest),
        right: WIDTH - MARGIN,
        top: parts::TOP_PLAIN,
        bottom: HEIGHT - 52.0,
    };
    parts::value_axis_left(&mut svg, plot, &scale, &ticks, text.y_label);

    let total: f64 = counts.iter().map(|c| *c as f64).sum();
    let band = plot.width() / n as f64;
    let gap = if band > 6.0 { 1.0 } else { 0.0 };
    let counts_text: Vec<String> = counts.iter().map(|c| count(*c)).collect();
    let labelled = counts_text.iter().all(|c| text_width(c, VALUE.size) <= band - 2.0);
    let ranges: Vec<String> = bins.iter().map(|(lo, hi)| range(*lo, *hi, format)).collect();
    for (i, c) in counts.iter().enumerate() {
        let share = if total > 0.0 { *c as f64 / total } else { 0.0 };
        let value = format!("{} ({})", counts_text[i], percent(share));
        svg.open_group(&parts::hover(lang, &ranges[i], &value));
        let end = plot.bottom - plot.height() * scale.ratio(*c as f64);
        let x = plot.left + band * i as f64 + gap / 2.0;
        if *c > 0 {
            svg.rect(x, end, band - gap, plot.bottom - end, SERIES_BLUE);
        }
        if labelled {
            svg.text(
                x + (band - gap) / 2.0,
                end - 4.0,
                VALUE.anchored(Anchor::Middle),
                &counts_text[i],
            );
        }
        svg.close_group();
    }
    let labels: Vec<&str> = ranges.iter().map(String::as_str).collect();
    parts::bottom_labels(&mut svg, plot, &labels);
    parts::x_title(&mut svg, plot, text.x_label, HEIGHT - 12.0);
    svg.finish()
}

/// A bin's range as text.
fn range(lower: f64, upper: f64, format: ValueFormat) -> String {
    match (lower.is_finite(), upper.is_finite()) {
        (true, true) => format!("{}–{}", format.tick(lower), format.tick(upper)),
        (true, false) if upper == f64::INFINITY => format!("≥ {}", format.tick(lower)),
        (false, true) if lower == f64::NEG_INFINITY => format!("< {}", format.tick(upper)),
        _ => NO_VALUE.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_print_open_ends() {
        assert_eq!(range(0.0, 30.0, ValueFormat::Days), "0–30");
        assert_eq!(range(365.0, f64::INFINITY, ValueFormat::Days), "≥ 365");
        assert_eq!(range(f64::NEG_INFINITY, 10.0, ValueFormat::Money), "< 10");
        assert_eq!(range(f64::NAN, 10.0, ValueFormat::Count), NO_VALUE);
        assert_eq!(range(0.0, 0.25, ValueFormat::Percent), "0%–25%");
    }
}
