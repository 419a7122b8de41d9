//! Theme dictionaries (docs/product.md#feedback-and-reviews): each theme is
//! a list of words; a text mentions the theme when one of them occurs in it
//! and is not negated just before.

use serde::{Deserialize, Serialize};

/// Most themes a dictionary holds (a customer's themes are bits of a `u32`).
pub const MAX_THEMES: usize = 32;

/// Chinese negations, matched in the two characters before a word.
const ZH_NEGATIONS: &[&str] = &["不", "没", "未", "无", "别", "非"];
/// English negations, matched among the three words before a word.
const EN_NEGATIONS: &[&str] = &["not", "no", "never", "without", "nothing", "none", "hardly"];
/// Words of the window before an English word.
const EN_WINDOW: usize = 3;
/// Characters of the window before a Chinese word.
const ZH_WINDOW: usize = 2;

/// One theme: its name and the words that mention it (any language; matched
/// case-insensitively).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// The name shown (built-in names are translated).
    pub name: String,
    /// Words and phrases that mention it.
    pub words: Vec<String>,
}

/// The dictionary in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ThemeSettings {
    /// The themes, in the order tables list them.
    pub themes: Vec<Theme>,
}

impl Default for ThemeSettings {
    fn default() -> Self {
        let theme = |name: &str, words: &[&str]| Theme {
            name: name.into(),
            words: words.iter().map(|w| w.to_string()).collect(),
        };
        ThemeSettings {
            themes: vec![
                theme(
                    "Delivery",
                    &[
                        "物流",
                        "快递",
                        "发货",
                        "配送",
                        "送货",
                        "到货",
                        "运费",
                        "delivery",
                        "delivered",
                        "shipping",
                        "shipped",
                        "courier",
                        "arrived",
                        "postage",
                        "dispatch",
                    ],
                ),
                theme(
                    "Service",
                    &[
                        "客服",
                        "服务",
                        "态度",
                        "回复",
                        "customer service",
                        "support",
                        "staff",
                        "replied",
                        "reply",
                        "rude",
                        "helpful",
                    ],
                ),
                theme(
                    "Quality",
                    &[
                        "质量", "做工", "材质", "品质", "瑕疵", "坏", "quality", "broken", "broke", "defect", "faulty",
                        "stale", "taste",
                    ],
                ),
                theme(
                    "Price",
                    &[
                        "价格",
                        "价钱",
                        "贵",
                        "便宜",
                        "优惠",
                        "折扣",
                        "性价比",
                        "划算",
                        "price",
                        "expensive",
                        "cheap",
                        "discount",
                        "coupon",
                        "value",
                        "cost",
                    ],
                ),
                theme(
                    "Size",
                    &[
                        "尺码",
                        "尺寸",
                        "偏大",
                        "偏小",
                        "大小",
                        "size",
                        "fit",
                        "too small",
                        "too big",
                        "smaller",
                        "larger",
                        "tight",
                        "loose",
                    ],
                ),
                theme(
                    "Packaging",
                    &[
                        "包装",
                        "盒子",
                        "破损",
                        "包裹",
                        "packaging",
                        "package",
                        "box",
                        "wrapped",
                        "wrapping",
                        "torn",
                        "damaged",
                    ],
                ),
                theme(
                    "After-sales",
                    &[
                        "售后",
                        "退货",
                        "退换",
                        "换货",
                        "退款",
                        "return",
                        "refund",
                        "exchange",
                        "warranty",
                        "replacement",
                    ],
                ),
            ],
        }
    }
}

impl ThemeSettings {
    /// The first problem of the dictionary, if any: too many themes, a blank
    /// name, a theme without words.
    pub fn problem(&self) -> Option<ThemeProblem> {
        if self.themes.len() > MAX_THEMES {
            return Some(ThemeProblem::TooMany);
        }
        self.themes.iter().find_map(|t| {
            if t.name.trim().is_empty() {
                Some(ThemeProblem::BlankName)
            } else if t.words.iter().all(|w| w.trim().is_empty()) {
                Some(ThemeProblem::NoWords)
            } else {
                None
            }
        })
    }

    /// The themes `text` mentions, as bits (theme `i` is bit `i`).
    pub fn mentions(&self, text: &str) -> u32 {
        let lower = text.to_lowercase();
        let mut bits = 0u32;
        for (i, theme) in self.themes.iter().take(MAX_THEMES).enumerate() {
            if theme.words.iter().any(|w| mentioned(&lower, &w.trim().to_lowercase())) {
                bits |= 1 << i;
            }
        }
        bits
    }
}

