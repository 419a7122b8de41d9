//! The K-means cluster scatter: a sample of buyers by days since their
//! latest order (x) and revenue on a log scale (y), coloured by cluster,
//! with the cluster centres marked.

use crate::texts::t;
use segscope_chart::frame::{self, fill, HEIGHT, WIDTH};
use segscope_chart::inputs::ValueFormat;
use segscope_chart::palette::{series_colour, TEXT};
use segscope_chart::parts::{self, Plot, MARGIN};
use segscope_chart::scale::Scale;
use segscope_chart::svg::Svg;
use segscope_engine::kmeans::{ClusterDot, ClusterProfile};
use segscope_i18n::Lang;
use segscope_model::format::{count, money};

/// Radius of a buyer's dot.
const DOT: f64 = 2.5;
/// Opacity of the dots, so that dense areas look denser.
const DOT_OPACITY: f64 = 0.6;
/// Half-width of a centre's diamond, and of its outline.
const CENTRE: (f64, f64) = (5.5, 7.5);

/// Where a buyer or centre goes: recency days and log(1 + revenue).
type Spot = (f64, f64);

/// The sampled buyers (`dots`, see [`segscope_engine::kmeans::scatter_dots`])
/// as dots at their recency days and revenue (log scale), in their
/// cluster's colour with the cluster names as legend; a diamond marks each
/// cluster's centre. Every dot and diamond tells cluster, days, orders and
/// revenue on hover.
pub fn cluster_scatter(clusters: &[ClusterProfile], dots: &[ClusterDot], lang: Lang) -> String {
    let mut svg = frame::start(
        "segscope-clusters",
        lang,
        t(lang, "chart.clusters.title"),
        t(lang, "chart.clusters.desc"),
    );
    let dots: Vec<(usize, [f64; 3])> = dots
        .iter()
        .map(|d| (usize::from(d.cluster), d.values))
        .filter(|&(j, _)| j < clusters.len())
        .collect();
    if dots.is_empty() {
        return frame::no_data(svg, lang);
    }
    let spot = |v: [f64; 3]| (v[0], v[2].ln_1p());
    let centres: Vec<[f64; 3]> = clusters
        .iter()
        .map(|p| [p.centre.recency_days, p.centre.orders, p.centre.revenue])
        .collect();

    let names: Vec<String> = clusters.iter().map(|p| p.display_name(lang)).collect();
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    parts::legend(&mut svg, &name_refs);
    let values = || dots.iter().map(|(_, v)| v).chain(&centres);
    let x_scale = Scale::covering(values().map(|v| v[0]), 1.0);
    let (x_ticks, _) = parts::tick_labels(&x_scale, ValueFormat::Count);
    let y_ticks = revenue_ticks(values().map(|v| v[2]).fold(0.0, f64::max));
    let y_scale = Scale::covering(y_ticks.iter().map(|(v, _)| *v), 0.01);
    let widest = y_ticks
        .iter()
        .map(|(_, l)| frame::text_width(l, parts::TICK.size))
        .fold(0.0, f64::max);
    let plot = Plot {
        left: parts::left_for_ticks(widest),
        right: WIDTH - MARGIN,
        top: parts::plot_top(&name_refs),
        bottom: HEIGHT - 52.0,
    };
    parts::value_axis_left(&mut svg, plot, &y_scale, &y_ticks, t(lang, "chart.clusters.y"));
    parts::value_axis_bottom(&mut svg, plot, &x_scale, &x_ticks, t(lang, "chart.clusters.x"));
    let at = |(x, y): Spot| {
        (
            plot.left + plot.width() * x_scale.ratio(x),
            plot.bottom - plot.height() * y_scale.ratio(y),
        )
    };

    let template = t(lang, "chart.clusters.point_hover");
    for (j, name) in names.iter().enumerate() {
        svg.open_fill_group(series_colour(j), DOT_OPACITY);
        for (_, v) in dots.iter().filter(|(cluster, _)| *cluster == j) {
            svg.circle(at(spot(*v)), DOT, &describe(template, name, *v, None));
        }
        svg.close_group();
    }
    let template = t(lang, "chart.clusters.centre_hover");
    for (j, (profile, name)) in clusters.iter().zip(&names).enumerate() {
        centre_mark(
            &mut svg,
            at(spot(centres[j])),
            j,
            &describe(template, name, centres[j], Some(profile)),
        );
    }
    svg.finish()
}

/// A hover text: `template` filled with the cluster's name, the values
/// (days, orders, revenue) and, for a centre, the cluster's size.
fn describe(template: &str, name: &str, v: [f64; 3], profile: Option<&ClusterProfile>) -> String {
    let size = profile.map_or_else(String::new, |p| count(p.size));
    fill(
        template,
        &[
            ("cluster", name),
            ("days", &ValueFormat::Count.format(v[0])),
            ("orders", &ValueFormat::Days.tick(v[1])),
            ("revenue", &money(v[2])),
            ("n", &size),
        ],
    )
}

/// A diamond in cluster `j`'s colour with a dark outline.
fn centre_mark(svg: &mut Svg, (x, y): (f64, f64), j: usize, hover: &str) {
    let diamond = |r: f64| [(x, y - r), (x + r, y), (x, y + r), (x - r, y)];
    svg.open_group(hover);
    svg.polygon(&diamond(CENTRE.1), TEXT);
    svg.polygon(&diamond(CENTRE.0), series_colour(j));
    svg.close_group();
}

/// Ticks of the log revenue axis up to at least `highest`: 0 and powers of
/// ten, with 2 and 5 times them when there are three decades or fewer; as
/// (position on the log axis, label).
fn revenue_ticks(highest: f64) -> Vec<(f64, String)> {
    let highest = if highest.is_finite() { highest.max(1.0) } else { 1.0 };
    let decades = highest.log10().ceil().clamp(0.0, 300.0) as i32;
    let steps: &[f64] = if decades <= 3 { &[1.0, 2.0, 5.0] } else { &[1.0] };
    let mut ticks = vec![(0.0, "0".to_string())];
    'decades: for power in 0..=decades {
        for step in steps {
            let value = step * 10f64.powi(power);
            ticks.push((value.ln_1p(), ValueFormat::Money.tick(value)));
            if value >= highest {
                break 'decades;
            }
        }
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revenue_ticks_cover_the_highest_value() {
        let labels = |h: f64| revenue_ticks(h).into_iter().map(|(_, l)| l).collect::<Vec<_>>();
        assert_eq!(labels(150.0), ["0", "1", "2", "5", "10", "20", "50", "100", "200"]);
        assert_eq!(labels(25_000.0), ["0", "1", "10", "100", "1,000", "10,000", "100,000"]);
        assert_eq!(labels(0.0), ["0", "1"]);
        assert_eq!(labels(f64::INFINITY), ["0", "1"]);
        assert!(revenue_ticks(f64::MAX).len() < 400);
        assert!(revenue_ticks(300.0).windows(2).all(|w| w[0].0 < w[1].0));
    }
}
