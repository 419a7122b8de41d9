//! What the sample values of one column look like, counted cell by cell
//! (docs/ingest/roles.md#value-evidence).

use super::cell_shape::{is_email, is_id_like, is_phone, looks_like_date, looks_like_money};
use super::status_words::is_status_word;
use crate::event_kind::classify_event;
use crate::value::{parse_amount, trim};
use rustc_hash::FxHashMap;
use segscope_model::EventKind;

/// Counts over the non-empty sample cells of one column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnProfile {
    /// Sample rows looked at (empty cells included).
    pub rows: u32,
    /// Non-empty cells.
    pub filled: u32,
    /// Cells that read as a date and are written like one.
    pub dates: u32,
    /// Cells that parse as an amount and are written like money (decimals, a
    /// currency sign or code).
    pub money: u32,
    /// Cells that parse as a number.
    pub numbers: u32,
    /// Whole numbers from 0 to 10 000 (quantities, counts, ages); written
    /// with leading zeros (`00001`) they are codes, not counts.
    pub small_integers: u32,
    /// E-mail addresses.
    pub emails: u32,
    /// Phone numbers (7 to 15 digits with `+ ( ) - .` and spaces).
    pub phones: u32,
    /// Id-like tokens: no inner spaces, letters/digits and `-_#/.:`.
    pub id_like: u32,
    /// Known order status words.
    pub status_words: u32,
    /// Known event names.
    pub event_words: u32,
    /// Three-letter currency codes in capitals.
    pub currency_codes: u32,
    /// Cells with a letter in them.
    pub with_letters: u32,
    /// Cells with a digit in them.
    pub with_digits: u32,
    /// Cells of words without digits separated by spaces (`Ana Souza`).
    pub personal_names: u32,
    /// Distinct non-empty values.
    pub distinct: u32,
    /// Cells equal to the previous row's cell (order lines, sorted keys).
    pub same_as_previous: u32,
    /// Of those, cells whose row has another date than the previous row in
    /// the file's date column: a buyer's orders on different days, not the
    /// lines of one order (set by [`super::profile_columns`]).
    pub repeats_on_other_days: u32,
    /// Distinct values that also appear away from their first run of rows.
    pub repeated_apart: u32,
    /// Consecutive numeric pairs that rise or stay (for sorted ids).
    pub rising_pairs: u32,
    /// Consecutive numeric pairs seen.
    pub numeric_pairs: u32,
    /// Median of the numeric cells, 0 when none.
    pub median_number: f64,
    /// Longest cell, in characters.
    pub max_chars: u32,
}

/// What one non-empty cell looks like: everything [`ColumnProfile`] counts
/// that depends on the cell's text alone.
#[derive(Debug, Clone, Copy)]
struct CellFacts {
    chars: u32,
    number: Option<f64>,
    small_integer: bool,
    date: bool,
    money: bool,
    email: bool,
    phone: bool,
    id_like: bool,
    status_word: bool,
    event_word: bool,
    currency_code: bool,
    letters: bool,
    digits: bool,
    personal_name: bool,
}

impl CellFacts {
    fn of(cell: &str) -> Self {
        let bytes = cell.as_bytes();
        let letters = cell.chars().any(char::is_alphabetic);
        // Letters make a code (`C00001`), not a number, unless they are a currency.
        let numeric_text = !letters || looks_like_money(cell);
        let number = parse_amount(bytes).ok().flatten().filter(|_| numeric_text);
        CellFacts {
            chars: cell.chars().count() as u32,
            number,
            small_integer: number.is_some_and(|v| {
                let zero_padded = cell.len() > 1 && cell.starts_with('0') && cell.bytes().all(|b| b.is_ascii_digit());
                v.fract() == 0.0 && (0.0..=10_000.0).contains(&v) && !cell.contains(['.', ',']) && !zero_padded
            }),
            date: looks_like_date(bytes),
            money: number.is_some() && looks_like_money(cell),
            email: is_email(cell),
            phone: is_phone(cell),
            id_like: is_id_like(cell),
            status_word: is_status_word(cell),
            // Event and status names are short; long cells are text.
            event_word: bytes.len() <= 40 && classify_event(bytes) != EventKind::Other,
            currency_code: cell.len() == 3 && cell.bytes().all(|b| b.is_ascii_uppercase()),
            letters,
            digits: cell.bytes().any(|b| b.is_ascii_digit()),
            personal_name: cell.contains(' ')
                && cell
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-')),
        }
    }
}

