//! Text forms of dates, timestamps and amounts, appended to a reusable buffer.

use crate::config::DateStyle;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ymd {
    /// Year, e.g. 2024.
    pub year: u32,
    /// Month 1–12.
    pub month: u32,
    /// Day of month 1–31.
    pub day: u32,
}

/// Number of shapes a timestamp can take under the mixed style.
pub const MIXED_TIMESTAMP_SHAPES: u8 = 6;

/// Shapes (see [`push_timestamp`]) a date-only column can take under the mixed style.
pub const MIXED_DATE_SHAPES: [u8; 4] = [0, 3, 4, 5];

/// Appends `n` in decimal, zero-padded to `width` digits.
pub fn push_uint(out: &mut String, n: u64, width: usize) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for _ in (buf.len() - i)..width {
        out.push('0');
    }
    buf[i..].iter().for_each(|&b| out.push(b as char));
}

/// Appends a date: ISO, day-first, month-first, or under the mixed style the shape `shape`
/// (0 `2024-01-05`, 3 `2024/1/5`, 4 `2024年1月5日`, 5 `20240105`).
pub fn push_date(out: &mut String, d: Ymd, style: DateStyle, shape: u8) {
    match style {
        DateStyle::Iso => iso_date(out, d, '-'),
        DateStyle::Dmy => slashed(out, d.day, d.month, d.year),
        DateStyle::Mdy => slashed(out, d.month, d.day, d.year),
        DateStyle::Mixed => mixed(out, d, 0, shape, false),
    }
}

/// Appends a timestamp given as a date and seconds since midnight: ISO `2024-01-05 13:05:00`,
/// `05/01/2024 13:05`, `01/05/2024 13:05`, or under the mixed style the shape `shape`:
/// 0 `2024-01-05`, 1 `2024-01-05T13:05:00Z`, 2 `2024-01-05T13:05:00+08:00`, 3 `2024/1/5 13:05`,
/// 4 `2024年1月5日`, 5 `20240105`. The written wall-clock date is always the date `d`.
pub fn push_timestamp(out: &mut String, d: Ymd, secs: u32, style: DateStyle, shape: u8) {
    match style {
        DateStyle::Iso => {
            iso_date(out, d, '-');
            out.push(' ');
            clock(out, secs, true);
        }
        DateStyle::Dmy | DateStyle::Mdy => {
            push_date(out, d, style, shape);
            out.push(' ');
            clock(out, secs, false);
        }
        DateStyle::Mixed => mixed(out, d, secs, shape, true),
    }
}

fn iso_date(out: &mut String, d: Ymd, sep: char) {
    push_uint(out, d.year.into(), 4);
    out.push(sep);
    push_uint(out, d.month.into(), 2);
    out.push(sep);
    push_uint(out, d.day.into(), 2);
}

fn slashed(out: &mut String, first: u32, second: u32, year: u32) {
    push_uint(out, first.into(), 2);
    out.push('/');
    push_uint(out, second.into(), 2);
    out.push('/');
    push_uint(out, year.into(), 4);
}

fn clock(out: &mut String, secs: u32, seconds: bool) {
    push_uint(out, (secs / 3600).into(), 2);
    out.push(':');
    push_uint(out, (secs / 60 % 60).into(), 2);
    if seconds {
        out.push(':');
        push_uint(out, (secs % 60).into(), 2);
    }
}

fn mixed(out: &mut String, d: Ymd, secs: u32, shape: u8, with_time: bool) {
    match shape {
        1 | 2 => {
            iso_date(out, d, '-');
            out.push('T');
            clock(out, secs, true);
            out.push_str(if shape == 1 { "Z" } else { "+08:00" });
        }
        3 => {
            push_uint(out, d.year.into(), 4);
            out.push('/');
            push_uint(out, d.month.into(), 1);
            out.push('/');
            push_uint(out, d.day.into(), 1);
            if with_time {
                out.push(' ');
                clock(out, secs, false);
            }
        }
        4 => {
            push_uint(out, d.year.into(), 4);
            out.push('年');
            push_uint(out, d.month.into(), 1);
            out.push('月');
            push_uint(out, d.day.into(), 1);
            out.push('日');
        }
        5 => {
            push_uint(out, d.year.into(), 4);
            push_uint(out, d.month.into(), 2);
            push_uint(out, d.day.into(), 2);
        }
        _ => iso_date(out, d, '-'),
    }
}