/// What is wrong with a dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeProblem {
    /// More than [`MAX_THEMES`] themes.
    TooMany,
    /// A theme without a name.
    BlankName,
    /// A theme without words.
    NoWords,
}

impl ThemeProblem {
    /// The i18n key of the message.
    pub fn i18n_key(self) -> &'static str {
        match self {
            ThemeProblem::TooMany => "themes.problem.too_many",
            ThemeProblem::BlankName => "themes.problem.blank_name",
            ThemeProblem::NoWords => "themes.problem.no_words",
        }
    }
}

/// True when `word` (lowercase) occurs in `text` (lowercase) at least once
/// without a negation just before it. Words of ASCII letters match whole
/// words (with an `s`, `d`, `ed` or `ing` ending); others match anywhere.
fn mentioned(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let ascii = word.bytes().all(|b| b.is_ascii());
    text.match_indices(word).any(|(at, _)| {
        let before = &text[..at];
        let after = &text[at + word.len()..];
        if ascii && !(starts_word(before) && ends_word(after)) {
            return false;
        }
        !negated(before, ascii)
    })
}

fn starts_word(before: &str) -> bool {
    !before.chars().next_back().is_some_and(char::is_alphanumeric)
}

fn ends_word(after: &str) -> bool {
    let rest = ["ing", "ed", "s", "d"]
        .iter()
        .find_map(|suffix| after.strip_prefix(suffix))
        .filter(|rest| !rest.chars().next().is_some_and(char::is_alphanumeric))
        .unwrap_or(after);
    !rest.chars().next().is_some_and(char::is_alphanumeric)
}

/// True when the text before a word ends in a negation: one of the three
/// words before an English word ("not", "no", "…n't"), a negation among the
/// two characters before another word (不, 没, 未 …).
fn negated(before: &str, ascii: bool) -> bool {
    if ascii {
        let clause = before
            .rsplit(['.', ',', ';', '!', '?', '，', '。', '；', '！', '？'])
            .next()
            .unwrap_or("");
        return clause
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .rev()
            .take(EN_WINDOW)
            .any(|w| EN_NEGATIONS.contains(&w) || w.ends_with("n't"));
    }
    let window: String = {
        let chars: Vec<char> = before.chars().rev().take(ZH_WINDOW).collect();
        chars.into_iter().rev().collect()
    };
    ZH_NEGATIONS.iter().any(|n| window.contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn themes(text: &str) -> Vec<String> {
        let d = ThemeSettings::default();
        let bits = d.mentions(text);
        d.themes
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, t)| t.name.clone())
            .collect()
    }

    #[test]
    fn words_match_in_both_languages() {
        assert_eq!(themes("物流很快,包装完好"), ["Delivery", "Packaging"]);
        assert_eq!(
            themes("Delivery took three weeks and customer service never replied."),
            ["Delivery", "Service"]
        );
        assert_eq!(themes("The package arrived torn"), ["Delivery", "Packaging"]);
        assert_eq!(themes("Refunds are slow"), ["After-sales"]);
    }

    #[test]
    fn english_words_match_whole_words_only() {
        // "fit" is not in "benefit", "box" not in "inbox", "cost" not in "costume".
        assert!(themes("a real benefit, check your inbox, nice costume").is_empty());
    }

    #[test]
    fn a_negation_just_before_cancels_the_mention() {
        assert_eq!(themes("没有破损,客服态度很好"), ["Service"]);
        assert!(themes("一点都不贵").is_empty(), "不 right before 贵");
        assert_eq!(themes("价格不贵"), ["Price"], "价格 itself is not negated");
        assert!(themes("it wasn't damaged").is_empty());
        assert!(themes("no damaged items at all").is_empty());
        // Outside the window, or in another clause, the word counts.
        assert_eq!(themes("not at all happy, the box was damaged"), ["Packaging"]);
        assert_eq!(themes("不知道为什么,质量很差"), ["Quality"]);
    }

    #[test]
    fn dictionary_problems_are_found() {
        let mut d = ThemeSettings::default();
        assert_eq!(d.problem(), None);
        d.themes[0].words = vec![" ".into()];
        assert_eq!(d.problem(), Some(ThemeProblem::NoWords));
        d.themes[0].name = String::new();
        assert_eq!(d.problem(), Some(ThemeProblem::BlankName));
    }
}
