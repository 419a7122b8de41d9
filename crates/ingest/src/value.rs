//! Parsing of single cell values: money amounts and dates in the many styles
//! that real exports use (docs/product.md#inputs).

use segscope_model::date::day_from_ymd;
use segscope_model::Day;
use serde::{Deserialize, Serialize};

/// How slash- or dot-separated dates with the year last are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum DateOrder {
    /// `05/01/2024` is 5 January.
    #[default]
    DayFirst,
    /// `01/05/2024` is 5 January.
    MonthFirst,
}

/// The cell's text is not a money amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAnAmount;

/// A parsed amount: `None` for a blank cell, `Err` for text that is not money.
pub type AmountResult = Result<Option<f64>, NotAnAmount>;

/// Parses a money amount: `1,234.50`, `1.234,50`, `¥1,234`, `$12`, `12.00 CNY`,
/// `(12.00)` (negative), `-5`, `1 234,5`, blanks (→ `Ok(None)`).
pub fn parse_amount(raw: &[u8]) -> AmountResult {
    let s = trim(raw);
    if s.is_empty() {
        return Ok(None);
    }
    if let Some(v) = plain_decimal(s) {
        return Ok(Some(v));
    }
    let text = std::str::from_utf8(s).map_err(|_| NotAnAmount)?;
    let (negative_paren, text) = match text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (true, inner),
        None => (false, text),
    };
    let is_unit = |c: char| is_currency_symbol(c) || c.is_ascii_alphabetic() || c.is_whitespace();
    let text = text.trim_matches(is_unit);
    let (negative_sign, text) = match text.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim_start_matches(is_unit)),
        None => (false, text),
    };
    let mut digits = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '0'..='9' | '.' | ',' => digits.push(c),
            '\'' | ' ' | '\u{a0}' | '\u{202f}' => {}
            _ => return Err(NotAnAmount),
        }
    }
    if !digits.bytes().any(|b| b.is_ascii_digit()) {
        return Err(NotAnAmount);
    }
    let value = normalise_separators(&digits).ok_or(NotAnAmount)?;
    Ok(Some(if negative_paren ^ negative_sign { -value } else { value }))
}

fn is_currency_symbol(c: char) -> bool {
    matches!(c, '¥' | '￥' | '$' | '€' | '£' | '₩' | '₹' | '元' | '円')
}

/// Decides which of `.` and `,` is the decimal separator and parses.
fn normalise_separators(digits: &str) -> Option<f64> {
    let last_dot = digits.rfind('.');
    let last_comma = digits.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(_), None) => {
            // "1.234.567" is thousands; "1.5" is decimal.
            if digits.matches('.').count() > 1 {
                None
            } else {
                Some('.')
            }
        }
        (None, Some(c)) => {
            // "1,234" (three digits after one comma) is thousands; "12,5" is decimal.
            let after = digits.len() - c - 1;
            if digits.matches(',').count() > 1 || after == 3 {
                None
            } else {
                Some(',')
            }
        }
        (None, None) => None,
    };
    let integer_part = match decimal {
        Some(d) => &digits[..digits.rfind(d).unwrap_or(digits.len())],
        None => digits,
    };
    if !thousands_groups_ok(integer_part) {
        return None;
    }
    let mut clean = String::with_capacity(digits.len());
    for c in digits.chars() {
        match c {
            '0'..='9' => clean.push(c),
            c if Some(c) == decimal => clean.push('.'),
            _ => {}
        }
    }
    if decimal.is_some() && clean.matches('.').count() != 1 {
        return None;
    }
    clean.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Digit groups between thousands separators must have three digits (the first
/// one 1–3), so `12..5` or `1,23` is not taken for a number.
fn thousands_groups_ok(integer_part: &str) -> bool {
    let mut groups = integer_part.split(['.', ',']);
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    rest.is_empty() || ((1..=3).contains(&first.len()) && rest.iter().all(|g| g.len() == 3))
}

/// Fast path for `-?\d+(\.\d+)?`, the common case in machine exports.
fn plain_decimal(s: &[u8]) -> Option<f64> {
    let (neg, body) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    if body.is_empty() || body.len() > 15 {
        return None;
    }
    let mut int: u64 = 0;
    let mut frac: u64 = 0;
    let mut frac_digits = 0u32;
    let mut in_frac = false;
    for &b in body {
        match b {
            b'0'..=b'9' if in_frac => {
                frac = frac * 10 + u64::from(b - b'0');
                frac_digits += 1;
            }
            b'0'..=b'9' => int = int * 10 + u64::from(b - b'0'),
            b'.' if !in_frac => in_frac = true,
            _ => return None,
        }
    }
    if in_frac && frac_digits == 0 {
        return None;
    }
    let value = int as f64 + frac as f64 / 10f64.powi(frac_digits as i32);
    Some(if neg { -value } else { value })
}

/// Parses a date or timestamp cell to a [`Day`]; `None` when it is not a date.
///
/// Accepts ISO dates and datetimes (`T`, `Z`, offsets: the written local date
/// counts), `2024/1/5 13:05`, `2024.1.5`, `2024年1月5日`, `20240105`,
/// `05/01/2024` per `order`, Excel serial numbers and Unix seconds/milliseconds.
pub fn parse_date(raw: &[u8], order: DateOrder) -> Option<Day> {
    match date_cell(raw)? {
        DateCell::Day(day) => Some(day),
        DateCell::YearLast { first, second, year } => year_last_day(first, second, year, order),
    }
}

/// A date cell read without fixing the column's date order: the day in
/// `order`, the other reading when the cell allows both, and what the cell
/// proves about the order when only one reading is a real date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadDate {
    /// The day as read (in `order`, or in the only order that gives a date).
    pub day: Day,
    /// The day in the other order, when both readings are real and differ.
    pub alternative: Option<Day>,
    /// The order this cell proves, when only one reading is a real date.
    pub proves: Option<DateOrder>,
}

