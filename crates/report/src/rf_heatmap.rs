//! The R × F heatmap: buyers per recency/frequency score pair, R on the
//! vertical axis with the best score on top, F on the horizontal axis.

use crate::texts::t;
use segscope_chart::frame::{self, fill};
use segscope_chart::palette::{blue_at, text_on_blue, BLUES, EMPTY_CELL, MUTED, TEXT};
use segscope_chart::svg::{Anchor, Svg, TextStyle};
use segscope_engine::{RfCell, RfmSegment, Summary};
use segscope_i18n::Lang;
use segscope_model::format::{count, money};

/// Grid area: left, top, width, height.
const GRID_AREA: (f64, f64, f64, f64) = (112.0, 56.0, 400.0, 240.0);
/// Colour legend bar: left, width.
const LEGEND: (f64, f64) = (548.0, 14.0);
/// Gradient id of the colour legend.
const GRADIENT_ID: &str = "segscope-rf-scale";

/// An `s × s` heatmap of buyers per R and F score, each cell labelled with its
/// count and giving count, mean revenue and segment on hover, with a colour
/// legend and axis titles.
pub fn rf_heatmap(summary: &Summary, lang: Lang) -> String {
    let mut svg = frame::start("segscope-rf", lang, t(lang, "chart.rf.title"), t(lang, "chart.rf.desc"));
    let scale = summary.rfm_scale;
    let largest = summary.rf_grid.iter().map(|c| c.customers).max().unwrap_or(0);
    // Buyers known only from an undated summary have no R or F score: an
    // empty grid says "no data" rather than a grid of zeros.
    if summary.kpis.buyers == 0 || scale == 0 || largest == 0 {
        return frame::no_data(svg, lang);
    }
    for cell in &summary.rf_grid {
        draw_cell(&mut svg, lang, cell, scale, largest);
    }
    axes(&mut svg, lang, scale);
    legend(&mut svg, lang, largest);
    svg.finish()
}

/// One cell with its count; white text on dark cells.
fn draw_cell(svg: &mut Svg, lang: Lang, cell: &RfCell, scale: u8, largest: u64) {
    if cell.r == 0 || cell.f == 0 || cell.r > scale || cell.f > scale {
        return;
    }
    let (left, top, width, height) = GRID_AREA;
    let s = f64::from(scale);
    let (w, h) = (width / s, height / s);
    let x = left + w * f64::from(cell.f - 1);
    let y = top + h * f64::from(scale - cell.r);
    // Occupied cells start a little into the ramp so that they stand out
    // from empty ones even when the largest cell dwarfs them.
    let shade = if largest > 0 {
        0.1 + 0.9 * cell.customers as f64 / largest as f64
    } else {
        0.0
    };
    let (colour, text_colour) = if cell.customers == 0 {
        (EMPTY_CELL.to_string(), MUTED)
    } else {
        (blue_at(shade), text_on_blue(shade))
    };
    let segment = RfmSegment::from_scores(cell.r, cell.f, scale);
    let customers = count(cell.customers);
    let hover = fill(
        t(lang, "chart.rf.cell_hover"),
        &[
            ("r", &cell.r.to_string()),
            ("f", &cell.f.to_string()),
            ("n", &customers),
            ("x", &money(cell.avg_monetary)),
            ("segment", t(lang, segment.i18n_key())),
        ],
    );
    svg.open_group(&hover);
    svg.rect(x + 1.0, y + 1.0, w - 2.0, h - 2.0, &colour);
    let style = TextStyle::new(14.0, text_colour).anchored(Anchor::Middle).bold();
    svg.text(x + w / 2.0, y + h / 2.0 + 5.0, style, &customers);
    svg.close_group();
}

/// Score ticks on both axes and the axis titles.
fn axes(svg: &mut Svg, lang: Lang, scale: u8) {
    let (left, top, width, height) = GRID_AREA;
    let s = f64::from(scale);
    let tick = TextStyle::new(12.0, MUTED).anchored(Anchor::Middle);
    for score in 1..=scale {
        let offset = f64::from(score) - 0.5;
        let label = score.to_string();
        svg.text(left + width / s * offset, top + height + 18.0, tick, &label);
        let y = top + height / s * (s - offset) + 4.0;
        svg.text(left - 12.0, y, tick.anchored(Anchor::End), &label);
    }
    let title = TextStyle::new(12.0, MUTED).anchored(Anchor::Middle);
    svg.text(
        left + width / 2.0,
        top + height + 40.0,
        title,
        t(lang, "chart.rf.x_axis"),
    );
    svg.vertical_text(left - 44.0, top + height / 2.0, title, t(lang, "chart.rf.y_axis"));
}

/// A vertical colour bar from 0 (bottom) to the largest count (top).
fn legend(svg: &mut Svg, lang: Lang, largest: u64) {
    let (_, top, _, height) = GRID_AREA;
    let (x, width) = LEGEND;
    svg.text(x, top - 8.0, TextStyle::new(11.0, TEXT), t(lang, "chart.rf.legend"));
    svg.vertical_gradient(GRADIENT_ID, &BLUES);
    svg.gradient_rect(x, top, width, height, GRADIENT_ID);
    let style = TextStyle::new(11.0, MUTED);
    svg.text(x + width + 6.0, top + 10.0, style, &count(largest));
    svg.text(x + width + 6.0, top + height, style, "0");
}
