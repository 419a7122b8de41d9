//! Shapes of single cells: written like a date, like money, an e-mail, a
//! phone number, an id (docs/ingest/roles.md#value-evidence).

use crate::month_names::month_name_date;
use crate::value::{parse_amount, parse_date, DateOrder};

/// A date written as one: with `-` `/` `.` or `年` between its parts, or
/// eight digits starting 19 or 20 (`20240105`); bare numbers that only an
/// Excel serial or Unix time reading would make a date do not count.
pub fn looks_like_date(cell: &[u8]) -> bool {
    let written_as_date = if cell.iter().all(u8::is_ascii_digit) {
        cell.len() == 8 && (cell.starts_with(b"19") || cell.starts_with(b"20"))
    } else {
        let head = &cell[..cell.len().min(10)];
        head.iter().filter(|b| matches!(b, b'-' | b'/' | b'.')).count() >= 2
            || cell.windows(3).any(|w| w == "年".as_bytes())
            || std::str::from_utf8(cell).is_ok_and(|t| month_name_date(t).is_some())
    };
    written_as_date
        && (parse_date(cell, DateOrder::DayFirst).is_some() || parse_date(cell, DateOrder::MonthFirst).is_some())
}

/// Money as exports write it: decimals (`12.50`, `1.234,50`), a currency
/// sign or a currency code; whole numbers alone are not evidence of money.
pub fn looks_like_money(cell: &str) -> bool {
    let has_sign = cell
        .chars()
        .any(|c| matches!(c, '$' | '¥' | '￥' | '€' | '£' | '₩' | '₹' | '元'));
    let has_code = cell.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        matches!(
            w,
            "USD"
                | "EUR"
                | "GBP"
                | "CNY"
                | "RMB"
                | "JPY"
                | "KRW"
                | "BRL"
                | "MXN"
                | "ARS"
                | "CLP"
                | "COP"
                | "CAD"
                | "AUD"
        )
    });
    let digits = cell.trim_end_matches(|c: char| !c.is_ascii_digit());
    let decimals = digits.rfind(['.', ',']).is_some_and(|i| {
        (1..=2).contains(&(digits.len() - i - 1)) && digits[i + 1..].bytes().all(|b| b.is_ascii_digit())
    });
    has_sign || has_code || decimals
}

/// `name@host.tld`, without spaces.
pub fn is_email(cell: &str) -> bool {
    let Some((local, host)) = cell.split_once('@') else {
        return false;
    };
    !local.is_empty() && host.contains('.') && !host.starts_with('.') && !cell.contains(char::is_whitespace)
}

/// 7 to 15 digits, written with phone punctuation only (`+86 138-0013-8000`,
/// `(11) 98765-4321`), and not a date or an amount with decimals.
pub fn is_phone(cell: &str) -> bool {
    let digits = cell.bytes().filter(u8::is_ascii_digit).count();
    let punctuation_only = cell
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'(' | b')' | b'-' | b' ' | b'.'));
    let separated = cell.bytes().any(|b| matches!(b, b'+' | b'(' | b'-' | b' '));
    // Bare digit strings are phones only when long enough for a mobile number
    // (11 digits in China, 10–13 with a country code elsewhere).
    let plausible = if separated {
        (7..=15).contains(&digits)
    } else {
        (10..=13).contains(&digits)
    };
    punctuation_only && plausible && !cell.contains('.') && !looks_like_date(cell.as_bytes())
}

/// An id: 1–40 ASCII letters, digits and `-_#/.:'`, no spaces
/// inside, not an e-mail, a date or an amount with decimals.
pub fn is_id_like(cell: &str) -> bool {
    let n = cell.chars().count();
    (1..=40).contains(&n)
        && cell
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '#' | '/' | '.' | ':' | '\''))
        && !is_email(cell)
        && !looks_like_date(cell.as_bytes())
        && !(cell.contains('.') && cell.bytes().filter(|b| b.is_ascii_digit()).count() + 1 == cell.len())
}

/// What one cell is, as far as telling a row of data from a header row goes
/// (docs/ingest/structure.md#headerless-files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellClass {
    /// Nothing but blanks.
    Empty,
    /// Written like a date.
    Date,
    /// A number or an amount (`00001`, `12`, `11.77`, `$12`).
    Number,
    /// An e-mail address.
    Email,
    /// A phone number, or a code with digits in it (`C000001`).
    Code,
    /// Anything else: words, which headers are made of.
    Text,
}

/// The class of a cell (already trimmed).
pub fn cell_class(cell: &str) -> CellClass {
    if cell.is_empty() {
        return CellClass::Empty;
    }
    if looks_like_date(cell.as_bytes()) {
        return CellClass::Date;
    }
    if is_email(cell) {
        return CellClass::Email;
    }
    let numeric_text = !cell.chars().any(char::is_alphabetic) || looks_like_money(cell);
    if numeric_text && matches!(parse_amount(cell.as_bytes()), Ok(Some(_))) {
        return CellClass::Number;
    }
    if is_phone(cell) || (is_id_like(cell) && cell.bytes().any(|b| b.is_ascii_digit())) {
        return CellClass::Code;
    }
    CellClass::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_recognised_by_how_they_are_written() {
        for d in [
            "2024-01-05",
            "12/1/2010 8:26",
            "2024年1月5日",
            "20240105",
            "05.01.2024",
            "2019-05-14 10:22:31 -0400",
        ] {
            assert!(looks_like_date(d.as_bytes()), "{d}");
        }
        for d in ["45296", "1000001", "12.50", "C000001", "1704456300"] {
            assert!(!looks_like_date(d.as_bytes()), "{d}");
        }
    }

    #[test]
    fn money_needs_decimals_or_a_currency() {
        for m in ["12.50", "1.234,50", "$12", "￥11.77", "R$ 59,90", "12 CNY"] {
            assert!(looks_like_money(m), "{m}");
        }
        for m in ["12", "1000001", "3"] {
            assert!(!looks_like_money(m), "{m}");
        }
    }

    #[test]
    fn cell_classes() {
        use CellClass::*;
        for (cell, class) in [
            ("00001", Number),
            ("19970101", Date),
            ("11.77", Number),
            ("$12", Number),
            ("2024-01-05 10:00", Date),
            ("a@b.com", Email),
            ("C000001", Code),
            ("+86 138-0013-8000", Code),
            ("Q1", Code),
            ("customer_id", Text),
            ("ID", Text),
            ("Fecha de venta", Text),
            ("客户ID", Text),
            ("", Empty),
        ] {
            assert_eq!(cell_class(cell), class, "{cell}");
        }
    }

    #[test]
    fn contacts_and_ids() {
        assert!(is_email("ana.souza@example.com"));
        assert!(!is_email("@x"));
        for p in ["+86 138-0013-8000", "13800138000", "(11) 98765-4321", "+5511987654321"] {
            assert!(is_phone(p), "{p}");
        }
        for p in ["1000001", "2024-01-05", "12.50", "C536365"] {
            assert!(!is_phone(p), "{p}");
        }
        for id in [
            "C000001",
            "#1001",
            "1000001",
            "e481f51cbdc54678b7cc49136f2d6af7",
            "'12345",
        ] {
            assert!(is_id_like(id), "{id}");
        }
        for id in ["Ana Souza", "12.50", "a@b.com", "2024-01-05"] {
            assert!(!is_id_like(id), "{id}");
        }
    }
}