/// How an amount is written.
#[derive(Clone, Copy, Debug)]
pub struct AmountStyle {
    /// `,` as decimal separator and `.` between thousands.
    pub decimal_comma: bool,
    /// Separate thousands.
    pub grouped: bool,
    /// Leave out `.00` on whole amounts.
    pub drop_zero_cents: bool,
}

/// Appends `cents / 100` with two decimals (a leading `-` when negative).
pub fn push_amount(out: &mut String, cents: i64, style: AmountStyle) {
    if cents < 0 {
        out.push('-');
    }
    let abs = cents.unsigned_abs();
    let (point, thousands) = if style.decimal_comma { (',', '.') } else { ('.', ',') };
    let units = abs / 100;
    if style.grouped && units >= 1000 {
        let mut groups = [0u64; 7];
        let mut n = 0;
        let mut rest = units;
        while rest >= 1000 {
            groups[n] = rest % 1000;
            rest /= 1000;
            n += 1;
        }
        push_uint(out, rest, 1);
        for g in groups[..n].iter().rev() {
            out.push(thousands);
            push_uint(out, *g, 3);
        }
    } else {
        push_uint(out, units, 1);
    }
    if !(style.drop_zero_cents && abs.is_multiple_of(100)) {
        out.push(point);
        push_uint(out, abs % 100, 2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: Ymd = Ymd {
        year: 2024,
        month: 1,
        day: 5,
    };
    const SECS: u32 = 13 * 3600 + 5 * 60 + 7;

    fn ts(style: DateStyle, shape: u8) -> String {
        let mut s = String::new();
        push_timestamp(&mut s, D, SECS, style, shape);
        s
    }

    #[test]
    fn timestamps() {
        assert_eq!(ts(DateStyle::Iso, 0), "2024-01-05 13:05:07");
        assert_eq!(ts(DateStyle::Dmy, 0), "05/01/2024 13:05");
        assert_eq!(ts(DateStyle::Mdy, 0), "01/05/2024 13:05");
        let shapes: Vec<String> = (0..MIXED_TIMESTAMP_SHAPES).map(|k| ts(DateStyle::Mixed, k)).collect();
        assert_eq!(
            shapes,
            [
                "2024-01-05",
                "2024-01-05T13:05:07Z",
                "2024-01-05T13:05:07+08:00",
                "2024/1/5 13:05",
                "2024年1月5日",
                "20240105"
            ]
        );
    }

    #[test]
    fn dates() {
        let mut s = String::new();
        for k in MIXED_DATE_SHAPES {
            push_date(&mut s, D, DateStyle::Mixed, k);
            s.push('|');
        }
        assert_eq!(s, "2024-01-05|2024/1/5|2024年1月5日|20240105|");
    }

    #[test]
    fn amounts() {
        let fmt = |cents, decimal_comma, grouped, drop_zero_cents| {
            let mut s = String::new();
            let style = AmountStyle {
                decimal_comma,
                grouped,
                drop_zero_cents,
            };
            push_amount(&mut s, cents, style);
            s
        };
        assert_eq!(fmt(123_450, false, false, false), "1234.50");
        assert_eq!(fmt(123_450, false, true, false), "1,234.50");
        assert_eq!(fmt(123_450, true, true, false), "1.234,50");
        assert_eq!(fmt(12_345_678_900, true, true, false), "123.456.789,00");
        assert_eq!(fmt(-1_200, false, false, true), "-12");
        assert_eq!(fmt(5, false, false, false), "0.05");
    }
}