/// Reads a date cell preferring `order` but accepting the other order when
/// only that one gives a real date (`12/25/2010` in a day-first guess), so a
/// column's order can be decided from all its values; `None` when neither
/// reading is a date.
pub fn read_date(raw: &[u8], order: DateOrder) -> Option<ReadDate> {
    let (first, second, year) = match date_cell(raw)? {
        DateCell::Day(day) => {
            return Some(ReadDate {
                day,
                alternative: None,
                proves: None,
            })
        }
        DateCell::YearLast { first, second, year } => (first, second, year),
    };
    let other = match order {
        DateOrder::DayFirst => DateOrder::MonthFirst,
        DateOrder::MonthFirst => DateOrder::DayFirst,
    };
    let read = |o| year_last_day(first, second, year, o);
    match (read(order), read(other)) {
        (Some(day), Some(alt)) => Some(ReadDate {
            day,
            alternative: (alt != day).then_some(alt),
            proves: None,
        }),
        (Some(day), None) => Some(ReadDate {
            day,
            alternative: None,
            proves: Some(order),
        }),
        (None, Some(day)) => Some(ReadDate {
            day,
            alternative: None,
            proves: Some(other),
        }),
        (None, None) => None,
    }
}

/// A date cell before the day/month order is applied.
enum DateCell {
    /// A date that reads one way only.
    Day(Day),
    /// `a/b/year`: day and month in an order the column decides.
    YearLast { first: u32, second: u32, year: i32 },
}

