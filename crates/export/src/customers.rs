//! The per-customer CSV (docs/product.md#acting-on-segments, docs/product.md#automation-hooks): one row per customer, UTF-8 with a BOM
//! so Excel reads it correctly. The standard file has snake_case headers and
//! English labels whatever the UI language; the localized variant has readable
//! headers and labels in the chosen language.

use super::csv_cell::push_text;
use super::customer_row::{customer_cells, localized_columns, Cell, LabelTexts, Wording, CUSTOMER_COLUMNS};
use super::number_cell::{push_day, push_display, push_fixed};
use segscope_engine::Analysis;
use segscope_i18n::Lang;
use segscope_model::Dataset;

/// Rough bytes per row besides the customer key, to size the output once.
const ROW_BYTES: usize = 120;

/// About how many bytes the CSV of `customers` customers takes.
fn estimated_bytes(customers: usize) -> usize {
    customers * (ROW_BYTES + 16) + 256
}

/// About how many bytes [`write_customers_csv`] hands out at a time: a
/// million customers' CSV is 150 MB, and a browser worker's memory keeps
/// every page it ever touched, so the file is never held whole.
const CSV_CHUNK_BYTES: usize = 4 << 20;

/// The headers and label words of a per-customer CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvWording {
    /// snake_case headers and English labels, whatever the UI language.
    Standard,
    /// Readable headers and labels in this language.
    Localized(Lang),
}

/// The per-customer CSV of `analysis` (computed from `dataset`): a BOM, the
/// header, then one LF-terminated row per customer. Cells that cannot be
/// computed (dates, AOV, recency and scores of non-buyers) are empty; money
/// has 2 decimals, value scores 4.
pub fn customers_csv(dataset: &Dataset, analysis: &Analysis) -> String {
    customers_csv_of(dataset, analysis, 0..dataset.customers.len())
}

/// The same CSV for the customers at `indices` only (a filtered selection),
/// in that order; indices out of range are skipped.
pub fn customers_csv_of(
    dataset: &Dataset,
    analysis: &Analysis,
    indices: impl ExactSizeIterator<Item = usize>,
) -> String {
    collect(dataset, analysis, indices, CsvWording::Standard)
}

/// The CSV of [`customers_csv_of`] with headers ("Customer ID", "客户ID", …)
/// and label values (segments, tiers, stages, genders, …) in `lang`; data
/// values (keys, categories, sources, user-named tiers) are kept as given.
pub fn customers_csv_localized(
    dataset: &Dataset,
    analysis: &Analysis,
    indices: impl ExactSizeIterator<Item = usize>,
    lang: Lang,
) -> String {
    collect(dataset, analysis, indices, CsvWording::Localized(lang))
}

/// The CSV of the customers at `indices` in `wording`, whole.
fn collect(
    dataset: &Dataset,
    analysis: &Analysis,
    indices: impl ExactSizeIterator<Item = usize>,
    wording: CsvWording,
) -> String {
    let mut all = String::with_capacity(estimated_bytes(indices.len()));
    write_customers_csv(dataset, analysis, indices, wording, &mut |piece| all.push_str(piece));
    all
}

/// Writes the CSV of [`customers_csv_of`] (or its localized form) and hands
/// it to `emit` in order, in pieces of about 4 MB (`CSV_CHUNK_BYTES`) that each
/// end with a whole row.
pub fn write_customers_csv(
    dataset: &Dataset,
    analysis: &Analysis,
    indices: impl ExactSizeIterator<Item = usize>,
    wording: CsvWording,
    emit: &mut dyn FnMut(&str),
) {
    let (headers, wording) = match wording {
        CsvWording::Standard => (CUSTOMER_COLUMNS, Wording::Export),
        CsvWording::Localized(lang) => (localized_columns(lang), Wording::Localized(lang)),
    };
    let texts = LabelTexts::new(analysis, wording);
    let capacity = estimated_bytes(indices.len()).min(CSV_CHUNK_BYTES + (64 << 10));
    let mut out = String::with_capacity(capacity);
    out.push('\u{feff}');
    for (n, header) in headers.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        push_text(&mut out, header);
    }
    out.push('\n');
    for i in indices {
        if let Some(cells) = customer_cells(dataset, analysis, &texts, i) {
            for (n, cell) in cells.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                push_cell(&mut out, cell);
            }
            out.push('\n');
        }
        if out.len() >= CSV_CHUNK_BYTES {
            emit(&out);
            out.clear();
        }
    }
    if !out.is_empty() {
        emit(&out);
    }
}

