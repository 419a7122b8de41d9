//! The plain inputs of the generic charts: texts the caller has already
//! localized, named series of numbers, and how to print a value.

use segscope_model::format::{money, percent};

/// Printed for a value that is missing or not a finite number.
pub const NO_VALUE: &str = "—";

/// The texts of one generic chart, already in the reader's language. Empty
/// texts are simply not drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChartText<'a> {
    /// Prefix of the chart's element ids; must be unique on the page, e.g.
    /// `segscope-sources`.
    pub id: &'a str,
    /// Visible title and accessible name.
    pub title: &'a str,
    /// Accessible description: one or two sentences on what the chart shows.
    pub desc: &'a str,
    /// Title of the horizontal axis.
    pub x_label: &'a str,
    /// Title of the vertical axis.
    pub y_label: &'a str,
}

/// One named series of values, one per category (missing or non-finite
/// values are drawn as gaps).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    /// Name shown in the legend and on hover.
    pub name: String,
    /// Values, in category order.
    pub values: Vec<f64>,
}

impl Series {
    /// A series named `name` with `values`.
    pub fn new(name: impl Into<String>, values: Vec<f64>) -> Series {
        Series {
            name: name.into(),
            values,
        }
    }
}

/// How values are printed on marks, axes and hover texts. Units that need
/// words (days, customers) belong in the axis title or series name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ValueFormat {
    /// Whole numbers with thousands separators: `1,235`.
    #[default]
    Count,
    /// Two decimals with thousands separators: `1,234.50`.
    Money,
    /// A share 0..1 as a percentage with one decimal: `20.0%`.
    Percent,
    /// One decimal, for durations in days: `12.5`.
    Days,
    /// Two decimals with thousands separators: `0.25`.
    Decimal,
}

impl ValueFormat {
    /// `value` as printed on a mark or hover text; `—` if it is not finite.
    pub fn format(self, value: f64) -> String {
        // A share beyond ±1e306 would print as an infinite percentage.
        if !value.is_finite() || (self == ValueFormat::Percent && !(value * 100.0).is_finite()) {
            return NO_VALUE.to_string();
        }
        match self {
            ValueFormat::Count => fixed(value, 0),
            ValueFormat::Money => money(value),
            ValueFormat::Percent => percent(value),
            ValueFormat::Days => fixed(value, 1),
            ValueFormat::Decimal => fixed(value, 2),
        }
    }

    /// `value` as printed on an axis tick: like [`ValueFormat::format`] but
    /// without all-zero decimals (`20%`, `1,000`).
    pub fn tick(self, value: f64) -> String {
        let text = self.format(value);
        let Some(point) = text.find('.') else {
            return text;
        };
        let decimals = text[point + 1..].bytes().take_while(u8::is_ascii_digit).count();
        if text[point + 1..point + 1 + decimals].bytes().all(|b| b == b'0') {
            format!("{}{}", &text[..point], &text[point + 1 + decimals..])
        } else {
            text
        }
    }

    /// The smallest tick step worth showing: one unit of the last printed
    /// decimal.
    pub fn min_step(self) -> f64 {
        match self {
            ValueFormat::Count => 1.0,
            ValueFormat::Money | ValueFormat::Decimal => 0.01,
            ValueFormat::Percent => 0.001,
            ValueFormat::Days => 0.1,
        }
    }
}

/// A finite `value` with `decimals` decimals and thousands separators; no
/// minus sign when it rounds to zero.
fn fixed(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 1);
    if value < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push('-');
    }
    let len = whole.len();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_per_format() {
        assert_eq!(ValueFormat::Count.format(1234.6), "1,235");
        assert_eq!(ValueFormat::Count.format(-0.2), "0");
        assert_eq!(ValueFormat::Count.format(-1234.0), "-1,234");
        assert_eq!(ValueFormat::Money.format(1234.5), "1,234.50");
        assert_eq!(ValueFormat::Percent.format(0.2), "20.0%");
        assert_eq!(ValueFormat::Days.format(12.46), "12.5");
        assert_eq!(ValueFormat::Decimal.format(0.25), "0.25");
        assert_eq!(ValueFormat::Decimal.format(f64::NAN), NO_VALUE);
        assert_eq!(ValueFormat::Count.format(f64::INFINITY), NO_VALUE);
        assert_eq!(ValueFormat::Percent.format(f64::MAX), NO_VALUE);
        assert_eq!(ValueFormat::Count.format(1e20), "100,000,000,000,000,000,000");
    }

    #[test]
    fn ticks_drop_zero_decimals() {
        assert_eq!(ValueFormat::Percent.tick(0.2), "20%");
        assert_eq!(ValueFormat::Percent.tick(0.025), "2.5%");
        assert_eq!(ValueFormat::Money.tick(1000.0), "1,000");
        assert_eq!(ValueFormat::Money.tick(0.5), "0.50");
        assert_eq!(ValueFormat::Days.tick(30.0), "30");
        assert_eq!(ValueFormat::Count.tick(-3.0), "-3");
    }
}
