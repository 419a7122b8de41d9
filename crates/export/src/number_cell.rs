//! Numbers and dates as CSV cells, written digit by digit into the output:
//! `{:.2}` formatting would otherwise dominate the export's time.

use chrono::Datelike;
use segscope_model::date::date_of;
use segscope_model::Day;
use std::fmt::Write;

/// Appends `YYYY-MM-DD`, or nothing for `None`.
pub(crate) fn push_day(out: &mut String, day: Option<Day>) {
    if let Some(day) = day {
        let date = date_of(day);
        if date.year() < 0 {
            out.push('-');
        }
        push_padded(out, date.year().unsigned_abs().into(), 4);
        out.push('-');
        push_padded(out, date.month().into(), 2);
        out.push('-');
        push_padded(out, date.day().into(), 2);
    }
}

/// Appends a number with `decimals` (at most 9) decimals, or nothing for
/// `None` or a non-finite value.
pub(crate) fn push_fixed(out: &mut String, value: Option<f64>, decimals: u32) {
    let Some(value) = value.filter(|v| v.is_finite()) else {
        return;
    };
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals);
    let scaled = (value.abs() * scale as f64).round();
    if scaled >= 1e18 {
        // Beyond exact integers: let the formatter handle it.
        let _ = write!(out, "{:.*}", decimals as usize, value);
        return;
    }
    let scaled = scaled as u64;
    if value < 0.0 && scaled > 0 {
        out.push('-');
    }
    push_padded(out, scaled / scale, 1);
    if decimals > 0 {
        out.push('.');
        push_padded(out, scaled % scale, decimals as usize);
    }
}

/// Appends a displayable value, or nothing for `None`.
pub(crate) fn push_display(out: &mut String, value: Option<impl Into<i64>>) {
    if let Some(value) = value {
        let value: i64 = value.into();
        if value < 0 {
            out.push('-');
        }
        push_padded(out, value.unsigned_abs(), 1);
    }
}

/// Appends `value` in decimal with at least `width` digits (zero-padded).
fn push_padded(out: &mut String, mut value: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    while value > 0 || digits.len() - start < width.max(1) {
        start -= 1;
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
        if start == 0 {
            break;
        }
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_exactly() {
        let cell = |f: &dyn Fn(&mut String)| {
            let mut out = String::new();
            f(&mut out);
            out
        };
        assert_eq!(cell(&|o| push_fixed(o, Some(1234.5), 2)), "1234.50");
        assert_eq!(cell(&|o| push_fixed(o, Some(0.004), 2)), "0.00");
        assert_eq!(cell(&|o| push_fixed(o, Some(-0.004), 2)), "0.00");
        assert_eq!(cell(&|o| push_fixed(o, Some(-2.5), 2)), "-2.50");
        assert_eq!(cell(&|o| push_fixed(o, Some(0.35), 4)), "0.3500");
        assert_eq!(cell(&|o| push_fixed(o, Some(1e30), 2)), format!("{:.2}", 1e30));
        assert_eq!(cell(&|o| push_fixed(o, Some(f64::NAN), 2)), "");
        assert_eq!(cell(&|o| push_display(o, Some(-42i32))), "-42");
        assert_eq!(cell(&|o| push_display(o, Some(0u32))), "0");
        assert_eq!(cell(&|o| push_day(o, Some(-1))), "1969-12-31");
        assert_eq!(cell(&|o| push_padded(o, 7, 4)), "0007");
        assert_eq!(cell(&|o| push_padded(o, u64::MAX, 1)), u64::MAX.to_string());
    }
}