impl ColumnProfile {
    /// Profiles column `column` of the sample `rows`.
    pub fn of(rows: &[Vec<String>], column: usize) -> Self {
        let mut p = ColumnProfile {
            rows: rows.len() as u32,
            ..ColumnProfile::default()
        };
        // Per distinct value: the row it was last seen in, whether it
        // appeared apart from its first run, and what it looks like (worked
        // out once: status and event words are the costly part of a sniff).
        let mut seen: FxHashMap<&str, (usize, bool, CellFacts)> = FxHashMap::default();
        let mut numbers: Vec<f64> = Vec::new();
        let mut previous: Option<&str> = None;
        let mut previous_number: Option<f64> = None;
        for (row_index, row) in rows.iter().enumerate() {
            let cell = row.get(column).map_or("", |c| trim_str(c));
            if cell.is_empty() {
                previous = None;
                continue;
            }
            p.filled += 1;
            let facts = match seen.get_mut(cell) {
                None => {
                    let facts = CellFacts::of(cell);
                    seen.insert(cell, (row_index, false, facts));
                    facts
                }
                Some((last_row, apart, facts)) => {
                    if *last_row + 1 != row_index && !*apart {
                        *apart = true;
                        p.repeated_apart += 1;
                    }
                    *last_row = row_index;
                    *facts
                }
            };
            p.max_chars = p.max_chars.max(facts.chars);
            if let Some(v) = facts.number {
                p.numbers += 1;
                numbers.push(v);
                p.small_integers += u32::from(facts.small_integer);
                if let Some(before) = previous_number {
                    p.numeric_pairs += 1;
                    if v >= before {
                        p.rising_pairs += 1;
                    }
                }
                previous_number = Some(v);
            }
            p.dates += u32::from(facts.date);
            p.money += u32::from(facts.money);
            p.emails += u32::from(facts.email);
            p.phones += u32::from(facts.phone);
            p.id_like += u32::from(facts.id_like);
            p.status_words += u32::from(facts.status_word);
            p.event_words += u32::from(facts.event_word);
            p.currency_codes += u32::from(facts.currency_code);
            p.with_letters += u32::from(facts.letters);
            p.with_digits += u32::from(facts.digits);
            p.personal_names += u32::from(facts.personal_name);
            if previous == Some(cell) {
                p.same_as_previous += 1;
            }
            previous = Some(cell);
        }
        p.distinct = seen.len() as u32;
        if !numbers.is_empty() {
            numbers.sort_by(f64::total_cmp);
            p.median_number = numbers[numbers.len() / 2];
        }
        p
    }

    /// `count` as a share of the filled cells (0 when none are filled).
    pub fn share(&self, count: u32) -> f32 {
        if self.filled == 0 {
            0.0
        } else {
            count as f32 / self.filled as f32
        }
    }

    /// Share of the sample rows that have a value.
    pub fn fill_rate(&self) -> f32 {
        if self.rows == 0 {
            0.0
        } else {
            self.filled as f32 / self.rows as f32
        }
    }

    /// Distinct values per filled cell: 1 when every value differs.
    pub fn uniqueness(&self) -> f32 {
        self.share(self.distinct)
    }
}

fn trim_str(cell: &str) -> &str {
    // `trim` works on bytes and only removes whole characters, so the slice stays UTF-8.
    std::str::from_utf8(trim(cell.as_bytes())).unwrap_or(cell)
}
