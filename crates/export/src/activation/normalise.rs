//! Contact details in the forms the platforms match on, before they are
//! written or hashed (docs/export/activation.md#normalising).

use super::countries::Country;

/// A trimmed, lowercased e-mail address; `None` unless it has one `@` with
/// text on both sides, a dot in the domain and no whitespace.
pub(crate) fn email(raw: &str) -> Option<String> {
    let e = raw.trim().trim_matches(|c| c == '<' || c == '>').to_lowercase();
    let (local, domain) = e.split_once('@')?;
    let plausible = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !e.chars().any(char::is_whitespace);
    plausible.then_some(e)
}

/// A name, city or state lowercased with punctuation and symbols removed
/// and whitespace collapsed (`keep_spaces`) or removed; letters of every
/// script are kept as they are (UTF-8).
pub(crate) fn words(raw: &str, keep_spaces: bool) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        let letters: String = word
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if letters.is_empty() {
            continue;
        }
        if keep_spaces && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&letters);
    }
    (!out.is_empty()).then_some(out)
}

/// A postal code lowercased without spaces or dashes; a US ZIP+4 keeps its
/// first five digits.
pub(crate) fn zip(raw: &str, country: Option<&Country>) -> Option<String> {
    let z: String = raw
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if z.is_empty() {
        return None;
    }
    if country.is_some_and(|c| c.iso2 == "US") && z.len() >= 5 && z.bytes().all(|b| b.is_ascii_digit()) {
        return Some(z[..5].to_string());
    }
    Some(z)
}

/// A phone number as its country calling code followed by the national
/// number (E.164 without the `+`), or `None` when it cannot be one: too few
/// or too many digits, or no country code in the cell and no `fallback`
/// country to take it from.
pub(crate) fn phone(raw: &str, fallback: Option<&Country>) -> Option<String> {
    let cell = raw.trim().trim_start_matches('\'');
    // An extension ("ext. 12", "x12", "转 12") is not part of the number.
    let number = cell
        .find(|c: char| c.is_alphabetic() || c == '转' || c == '#')
        .map_or(cell, |at| &cell[..at]);
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let international = if number.trim_start().starts_with('+') {
        Some(digits.as_str())
    } else if let Some(rest) = digits.strip_prefix("00") {
        Some(rest)
    } else {
        fallback
            .filter(|c| c.calling == "1")
            .and_then(|_| digits.strip_prefix("011"))
    };
    let e164 = match international {
        Some(d) => d.to_string(),
        None => national_to_e164(&digits, fallback?)?,
    };
    (8..=15).contains(&e164.len()).then_some(e164)
}

/// A number written without `+` or an international prefix, in `country`:
/// its trunk prefix dropped and the calling code put in front, unless it
/// already starts with the calling code and is too long to be national.
fn national_to_e164(digits: &str, country: &Country) -> Option<String> {
    let fits = |n: &str| (usize::from(country.min_digits)..=usize::from(country.max_digits)).contains(&n.len());
    if let Some(national) = digits.strip_prefix(country.calling) {
        let longest_national = usize::from(country.max_digits) + country.trunk.len();
        if digits.len() > longest_national && fits(national) {
            return Some(digits.to_string());
        }
    }
    let national = match digits.strip_prefix(country.trunk) {
        Some(rest) if !country.trunk.is_empty() && fits(rest) => rest,
        _ => digits,
    };
    fits(national).then(|| format!("{}{national}", country.calling))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::countries::country_by_code;

    fn c(code: &str) -> Option<&'static Country> {
        country_by_code(code)
    }

    #[test]
    fn emails_are_trimmed_lowercased_and_checked() {
        assert_eq!(
            email("  John.Doe@Example.COM ").as_deref(),
            Some("john.doe@example.com")
        );
        assert_eq!(email("no-at-sign.example.com"), None);
        assert_eq!(email("a@b"), None);
        assert_eq!(email("a b@example.com"), None);
        assert_eq!(email("a@@example.com"), None);
    }

    #[test]
    fn phones_get_their_calling_code() {
        assert_eq!(phone("+86 138 0013 8000", None).as_deref(), Some("8613800138000"));
        assert_eq!(phone("'+14155550101", None).as_deref(), Some("14155550101"));
        assert_eq!(phone("0086 138 0013 8000", None).as_deref(), Some("8613800138000"));
        assert_eq!(phone("138-0013-8000", c("CN")).as_deref(), Some("8613800138000"));
        assert_eq!(phone("138-0013-8000", None), None);
        assert_eq!(phone("(616) 954-7888", c("US")).as_deref(), Some("16169547888"));
        assert_eq!(phone("1 616 954 7888", c("US")).as_deref(), Some("16169547888"));
        assert_eq!(phone("011 44 20 7946 0958", c("US")).as_deref(), Some("442079460958"));
        assert_eq!(phone("07700 900123", c("GB")).as_deref(), Some("447700900123"));
        assert_eq!(phone("447700900123", c("GB")).as_deref(), Some("447700900123"));
        assert_eq!(phone("06 12 34 56 78", c("FR")).as_deref(), Some("33612345678"));
        assert_eq!(phone("+1 616 954 7888 ext. 12", None).as_deref(), Some("16169547888"));
        assert_eq!(phone("12", c("US")), None);
        assert_eq!(phone("", c("US")), None);
    }

    #[test]
    fn italian_numbers_keep_their_leading_zero() {
        assert_eq!(phone("06 6982 1234", c("IT")).as_deref(), Some("390669821234"));
    }

    #[test]
    fn names_cities_and_zips_lose_punctuation() {
        assert_eq!(words(" Mary-Ann  O'Neil ", true).as_deref(), Some("maryann oneil"));
        assert_eq!(words("São Paulo", false).as_deref(), Some("sãopaulo"));
        assert_eq!(words("张伟", true).as_deref(), Some("张伟"));
        assert_eq!(words(" - ", true), None);
        assert_eq!(zip("94103-1234", c("US")).as_deref(), Some("94103"));
        assert_eq!(zip("SW1A 1AA", c("GB")).as_deref(), Some("sw1a1aa"));
        assert_eq!(zip("01310-100", c("BR")).as_deref(), Some("01310100"));
    }
}