fn date_cell(raw: &[u8]) -> Option<DateCell> {
    let s = trim(raw);
    if s.len() < 5 {
        return None;
    }
    // Fast path: YYYY-MM-DD prefix.
    if s.len() >= 10 && s[4] == b'-' && s[7] == b'-' && (s.len() == 10 || matches!(s[10], b' ' | b'T' | b't')) {
        let y = digits_value(&s[0..4])?;
        let m = digits_value(&s[5..7])?;
        let d = digits_value(&s[8..10])?;
        return day_from_ymd(y as i32, m, d).map(DateCell::Day);
    }
    if s.iter().all(u8::is_ascii_digit) {
        return parse_numeric_date(s).map(DateCell::Day);
    }
    if let Some(serial) = excel_serial_with_fraction(s) {
        return Some(DateCell::Day(serial));
    }
    let text = std::str::from_utf8(s).ok()?;
    if text
        .bytes()
        .any(|b| b.is_ascii_alphabetic() && !matches!(b, b'T' | b't' | b'Z' | b'z'))
        || !text.is_ascii()
    {
        if let Some(day) = super::month_names::month_name_date(text) {
            return Some(DateCell::Day(day));
        }
    }
    let date_part = text.split([' ', 'T', 't']).next().unwrap_or(text);
    let date_part = date_part.trim_end_matches('日');
    let fields: Vec<&str> = date_part.split(['-', '/', '.', '年', '月']).collect();
    if fields.len() != 3
        || fields
            .iter()
            .any(|f| f.is_empty() || f.len() > 4 || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let nums: Vec<u32> = fields.iter().map(|f| f.parse().unwrap_or(0)).collect();
    if fields[0].len() == 4 {
        return day_from_ymd(nums[0] as i32, nums[1], nums[2]).map(DateCell::Day);
    }
    if fields[2].len() == 4 || fields[2].len() == 2 {
        let year = if fields[2].len() == 2 {
            2000 + nums[2] as i32
        } else {
            nums[2] as i32
        };
        return Some(DateCell::YearLast {
            first: nums[0],
            second: nums[1],
            year,
        });
    }
    None
}

/// The day of `first/second/year` read in `order`.
fn year_last_day(first: u32, second: u32, year: i32, order: DateOrder) -> Option<Day> {
    let (d, m) = match order {
        DateOrder::DayFirst => (first, second),
        DateOrder::MonthFirst => (second, first),
    };
    day_from_ymd(year, m, d)
}

/// All-digit cells: `20240105`, Excel serials, Unix seconds or milliseconds.
fn parse_numeric_date(s: &[u8]) -> Option<Day> {
    let v: i64 = std::str::from_utf8(s).ok()?.parse().ok()?;
    match s.len() {
        8 => day_from_ymd((v / 10_000) as i32, (v / 100 % 100) as u32, (v % 100) as u32),
        5 => excel_serial(v as f64),
        9 | 10 => Some((v.div_euclid(86_400)) as Day),
        12 | 13 => Some((v.div_euclid(86_400_000)) as Day),
        _ => None,
    }
}

fn excel_serial_with_fraction(s: &[u8]) -> Option<Day> {
    if s.len() > 5 && s[5] == b'.' && s[..5].iter().all(u8::is_ascii_digit) && s[6..].iter().all(u8::is_ascii_digit) {
        return excel_serial(std::str::from_utf8(s).ok()?.parse().ok()?);
    }
    None
}

/// Excel's 1900 date system: serial 25569 is 1970-01-01. Plausible range only
/// (1927–2173), so ordinary numbers are not mistaken for dates.
fn excel_serial(v: f64) -> Option<Day> {
    (10_000.0..=99_999.0).contains(&v).then(|| v.floor() as Day - 25_569)
}

fn digits_value(s: &[u8]) -> Option<u32> {
    s.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// Trims ASCII whitespace and the UTF-8 no-break space from both ends.
#[inline]
pub fn trim(s: &[u8]) -> &[u8] {
    // Most cells need nothing trimmed: their ends say so at once.
    match (s.first(), s.last()) {
        (Some(&first), Some(&last))
            if !(first.is_ascii_whitespace() || first == 0xC2 || last.is_ascii_whitespace() || last == 0xA0) =>
        {
            s
        }
        _ => trim_ends(s),
    }
}

/// [`trim`] for a cell that may need it.
fn trim_ends(s: &[u8]) -> &[u8] {
    let mut s = s.trim_ascii();
    while let Some(rest) = s.strip_prefix("\u{a0}".as_bytes()) {
        s = rest.trim_ascii();
    }
    while let Some(rest) = s.strip_suffix("\u{a0}".as_bytes()) {
        s = rest.trim_ascii();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amt(s: &str) -> Option<f64> {
        parse_amount(s.as_bytes()).unwrap()
    }

    #[test]
    fn amounts_in_every_listed_style() {
        assert_eq!(amt("1,234.50"), Some(1234.5));
        assert_eq!(amt("1.234,50"), Some(1234.5));
        assert_eq!(amt("¥1,234"), Some(1234.0));
        assert_eq!(amt("$12"), Some(12.0));
        assert_eq!(amt("12.00 CNY"), Some(12.0));
        assert_eq!(amt("(12.00)"), Some(-12.0));
        assert_eq!(amt("-5"), Some(-5.0));
        assert_eq!(amt("12,5"), Some(12.5));
        assert_eq!(amt("1 234,5"), Some(1234.5));
        assert_eq!(amt("  42.10 "), Some(42.1));
        assert_eq!(amt(""), None);
        assert!(parse_amount(b"abc").is_err());
        assert!(parse_amount(b"12..5").is_err());
        assert!(parse_amount(b"1.2.3,4,5").is_err());
    }

    fn day(s: &str) -> Option<Day> {
        parse_date(s.as_bytes(), DateOrder::DayFirst)
    }

    #[test]
    fn dates_in_every_listed_style() {
        let jan5 = day_from_ymd(2024, 1, 5);
        assert_eq!(day("2024-01-05"), jan5);
        assert_eq!(day("2024-01-05 13:05:00"), jan5);
        assert_eq!(day("2024-01-05T13:05:00Z"), jan5);
        assert_eq!(day("2024-01-05T13:05:00+08:00"), jan5);
        assert_eq!(day("2024/1/5 13:05"), jan5);
        assert_eq!(day("2024年1月5日"), jan5);
        assert_eq!(day("20240105"), jan5);
        assert_eq!(day("05/01/2024"), jan5);
        assert_eq!(parse_date(b"01/05/2024 13:05", DateOrder::MonthFirst), jan5);
        assert_eq!(day("45296"), jan5); // Excel serial
        assert_eq!(day("45296.5"), jan5);
        assert_eq!(day("1704456300"), jan5); // Unix seconds, 2024-01-05 12:05 UTC
        assert_eq!(day("1704456300000"), jan5);
        assert_eq!(day("2024-13-45"), None);
        assert_eq!(day("n/a"), None);
        assert_eq!(day(""), None);
    }

    proptest::proptest! {
        /// The quick look at a cell's ends trims as the full trim does.
        #[test]
        fn trim_is_the_full_trim(cell in proptest::collection::vec(proptest::sample::select(vec![b' ', b'\t', b'\r', 0xC2, 0xA0, b'a', 0xE4]), 0..8)) {
            proptest::prop_assert_eq!(trim(&cell), trim_ends(&cell));
        }
    }

    #[test]
    fn no_break_spaces_and_whitespace_are_trimmed_from_both_ends() {
        assert_eq!(trim("\u{a0} a b\t\u{a0}".as_bytes()), b"a b");
        assert_eq!(trim("x\u{a0}".as_bytes()), b"x");
        assert_eq!(trim(b" "), b"");
    }
}
