//! The segment migration chart: a transition-matrix heatmap of customers per
//! state at the first date (rows) and at the second date (columns).

use crate::summary_charts::Texts;
use crate::texts::t;
use segscope_chart::frame::fill;
use segscope_chart::heatmap::heatmap_with_hover;
use segscope_chart::ValueFormat;
use segscope_engine::analyses::migration::Migration;
use segscope_i18n::Lang;
use segscope_model::format::{count, percent};

/// Customers per (state at `from`, state at `to`), titled with the scheme and
/// both dates (element ids `segscope-migration-<scheme>`); states that are
/// empty at both dates are left out and empty cells blank. Hover gives both
/// states, the customers and their share of the row.
pub fn migration_matrix(m: &Migration, lang: Lang) -> String {
    let key = m.scheme.i18n_key();
    let subtitle = format!("{} ({} → {})", t(lang, key), m.from, m.to);
    let texts = Texts::of("migration", lang).qualified(key.rsplit('.').next().unwrap_or_default(), &subtitle);
    let row_sum = |i: usize| m.matrix.get(i).map_or(0, |row| row.iter().sum::<u64>());
    let column_sum = |j: usize| m.matrix.iter().filter_map(|row| row.get(j)).sum::<u64>();
    let cell = |i: usize, j: usize| m.matrix.get(i).and_then(|row| row.get(j)).copied().unwrap_or(0);
    let shown: Vec<usize> = (0..m.states.len())
        .filter(|&i| row_sum(i) > 0 || column_sum(i) > 0)
        .collect();
    let names: Vec<String> = shown.iter().map(|&i| m.states[i].display(lang)).collect();
    let cells: Vec<Option<f64>> = shown
        .iter()
        .flat_map(|&i| shown.iter().map(move |&j| (i, j)))
        .map(|(i, j)| Some(cell(i, j) as f64).filter(|&n| n > 0.0))
        .collect();
    let hover = |r: usize, c: usize, _: &str| {
        let (i, j) = (shown[r], shown[c]);
        let n = cell(i, j);
        fill(
            t(lang, "chart.migration.cell_hover"),
            &[
                ("from", &names[r]),
                ("to", &names[c]),
                ("n", &count(n)),
                ("share", &percent(n as f64 / row_sum(i).max(1) as f64)),
            ],
        )
    };
    heatmap_with_hover(&texts.chart(), &names, &names, &cells, ValueFormat::Count, lang, &hover)
}
