//! Dates written with a month name, as admin screens render them:
//! `Nov 2, 2022 9:14:03 AM`, `2 Nov 2022`, `2 de julio de 2023 14:32 hs.`,
//! `2. März 2024` (docs/ingest/roles.md#value-evidence).

use segscope_model::date::day_from_ymd;
use segscope_model::Day;

/// Month names and abbreviations in English, Spanish, Portuguese, French and
/// German (lowercase, without a trailing dot), with their month number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("enero", 1),
    ("ene", 1),
    ("janeiro", 1),
    ("janvier", 1),
    ("janv", 1),
    ("januar", 1),
    ("february", 2),
    ("feb", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("février", 2),
    ("févr", 2),
    ("februar", 2),
    ("march", 3),
    ("mar", 3),
    ("marzo", 3),
    ("março", 3),
    ("mars", 3),
    ("märz", 3),
    ("mär", 3),
    ("april", 4),
    ("apr", 4),
    ("abril", 4),
    ("abr", 4),
    ("avril", 4),
    ("avr", 4),
    ("may", 5),
    ("mayo", 5),
    ("maio", 5),
    ("mai", 5),
    ("june", 6),
    ("jun", 6),
    ("junio", 6),
    ("junho", 6),
    ("juin", 6),
    ("juni", 6),
    ("july", 7),
    ("jul", 7),
    ("julio", 7),
    ("julho", 7),
    ("juillet", 7),
    ("juil", 7),
    ("juli", 7),
    ("august", 8),
    ("aug", 8),
    ("agosto", 8),
    ("ago", 8),
    ("août", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septiembre", 9),
    ("setembro", 9),
    ("set", 9),
    ("septembre", 9),
    ("october", 10),
    ("oct", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("out", 10),
    ("octobre", 10),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("novembre", 11),
    ("december", 12),
    ("dec", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dezembro", 12),
    ("dez", 12),
    ("décembre", 12),
    ("déc", 12),
    ("dezember", 12),
];

/// Reads a date with a month name: one month word, a day (1–31) before the
/// year, and a four-digit year; times and words after them are ignored.
pub fn month_name_date(text: &str) -> Option<Day> {
    // Cheap refusals first: a month-name date has a digit and three ASCII letters
    // in a row (every listed name has).
    let letters_in_a_row = text
        .as_bytes()
        .windows(3)
        .any(|w| w.iter().all(u8::is_ascii_alphabetic));
    if !letters_in_a_row || !text.bytes().any(|b| b.is_ascii_digit()) || text.len() > 40 {
        return None;
    }
    let mut month = None;
    let mut day = None;
    let mut year = None;
    for token in text.split(|c: char| c.is_whitespace() || c == ',' || c == '.' || c == '-' || c == '/') {
        if token.is_empty() || token.contains(':') {
            continue;
        }
        let lower = token.to_lowercase();
        if let Some((_, m)) = MONTHS.iter().find(|(name, _)| *name == lower) {
            month = month.or(Some(*m));
        } else if token.bytes().all(|b| b.is_ascii_digit()) {
            let v: u32 = token.parse().ok()?;
            match token.len() {
                4 if year.is_none() => year = Some(v as i32),
                1 | 2 if day.is_none() && year.is_none() => day = Some(v),
                _ => {}
            }
        }
    }
    day_from_ymd(year?, month?, day?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_in_several_languages() {
        let nov2 = day_from_ymd(2022, 11, 2);
        assert_eq!(month_name_date("Nov 2, 2022 9:14:03 AM"), nov2);
        assert_eq!(month_name_date("2 Nov 2022"), nov2);
        assert_eq!(month_name_date("2 de noviembre de 2022 14:32 hs."), nov2);
        assert_eq!(month_name_date("2. November 2022"), nov2);
        assert_eq!(
            month_name_date("2 de julio de 2023 14:32 hs."),
            day_from_ymd(2023, 7, 2)
        );
        assert_eq!(month_name_date("Ana Souza"), None);
        assert_eq!(month_name_date("May 2022"), None);
    }
}
