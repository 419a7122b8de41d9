//! The value-tier chart: per tier, its share of customers next to its share
//! of revenue, on one percentage axis.

use crate::texts::t;
use segscope_chart::frame::{self, fill, fit, text_width, HEIGHT};
use segscope_chart::palette::{AXIS, GRID, MUTED, SERIES_BLUE, SERIES_TEAL, TEXT};
use segscope_chart::svg::{Anchor, Svg, TextStyle};
use segscope_engine::{tier_display_name, Summary, TierStat};
use segscope_i18n::Lang;
use segscope_model::format::{count, money, percent};

/// Plot area: left, right, top, bottom.
const PLOT: (f64, f64, f64, f64) = (72.0, 616.0, 84.0, 282.0);

/// Bars of customer share and revenue share per value tier (best first, then
/// "No purchase"), with legend, axes, value labels and exact values on hover.
pub fn tier_distribution(summary: &Summary, lang: Lang) -> String {
    let title = t(lang, "chart.tiers.title");
    let sentence = fill(
        t(lang, "kpi.top_sentence"),
        &[
            ("share", &percent(summary.kpis.top_share)),
            ("revenue", &percent(summary.kpis.top_revenue_share)),
        ],
    );
    let desc = format!("{} {}", t(lang, "chart.tiers.desc"), sentence);
    let mut svg = frame::start("segscope-tiers", lang, title, &desc);
    if summary.kpis.customers == 0 || summary.tiers.is_empty() {
        return frame::no_data(svg, lang);
    }
    legend(&mut svg, lang);
    let top = axis_top(&summary.tiers);
    y_axis(&mut svg, lang, top);
    let (left, right, _, bottom) = PLOT;
    let band = (right - left) / summary.tiers.len() as f64;
    for (i, tier) in summary.tiers.iter().enumerate() {
        let centre = left + band * (i as f64 + 0.5);
        tier_bars(&mut svg, lang, tier, centre, band, top);
    }
    svg.line((left, bottom), (right, bottom), AXIS);
    let axis_style = TextStyle::new(12.0, MUTED).anchored(Anchor::Middle);
    svg.text(
        (left + right) / 2.0,
        HEIGHT - 12.0,
        axis_style,
        t(lang, "chart.tiers.x_axis"),
    );
    svg.finish()
}

/// The two series' swatches and names, under the title.
fn legend(svg: &mut Svg, lang: Lang) {
    let style = TextStyle::new(12.0, TEXT);
    let mut x = 24.0;
    for (colour, key) in [
        (SERIES_BLUE, "chart.tiers.customer_share"),
        (SERIES_TEAL, "chart.tiers.revenue_share"),
    ] {
        let name = t(lang, key);
        svg.rect(x, 47.0, 12.0, 12.0, colour);
        svg.text(x + 18.0, 57.5, style, name);
        x += 18.0 + text_width(name, 12.0) + 24.0;
    }
}

/// The axis maximum: the largest share rounded up to a tenth (at least 10 %).
fn axis_top(tiers: &[TierStat]) -> f64 {
    let largest = tiers
        .iter()
        .flat_map(|t| [t.customer_share, t.revenue_share])
        .filter(|s| s.is_finite())
        .fold(0.0f64, f64::max);
    ((largest * 10.0 - 1e-9).ceil() / 10.0).clamp(0.1, 1.0)
}

/// Horizontal grid lines with percentage ticks, and the axis title.
fn y_axis(svg: &mut Svg, lang: Lang, top: f64) {
    let (left, right, plot_top, bottom) = PLOT;
    let tick_style = TextStyle::new(11.0, MUTED).anchored(Anchor::End);
    let steps = (top * 10.0).round().max(1.0) as usize;
    let every = if steps > 5 { 2 } else { 1 };
    for step in (0..=steps).step_by(every) {
        let share = step as f64 / 10.0;
        let y = bottom - (bottom - plot_top) * share / top;
        if step > 0 {
            svg.line((left, y), (right, y), GRID);
        }
        svg.text(left - 8.0, y + 4.0, tick_style, &format!("{}%", step * 10));
    }
    let title_style = TextStyle::new(12.0, MUTED).anchored(Anchor::Middle);
    svg.vertical_text(
        22.0,
        (plot_top + bottom) / 2.0,
        title_style,
        t(lang, "chart.tiers.y_axis"),
    );
}

/// One tier: its two bars with value labels and hover texts, and its name
/// and customer count under the axis.
fn tier_bars(svg: &mut Svg, lang: Lang, tier: &TierStat, centre: f64, band: f64, top: f64) {
    let (_, _, plot_top, bottom) = PLOT;
    let name = tier_display_name(tier, lang);
    let bar_width = (band * 0.3).min(56.0);
    let height_of = |share: f64| (bottom - plot_top) * share.clamp(0.0, 1.0) / top;
    let customers = count(tier.customers);
    let bars = [
        (
            centre - bar_width - 2.0,
            tier.customer_share,
            SERIES_BLUE,
            fill(
                t(lang, "chart.tiers.customers_hover"),
                &[
                    ("tier", &name),
                    ("n", &customers),
                    ("share", &percent(tier.customer_share)),
                ],
            ),
        ),
        (
            centre + 2.0,
            tier.revenue_share,
            SERIES_TEAL,
            fill(
                t(lang, "chart.tiers.revenue_hover"),
                &[
                    ("tier", &name),
                    ("x", &money(tier.revenue)),
                    ("share", &percent(tier.revenue_share)),
                ],
            ),
        ),
    ];
    let value_style = TextStyle::new(11.0, TEXT).anchored(Anchor::Middle);
    for (x, share, colour, hover) in bars {
        let height = height_of(share);
        svg.open_group(&hover);
        svg.rect(x, bottom - height, bar_width, height, colour);
        svg.text(x + bar_width / 2.0, bottom - height - 5.0, value_style, &percent(share));
        svg.close_group();
    }
    let name_style = TextStyle::new(12.0, TEXT).anchored(Anchor::Middle);
    svg.text(centre, bottom + 18.0, name_style, &fit(&name, 12.0, band - 8.0));
    let count_text = fill(t(lang, "chart.tiers.customers_count"), &[("n", &customers)]);
    let count_style = TextStyle::new(11.0, MUTED).anchored(Anchor::Middle);
    svg.text(centre, bottom + 34.0, count_style, &fit(&count_text, 11.0, band - 8.0));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier(customer_share: f64, revenue_share: f64) -> TierStat {
        TierStat {
            name: "High".into(),
            is_default_name: true,
            index: 0,
            customers: 1,
            revenue: 1.0,
            revenue_share,
            customer_share,
        }
    }

    #[test]
    fn axis_top_rounds_up_to_a_tenth() {
        assert_eq!(axis_top(&[tier(0.2, 0.61)]), 0.7);
        assert_eq!(axis_top(&[tier(0.3, 0.3)]), 0.3);
        assert_eq!(axis_top(&[tier(0.0, 0.0)]), 0.1);
        assert_eq!(axis_top(&[tier(1.0, f64::NAN)]), 1.0);
    }
}