/// Appends one cell: text quoted and guarded, numbers and dates as digits.
fn push_cell(out: &mut String, cell: &Cell) {
    match *cell {
        Cell::Empty => {}
        Cell::Text(ref text) => push_text(out, text),
        Cell::Int(n) => push_display(out, Some(n)),
        Cell::Fixed(v, decimals) => push_fixed(out, Some(v), decimals),
        Cell::Day(day) => push_day(out, Some(day)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_engine::run;
    use segscope_engine::settings::Settings;
    use segscope_model::{ContactField, Customers, OrderStatus, NO_CATEGORY};

    fn dataset() -> Dataset {
        let mut d = Dataset {
            customers: Customers::with_keys(vec!["a,1".into(), "=cmd".into(), "c".into()]),
            sources: vec!["WeChat \"group\"".into()],
            categories: vec!["shoes".into(), "=bags".into()],
            ..Dataset::default()
        };
        d.customers.set_source(0, Some(0));
        d.customers.set_source(2, Some(7));
        // Day 19727 is 2024-01-05. Categories: a one order each (bags bring
        // more revenue, so they are the favourite); the refund does not count.
        d.orders.push_with_category(0, 19_727, 10.5, OrderStatus::Paid, 0);
        d.orders.push_with_category(0, 19_730, 20.0, OrderStatus::Paid, 1);
        d.orders.push_with_category(1, 19_730, 9.0, OrderStatus::Refunded, 0);
        d.orders
            .push_with_category(2, 19_729, 30.0, OrderStatus::Paid, NO_CATEGORY);
        d.customers
            .profile_mut()
            .contacts_mut()
            .fill(2, ContactField::Name, "Chloé Wu");
        d.customers
            .profile_mut()
            .contacts_mut()
            .fill(2, ContactField::Email, "chloe@example.com");
        d.customers
            .profile_mut()
            .contacts_mut()
            .fill(2, ContactField::Phone, "+86 138 0013 8000");
        d
    }

    #[test]
    fn rows_by_hand() {
        let d = dataset();
        let csv = customers_csv(&d, &run(&d, &Settings::default()));
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "\u{feff}customer_id,first_order_date,last_order_date,orders,revenue,aov,recency_days,\
             r_score,f_score,m_score,rfm_segment,value_score,value_tier,member_level,lifecycle_stage,\
             lead_stage,engagement,favorite_category,source,cluster,p_alive,expected_purchases,clv,custom_segments,nps_score,nps_group,csat,psycho_class,themes,age_band,gender,income_band,occupation,region,name,email,phone"
        );
        // As of 2024-01-09. a: recency 1, 2 orders; c: recency 2, 1 order.
        // R: a 1 + ⌊5·1/2⌋ = 3, c 1; F: a 3, c 1; M: a 30.5 > 30 → 3, c 1.
        // p(aov) a 0 (15.25 < 30), c 0.5; p(orders) a 0.5; p(revenue) a 0.5.
        // Scores: a 0.3·0 + 0.3·0.5 + 0.4·0.5 = 0.35, c 0.3·0.5 = 0.15. Two buyers:
        // High ends at ⌈0.4⌉ = 1, Medium at ⌈1⌉ = 1, so c is Low.
        assert_eq!(
            lines[1],
            "\"a,1\",2024-01-05,2024-01-08,2,30.50,15.25,1,3,3,3,Need Attention,0.3500,High,Bronze,New,,,'=bags,\"WeChat \"\"group\"\"\",,,,,,,,,,,,,,,,,,"
        );
        assert_eq!(
            lines[2],
            "'=cmd,,,0,0.00,,,,,,,,No purchase,Bronze,Potential,,,,,,,,,,,,,,,,,,,,,,"
        );
        assert_eq!(
            lines[3],
            "c,2024-01-07,2024-01-07,1,30.00,30.00,2,1,1,1,Lost,0.1500,Low,Bronze,New,,,,,,,,,,,,,,,,,,,,Chloé Wu,chloe@example.com,'+86 138 0013 8000"
        );
        assert_eq!(lines.len(), 4);
        assert!(csv.ends_with('\n'));
    }

    #[test]
    fn localized_rows_translate_headers_and_labels_only() {
        let d = dataset();
        let a = run(&d, &Settings::default());
        let zh = customers_csv_localized(&d, &a, 0..3, Lang::Zh);
        let lines: Vec<&str> = zh.lines().collect();
        assert!(lines[0].starts_with("\u{feff}客户ID,首次下单日期,最近下单日期,订单数,消费金额,客单价"));
        assert_eq!(
            lines[1],
            "\"a,1\",2024-01-05,2024-01-08,2,30.50,15.25,1,3,3,3,需要关注,0.3500,高价值,青铜,首购客户,,,'=bags,\"WeChat \"\"group\"\"\",,,,,,,,,,,,,,,,,,"
        );
        assert_eq!(
            lines[2],
            "'=cmd,,,0,0.00,,,,,,,,未购买,青铜,潜在客户,,,,,,,,,,,,,,,,,,,,,,"
        );
        let en = customers_csv_localized(&d, &a, [2, 9].into_iter(), Lang::En);
        let lines: Vec<&str> = en.lines().collect();
        assert!(lines[0].starts_with("\u{feff}Customer ID,First order date,"));
        assert_eq!(
            lines[1],
            "c,2024-01-07,2024-01-07,1,30.00,30.00,2,1,1,1,Lost,0.1500,Low,Bronze,Newcomer,,,,,,,,,,,,,,,,,,,,Chloé Wu,chloe@example.com,'+86 138 0013 8000"
        );
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn empty_dataset_gives_the_header_only() {
        let d = Dataset::default();
        let csv = customers_csv(&d, &run(&d, &Settings::default()));
        assert_eq!(csv.lines().count(), 1);
    }

    #[test]
    fn a_large_csv_comes_in_pieces_of_whole_rows_that_make_the_whole_file() {
        let keys: Vec<String> = (0..60_000).map(|i| format!("customer-{i:06}")).collect();
        let mut d = Dataset {
            customers: Customers::with_keys(keys),
            ..Dataset::default()
        };
        for c in 0..60_000u32 {
            d.orders.push(
                c,
                19_000 + (c % 300) as i32,
                10.0 + f64::from(c % 97),
                OrderStatus::Paid,
            );
        }
        let a = run(&d, &Settings::default());
        for wording in [CsvWording::Standard, CsvWording::Localized(Lang::Zh)] {
            let mut pieces = Vec::new();
            write_customers_csv(&d, &a, 0..d.customers.len(), wording, &mut |p| {
                pieces.push(p.to_string())
            });
            assert!(pieces.len() >= 2, "{} pieces", pieces.len());
            assert!(pieces
                .iter()
                .all(|p| p.ends_with('\n') && p.len() < CSV_CHUNK_BYTES + 4096));
            let whole = match wording {
                CsvWording::Standard => customers_csv(&d, &a),
                CsvWording::Localized(lang) => customers_csv_localized(&d, &a, 0..d.customers.len(), lang),
            };
            assert_eq!(pieces.concat(), whole);
            assert_eq!(whole.lines().count(), 60_001);
        }
    }
}
