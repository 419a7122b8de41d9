//! Where a file's table starts and what its columns are called
//! (docs/ingest/structure.md): title rows above the header are skipped, a
//! first row that is data is no header (the columns are then named by
//! position), and header names that repeat are made distinct.

use super::infer::{cell_class, CellClass};
use rustc_hash::{FxHashMap, FxHashSet};

/// At most this many rows above the header are taken for a report's title
/// rows (title, period, filters, column groups).
pub const MAX_TITLE_ROWS: usize = 20;

/// Rows below a first row that are compared with it to decide it is data.
const SHAPE_ROWS: usize = 50;

/// Where the table of a file starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Rows above the header (above the data when there is no header).
    pub title_rows: usize,
    /// The first row after the title rows is a header.
    pub has_header: bool,
}

/// The layout of the first rows of a file.
pub fn layout(rows: &[Vec<String>]) -> Layout {
    let title_rows = title_rows(rows);
    Layout {
        title_rows,
        has_header: !first_row_is_data(rows.get(title_rows..).unwrap_or_default()),
    }
}

/// Non-empty cells of a row.
fn filled(row: &[String]) -> usize {
    row.iter().filter(|c| !c.trim().is_empty()).count()
}

/// The table's width: the most common count of cells up to a row's last
/// filled one (ties go to the wider).
fn width(rows: &[Vec<String>]) -> usize {
    let mut counts: FxHashMap<usize, usize> = FxHashMap::default();
    for row in rows {
        if let Some(last) = row.iter().rposition(|c| !c.trim().is_empty()) {
            *counts.entry(last + 1).or_insert(0) += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(width, n)| (n, width))
        .map_or(0, |(width, _)| width)
}

/// Leading rows with fewer than half the table's width filled (a title, a
/// period, a row of column groups), when a fuller row — the header — follows
/// within [`MAX_TITLE_ROWS`]. A table of one column has no title rows.
fn title_rows(rows: &[Vec<String>]) -> usize {
    let width = width(rows);
    if width < 2 {
        return 0;
    }
    let sparse = rows.iter().take_while(|row| filled(row) * 2 < width).count();
    if sparse > MAX_TITLE_ROWS || sparse >= rows.len() {
        0
    } else {
        sparse
    }
}

/// True when the first row of `table` is data: none of its cells is text
/// (they are ids, numbers, dates, e-mails, codes), and each is of the kind
/// most cells of its column below are. A row with a word in it is a header,
/// and so is a lone row.
fn first_row_is_data(table: &[Vec<String>]) -> bool {
    let Some((first, rest)) = table.split_first() else {
        return false;
    };
    let rest = &rest[..rest.len().min(SHAPE_ROWS)];
    if rest.is_empty() {
        return false;
    }
    let classes: Vec<CellClass> = first.iter().map(|c| cell_class(c.trim())).collect();
    if classes.contains(&CellClass::Text) || classes.iter().all(|c| *c == CellClass::Empty) {
        return false;
    }
    classes
        .iter()
        .enumerate()
        .filter(|(_, class)| **class != CellClass::Empty)
        .all(|(column, class)| column_class(rest, column).is_none_or(|below| below == *class))
}

/// The most common class of the non-empty cells of `column`, if any.
fn column_class(rows: &[Vec<String>], column: usize) -> Option<CellClass> {
    const CLASSES: [CellClass; 5] = [
        CellClass::Date,
        CellClass::Number,
        CellClass::Email,
        CellClass::Code,
        CellClass::Text,
    ];
    let mut counts = [0usize; CLASSES.len()];
    for row in rows {
        let class = row.get(column).map_or(CellClass::Empty, |c| cell_class(c.trim()));
        if let Some(i) = CLASSES.iter().position(|c| *c == class) {
            counts[i] += 1;
        }
    }
    let (i, n) = counts.iter().enumerate().max_by_key(|&(i, n)| (*n, usize::MAX - i))?;
    (*n > 0).then_some(CLASSES[i])
}

/// Names for the columns of a file without a header: `Column 1`, `Column 2` …
pub fn column_names(columns: usize) -> Vec<String> {
    (1..=columns).map(|i| format!("Column {i}")).collect()
}

/// Header names made distinct: a name met again (compared without regard to
/// case) becomes `Name (2)`, `Name (3)` … so that the mapping step and the
/// roles can tell the columns apart; empty names stay empty.
pub fn distinct_names(headers: Vec<String>) -> Vec<String> {
    let key = |h: &str| h.trim().to_lowercase();
    let mut taken: FxHashSet<String> = headers.iter().map(|h| key(h)).collect();
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    headers
        .into_iter()
        .map(|h| {
            if h.trim().is_empty() {
                return h;
            }
            let times = seen.entry(key(&h)).or_insert(0);
            *times += 1;
            if *times == 1 {
                return h;
            }
            (*times..)
                .map(|n| format!("{h} ({n})"))
                .find(|name| taken.insert(key(name)))
                .unwrap_or(h)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&[&str]]) -> Vec<Vec<String>> {
        lines
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_first_row_of_ids_dates_and_numbers_is_no_header() {
        let cdnow = rows(&[
            &["00001", "19970101", "1", "11.77"],
            &["00002", "19970112", "1", "12.00"],
            &["00002", "19970112", "5", "77.00"],
            &["00003", "19970102", "2", "20.76"],
        ]);
        assert_eq!(
            layout(&cdnow),
            Layout {
                title_rows: 0,
                has_header: false
            }
        );
        let emails = rows(&[&["a@x.com", "2024-01-05", "12.50"], &["b@x.com", "2024-01-06", "3.00"]]);
        assert!(!layout(&emails).has_header);
    }

    #[test]
    fn a_real_header_is_always_a_header() {
        for header in [
            &["customer_id", "order_date", "amount"][..],
            &["ID", "2023", "2024"],
            &["Q1", "Q2", "Q3"],
            &["客户ID", "下单时间", "实付金额"],
            &["", "name", "amount"],
        ] {
            let mut table = rows(&[header]);
            table.extend(rows(&[&["A1", "yes", "no"], &["A2", "no", "yes"]]));
            assert!(layout(&table).has_header, "{header:?}");
        }
        // A lone row stays a header (a header-only export).
        assert!(layout(&rows(&[&["1", "2024-01-05", "3.50"]])).has_header);
        // Numbers above a column of words: a header of years.
        let years = rows(&[&["2023", "2024"], &["yes", "no"], &["no", "no"]]);
        assert!(layout(&years).has_header);
    }

    #[test]
    fn title_rows_above_the_header_are_skipped() {
        let report = rows(&[
            &["Ventas"],
            &["Período: 1 de julio de 2023 - 31 de julio de 2023"],
            &["Ventas", "", "", "Compradores", "", ""],
            &["# de venta", "Fecha de venta", "Estado", "Comprador", "DNI", "Estado"],
            &[
                "2000005123456780",
                "2 de julio de 2023 14:32 hs.",
                "Entregado",
                "Ana",
                "30111222",
                "Salta",
            ],
            &[
                "2000005123457793",
                "3 de julio de 2023 09:05 hs.",
                "En camino",
                "Luis",
                "28333444",
                "",
            ],
            &[
                "2000005123458806",
                "5 de julio de 2023 21:47 hs.",
                "Venta cancelada",
                "Eva",
                "35555666",
                "Jujuy",
            ],
        ]);
        assert_eq!(
            layout(&report),
            Layout {
                title_rows: 3,
                has_header: true
            }
        );
        // A plain file and a one-column list have none.
        let plain = rows(&[&["a", "b", "c"], &["1", "", ""], &["2", "", ""]]);
        assert_eq!(layout(&plain).title_rows, 0);
        let list = rows(&[&["email"], &["a@x.com"], &["b@x.com"]]);
        assert_eq!(layout(&list).title_rows, 0);
        // Nothing but sparse rows: no table found, nothing skipped.
        let sparse = rows(&[&["x", "", "", ""], &["y", "", "", ""]]);
        assert_eq!(layout(&sparse).title_rows, 0);
    }

    #[test]
    fn repeated_names_are_made_distinct() {
        let names = |hs: &[&str]| distinct_names(hs.iter().map(|h| h.to_string()).collect());
        assert_eq!(
            names(&["Estado", "DNI", "Estado", "estado"]),
            ["Estado", "DNI", "Estado (2)", "estado (3)"]
        );
        assert_eq!(names(&["a", "a (2)", "a"]), ["a", "a (2)", "a (3)"]);
        assert_eq!(names(&["", "", "x"]), ["", "", "x"]);
        assert_eq!(column_names(3), ["Column 1", "Column 2", "Column 3"]);
    }
}
