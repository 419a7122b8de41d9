//! Numbers as the app prints them (charts, tables, KPIs): thousands separators, fixed decimals.

/// Inserts `,` every three digits of a run of ASCII digits.
fn group_thousands(digits: &str, out: &mut String) {
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
}

/// A count with thousands separators: `1,234,567`.
pub fn count(n: u64) -> String {
    let mut out = String::with_capacity(26);
    group_thousands(&n.to_string(), &mut out);
    out
}

/// Money with thousands separators and 2 decimals: `12,345.60`; non-finite
/// values print as `0.00`.
pub fn money(value: f64) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let fixed = format!("{:.2}", value.abs());
    let (whole, cents) = fixed.split_once('.').unwrap_or((&fixed, "00"));
    let mut out = String::with_capacity(fixed.len() + fixed.len() / 3 + 2);
    if value < 0.0 && fixed.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    group_thousands(whole, &mut out);
    out.push('.');
    out.push_str(cents);
    out
}

/// A share 0..1 as a percentage with one decimal: `20.0%`.
pub fn percent(share: f64) -> String {
    let share = if share.is_finite() { share } else { 0.0 };
    format!("{:.1}%", share * 100.0 + 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_get_separators() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000), "1,000");
        assert_eq!(count(1_234_567), "1,234,567");
    }

    #[test]
    fn money_gets_separators_and_cents() {
        assert_eq!(money(0.0), "0.00");
        assert_eq!(money(1234.5), "1,234.50");
        assert_eq!(money(-1234567.891), "-1,234,567.89");
        assert_eq!(money(-0.001), "0.00");
        assert_eq!(money(f64::NAN), "0.00");
    }

    #[test]
    fn percentages_have_one_decimal() {
        assert_eq!(percent(0.2), "20.0%");
        assert_eq!(percent(0.6134), "61.3%");
        assert_eq!(percent(f64::INFINITY), "0.0%");
    }
}
