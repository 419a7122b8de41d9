//! Parsing of profile cells: gender words and ages (docs/product.md#inputs customers).

use super::value::trim;
use segscope_model::Gender;

const FEMALE: &[&str] = &["f", "female", "woman", "w", "女", "女性", "女士"];
const MALE: &[&str] = &["m", "male", "man", "男", "男性", "先生"];
const UNKNOWN: &[&str] = &["", "unknown", "n/a", "na", "-", "未知", "保密", "未填写"];

/// Reads a gender cell: English or Chinese words, one-letter codes; any
/// other non-empty value is [`Gender::Other`].
pub fn parse_gender(raw: &[u8]) -> Gender {
    let text = String::from_utf8_lossy(trim(raw)).to_lowercase();
    if FEMALE.contains(&text.as_str()) {
        Gender::Female
    } else if MALE.contains(&text.as_str()) {
        Gender::Male
    } else if UNKNOWN.contains(&text.as_str()) {
        Gender::Unknown
    } else {
        Gender::Other
    }
}

/// Reads an age in whole years (`34`, `34岁`, `34.0`); `None` outside 0–120.
pub fn parse_age(raw: &[u8]) -> Option<u8> {
    let text = String::from_utf8_lossy(trim(raw));
    let number = text.trim_end_matches('岁').trim();
    let years: f64 = number.parse().ok()?;
    (years.is_finite() && (0.0..=120.0).contains(&years)).then(|| years.floor() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genders_in_both_languages() {
        assert_eq!(parse_gender(b" Female "), Gender::Female);
        assert_eq!(parse_gender("男".as_bytes()), Gender::Male);
        assert_eq!(parse_gender(b"M"), Gender::Male);
        assert_eq!(parse_gender("保密".as_bytes()), Gender::Unknown);
        assert_eq!(parse_gender(b"non-binary"), Gender::Other);
        assert_eq!(parse_gender(&[0xff]), Gender::Other);
    }

    #[test]
    fn ages_are_whole_years_in_range() {
        assert_eq!(parse_age(b"34"), Some(34));
        assert_eq!(parse_age("28岁".as_bytes()), Some(28));
        assert_eq!(parse_age(b"40.7"), Some(40));
        assert_eq!(parse_age(b"-3"), None);
        assert_eq!(parse_age(b"300"), None);
        assert_eq!(parse_age(b"NaN"), None);
        assert_eq!(parse_age(b"abc"), None);
    }
}
