//! Text tests, prepared once per condition: case-insensitive, the value
//! trimmed, with a fast path for ASCII text (no allocation per customer).

use super::ast::Test;

/// A text test ready to run on many values.
pub(crate) enum TextMatcher {
    /// Equal to one of these (lowercased) values.
    Equals(Vec<String>),
    /// Contains this (lowercased) value.
    Contains(String),
}

impl TextMatcher {
    /// The matcher of a text test; `None` for tests that are not text tests.
    pub fn of(test: &Test) -> Option<TextMatcher> {
        let clean = |s: &str| s.trim().to_lowercase();
        match test {
            Test::Equals(value) => Some(TextMatcher::Equals(vec![clean(value)])),
            Test::InList(values) => Some(TextMatcher::Equals(values.iter().map(|v| clean(v)).collect())),
            Test::Contains(value) => Some(TextMatcher::Contains(clean(value))),
            _ => None,
        }
    }

    /// True when `text` passes.
    pub fn matches(&self, text: &str) -> bool {
        if text.is_ascii() {
            match self {
                TextMatcher::Equals(values) => values.iter().any(|v| text.eq_ignore_ascii_case(v)),
                TextMatcher::Contains(value) => {
                    value.is_empty()
                        || text
                            .as_bytes()
                            .windows(value.len())
                            .any(|w| w.eq_ignore_ascii_case(value.as_bytes()))
                }
            }
        } else {
            let text = text.to_lowercase();
            match self {
                TextMatcher::Equals(values) => values.contains(&text),
                TextMatcher::Contains(value) => text.contains(value.as_str()),
            }
        }
    }

    /// True when any of `names` passes (a label matches by any of its names).
    pub fn matches_any<S: AsRef<str>>(&self, names: &[S]) -> bool {
        names.iter().any(|n| self.matches(n.as_ref()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(test: Test) -> TextMatcher {
        TextMatcher::of(&test).unwrap_or(TextMatcher::Contains("\u{0}".into()))
    }

    #[test]
    fn text_tests_ignore_case_and_spaces() {
        assert!(matcher(Test::Equals(" WeChat ".into())).matches("wechat"));
        assert!(!matcher(Test::Equals("we".into())).matches("wechat"));
        assert!(matcher(Test::Contains("CHAT".into())).matches("WeChat"));
        assert!(matcher(Test::Contains("".into())).matches(""));
        assert!(matcher(Test::InList(vec!["a".into(), "Ä".into()])).matches("ä"));
        assert!(matcher(Test::Contains("客户".into())).matches("忠诚客户"));
        assert!(matcher(Test::Equals("Straße".into())).matches("STRAßE"));
        assert!(matcher(Test::Equals("x".into())).matches_any(&["y", "X"]));
        assert!(TextMatcher::of(&Test::IsSet).is_none());
    }
}
