//! One cell of a survey export read as an answer to its question
//! (docs/product.md#surveys-and-feedback).

use super::{clean, SurveyQuestion};
use segscope_model::{Answer, QuestionKind};

/// Cells that mean "not answered": 问卷星 writes `(跳过)` for a skipped
/// question and, in coded exports, `-2` (skipped by logic) and `-3` (not
/// shown); SurveyMonkey and others leave the cell blank.
pub const SKIPPED: &[&str] = &["(跳过)", "（跳过）", "(空)", "-2", "-3", "N/A", "n/a"];

/// Five-point answer words, worst first, that read as ratings 1–5.
const ORDINALS: [&[&str]; 5] = [
    &[
        "very dissatisfied",
        "strongly disagree",
        "very poor",
        "非常不满意",
        "很不满意",
        "非常不同意",
        "很差",
        "非常差",
        "差评",
    ],
    &["dissatisfied", "disagree", "poor", "不满意", "不同意", "较差", "差"],
    &[
        "neutral",
        "neither satisfied nor dissatisfied",
        "neither agree nor disagree",
        "fair",
        "一般",
        "中立",
        "还行",
        "中评",
    ],
    &["satisfied", "agree", "good", "满意", "同意", "比较满意", "较好", "好"],
    &[
        "very satisfied",
        "strongly agree",
        "excellent",
        "very good",
        "非常满意",
        "很满意",
        "非常同意",
        "非常好",
        "很好",
        "好评",
    ],
];

/// The whole number an answer starts with (`9`, `10 - Extremely likely`,
/// `4分`), if it is 0–100 and followed by nothing, a space, a dash or a
/// unit.
pub fn leading_score(answer: &str) -> Option<u8> {
    let a = answer.trim();
    let digits = a.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = a[digits..].trim_start();
    let unit = rest.is_empty()
        || rest.starts_with(['-', '–', '—', '(', '（', '分', '星', '=', ':'])
        || a[digits..].starts_with(' ');
    let value: u32 = a[..digits].parse().ok()?;
    (unit && value <= 100).then_some(value as u8)
}

/// The 1–5 rating of a satisfaction or agreement word, if it is one.
pub fn ordinal_score(answer: &str) -> Option<u8> {
    let a = answer.trim().to_lowercase();
    ORDINALS
        .iter()
        .position(|words| words.contains(&a.as_str()))
        .map(|i| i as u8 + 1)
}

/// The options a multiple-choice answer joins with `separator`: an option
/// that itself contains the separator is kept whole when it is in `known`
/// (options seen alone).
pub fn split_options<'a>(answer: &'a str, separator: &str, known: &[&str]) -> Vec<&'a str> {
    let mut pieces = Vec::new();
    let mut rest = answer.trim();
    while !rest.is_empty() {
        let whole = known
            .iter()
            .filter(|k| k.contains(separator) && rest.starts_with(**k))
            .filter(|k| rest[k.len()..].is_empty() || rest[k.len()..].starts_with(separator))
            .max_by_key(|k| k.len());
        let end = match whole {
            Some(k) => k.len(),
            None => rest.find(separator).unwrap_or(rest.len()),
        };
        let piece = rest[..end].trim();
        if !piece.is_empty() {
            pieces.push(piece);
        }
        rest = rest[end..].strip_prefix(separator).unwrap_or(&rest[end..]).trim_start();
    }
    pieces
}

/// Reads `cell` as an answer to `question`; a cell that does not fit (a
/// word in a score column, an option not in the list) is missing.
pub fn read_answer(cell: &str, question: &SurveyQuestion) -> Answer {
    let separator = question.separator.as_str();
    let cell = clean(cell);
    if cell.is_empty() || SKIPPED.contains(&cell) {
        return Answer::Missing;
    }
    match question.kind {
        QuestionKind::Nps | QuestionKind::Rating => leading_score(cell)
            .or_else(|| ordinal_score(cell))
            .filter(|s| (question.scale.0..=question.scale.1).contains(s))
            .map_or(Answer::Missing, Answer::Score),
        QuestionKind::SingleChoice => option_index(question, cell).map_or(Answer::Missing, Answer::Choice),
        QuestionKind::MultiChoice => {
            let known: Vec<&str> = question.options.iter().map(String::as_str).collect();
            let bits = split_options(cell, separator, &known)
                .into_iter()
                .filter_map(|piece| option_index(question, piece))
                .filter(|&i| i < 64)
                .fold(0u64, |bits, i| bits | (1 << i));
            if bits == 0 {
                Answer::Missing
            } else {
                Answer::Options(bits)
            }
        }
        QuestionKind::FreeText => Answer::Text(cell.to_string()),
    }
}

fn option_index(question: &SurveyQuestion, answer: &str) -> Option<u16> {
    question
        .options
        .iter()
        .position(|o| o == answer)
        .and_then(|i| u16::try_from(i).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: QuestionKind, options: &[&str], scale: (u8, u8)) -> SurveyQuestion {
        SurveyQuestion {
            columns: vec![0],
            text: "q".into(),
            kind,
            options: options.iter().map(|s| s.to_string()).collect(),
            scale,
            separator: if kind == QuestionKind::MultiChoice {
                ", ".into()
            } else {
                ",".into()
            },
        }
    }

    #[test]
    fn scores_are_read_from_numbers_words_and_labels() {
        let nps = question(QuestionKind::Nps, &[], (0, 10));
        assert_eq!(read_answer("10 - Extremely likely", &nps), Answer::Score(10));
        assert_eq!(read_answer(" 0 ", &nps), Answer::Score(0));
        assert_eq!(read_answer("11", &nps), Answer::Missing);
        assert_eq!(read_answer("-3", &nps), Answer::Missing);
        assert_eq!(read_answer("(跳过)", &nps), Answer::Missing);
        let rating = question(QuestionKind::Rating, &[], (1, 5));
        assert_eq!(read_answer("非常满意", &rating), Answer::Score(5));
        assert_eq!(read_answer("4分", &rating), Answer::Score(4));
        assert_eq!(read_answer("Dissatisfied", &rating), Answer::Score(2));
        assert_eq!(leading_score("3 orders"), Some(3));
        assert_eq!(leading_score("3rd"), None);
        assert_eq!(leading_score("2024-05-01"), None);
    }

    #[test]
    fn options_split_against_the_known_ones() {
        let known = ["Tea, green", "Coffee"];
        assert_eq!(
            split_options("Tea, green, Coffee", ", ", &known),
            ["Tea, green", "Coffee"]
        );
        assert_eq!(split_options("A┋B┋C", "┋", &[]), ["A", "B", "C"]);
        let multi = question(QuestionKind::MultiChoice, &["Tea", "Mugs", "Coffee"], (0, 0));
        assert_eq!(read_answer("Coffee, Tea", &multi), Answer::Options(0b101));
        assert_eq!(read_answer("Cake", &multi), Answer::Missing);
        let single = question(QuestionKind::SingleChoice, &["男", "女"], (0, 0));
        assert_eq!(read_answer("女", &single), Answer::Choice(1));
        let text = question(QuestionKind::FreeText, &[], (0, 0));
        assert_eq!(read_answer("ok\0\0", &text), Answer::Text("ok".into()));
    }
}
