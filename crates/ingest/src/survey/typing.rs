//! What kind of question a column holds, from its header and its answers
//! (docs/product.md#surveys-and-feedback): NPS, a rating, single or multiple
//! choice, or free text.

use super::answer::{leading_score, ordinal_score, split_options, SKIPPED};
use segscope_model::QuestionKind;

/// A column's question kind with the options or scale it implies.
#[derive(Debug, Clone, PartialEq)]
pub struct Typed {
    /// The kind.
    pub kind: QuestionKind,
    /// The options of a choice question, in the order first seen.
    pub options: Vec<String>,
    /// The scale of an NPS or rating question.
    pub scale: (u8, u8),
}

/// Words in a header that make a 0–10 question an NPS question.
const NPS_WORDS: &[&str] = &[
    "recommend",
    "nps",
    "推荐",
    "推薦",
    "recomendar",
    "recommander",
    "empfehlen",
];

/// Words in a header that mark the write-in box of an "Other" option.
const WRITE_IN_WORDS: &[&str] = &["other", "please specify", "_text", "其他", "其它", "请注明", "請註明"];

/// Words in a header that ask for a count or an amount, not a rating.
const COUNT_WORDS: &[&str] = &["how many", "how much", "number of", "多少", "几次", "幾次"];

/// Words that make a "how much" header an agreement or liking scale after
/// all ("How much do you agree?").
const SCALE_WORDS: &[&str] = &[
    "agree", "like", "satisf", "同意", "认同", "認同", "喜欢", "喜歡", "满意", "滿意",
];

/// True when a header names the write-in box of an "Other" option.
pub fn is_write_in(header: &str) -> bool {
    let lower = header.to_lowercase();
    WRITE_IN_WORDS.iter().any(|w| lower.contains(w))
}

/// Most options a choice question can have before its answers read as text.
const MAX_OPTIONS: usize = 24;

/// Types a question from its header and its non-blank sample answers.
/// `separator` joins the options of a multiple-choice answer (`, ` in
/// Google Forms, `┋` in 问卷星, `,` in Qualtrics).
pub fn type_question(header: &str, answers: &[&str], separator: &str) -> Typed {
    let answers: Vec<&str> = answers
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty() && !SKIPPED.contains(a))
        .collect();
    let lower = header.to_lowercase();
    let nps_header = NPS_WORDS.iter().any(|w| lower.contains(w));
    if answers.is_empty() {
        let kind = if nps_header {
            QuestionKind::Nps
        } else {
            QuestionKind::FreeText
        };
        return scored(kind, (0, 10));
    }
    if let Some(scores) = answers.iter().map(|a| leading_score(a)).collect::<Option<Vec<u8>>>() {
        let (low, high) = (*scores.iter().min().unwrap_or(&0), *scores.iter().max().unwrap_or(&0));
        if nps_header && high <= 10 {
            return scored(QuestionKind::Nps, (0, 10));
        }
        let counts = COUNT_WORDS.iter().any(|w| lower.contains(w)) && !SCALE_WORDS.iter().any(|w| lower.contains(w));
        if let Some(scale) = rating_scale(low, high).filter(|_| !counts) {
            return scored(QuestionKind::Rating, scale);
        }
    }
    if answers.iter().all(|a| ordinal_score(a).is_some()) {
        return scored(QuestionKind::Rating, (1, 5));
    }
    if is_write_in(header) {
        return scored(QuestionKind::FreeText, (0, 0));
    }
    let mut options: Vec<String> = Vec::new();
    for a in &answers {
        if !options.iter().any(|o| o == a) {
            options.push(a.to_string());
        }
    }
    // Sentences are written, not chosen: most answers end like prose.
    let prose = options.iter().filter(|o| is_prose(o)).count();
    if prose * 2 > options.len() {
        return scored(QuestionKind::FreeText, (0, 0));
    }
    if let Some(options) = multiple_choice(&answers, separator) {
        return Typed {
            kind: QuestionKind::MultiChoice,
            options,
            scale: (0, 0),
        };
    }
    // Options recur: half as many as answers, or a yes/no kind of question.
    let repeats = options.len() * 2 <= answers.len() || (options.len() <= 2 && answers.len() > options.len());
    if options.len() <= MAX_OPTIONS && repeats && options.iter().all(|o| o.chars().count() <= 60) {
        return Typed {
            kind: QuestionKind::SingleChoice,
            options,
            scale: (0, 0),
        };
    }
    scored(QuestionKind::FreeText, (0, 0))
}

/// The options or scale of a question whose kind the user chose, from its
/// sample answers.
pub fn retype(kind: QuestionKind, answers: &[&str], separator: &str) -> Typed {
    let answers: Vec<&str> = answers
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty() && !SKIPPED.contains(a))
        .collect();
    let distinct = |pieces: &mut dyn Iterator<Item = &str>| {
        let mut options: Vec<String> = Vec::new();
        for p in pieces {
            if !options.iter().any(|o| o == p) {
                options.push(p.to_string());
            }
        }
        options
    };
    match kind {
        QuestionKind::Nps => scored(kind, (0, 10)),
        QuestionKind::Rating => {
            let scores: Vec<u8> = answers.iter().filter_map(|a| leading_score(a)).collect();
            let (low, high) = (
                scores.iter().min().copied().unwrap_or(1),
                scores.iter().max().copied().unwrap_or(5),
            );
            let ordinal = answers.iter().any(|a| ordinal_score(a).is_some());
            let scale = if ordinal { Some((1, 5)) } else { rating_scale(low, high) };
            scored(kind, scale.unwrap_or((1, 5)))
        }
        QuestionKind::SingleChoice => Typed {
            kind,
            options: distinct(&mut answers.iter().copied()),
            scale: (0, 0),
        },
        QuestionKind::MultiChoice => {
            let known = whole_answers(&answers, separator);
            let mut pieces = answers.iter().flat_map(|a| split_options(a, separator, &known));
            Typed {
                kind,
                options: distinct(&mut pieces),
                scale: (0, 0),
            }
        }
        QuestionKind::FreeText => scored(kind, (0, 0)),
    }
}

/// True for an answer that ends like a sentence — a full stop, an
/// exclamation or question mark (Chinese marks too) — which choice options
/// rarely do.
fn is_prose(answer: &str) -> bool {
    answer.trim_end().ends_with(['.', '!', '?', '。', '！', '？', '…'])
}

fn scored(kind: QuestionKind, scale: (u8, u8)) -> Typed {
    Typed {
        kind,
        options: Vec::new(),
        scale,
    }
}

/// The rating scale whole-number answers from `low` to `high` fit: 1–5,
/// 1–7, 0–10 or 1–10; none for other ranges (counts, ages, amounts).
fn rating_scale(low: u8, high: u8) -> Option<(u8, u8)> {
    match (low, high) {
        (1.., ..=5) => Some((1, 5)),
        (1.., 6..=7) => Some((1, 7)),
        (0, ..=10) => Some((0, 10)),
        (1.., 8..=10) => Some((1, 10)),
        _ => None,
    }
}

/// The options of a multiple-choice question, when its answers join
/// options with `separator` and the pieces recur as options: at least one
/// answer has several pieces and most pieces are seen more than once.
fn multiple_choice(answers: &[&str], separator: &str) -> Option<Vec<String>> {
    let known = whole_answers(answers, separator);
    let mut options: Vec<String> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    let mut joined = false;
    for a in answers {
        let pieces = split_options(a, separator, &known);
        joined |= pieces.len() > 1;
        for p in pieces {
            match options.iter().position(|o| *o == p) {
                Some(i) => counts[i] += 1,
                None => {
                    options.push(p.to_string());
                    counts.push(1);
                }
            }
        }
    }
    let recurring = counts.iter().filter(|&&n| n > 1).count();
    (joined && options.len() <= MAX_OPTIONS.max(answers.len() / 4) && recurring * 2 >= options.len()).then_some(options)
}

/// Answers that stand alone as one option: those without the separator.
fn whole_answers<'a>(answers: &[&'a str], separator: &str) -> Vec<&'a str> {
    let mut known: Vec<&str> = answers.iter().copied().filter(|a| !a.contains(separator)).collect();
    known.sort_unstable();
    known.dedup();
    known
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(header: &str, answers: &[&str]) -> QuestionKind {
        type_question(header, answers, ", ").kind
    }

    #[test]
    fn scores_become_nps_or_ratings() {
        let nps = type_question("How likely are you to recommend us?", &["9", "6", "10", "3"], ", ");
        assert_eq!((nps.kind, nps.scale), (QuestionKind::Nps, (0, 10)));
        let rating = type_question("Overall, how satisfied are you?", &["5", "3", "4", "1"], ", ");
        assert_eq!((rating.kind, rating.scale), (QuestionKind::Rating, (1, 5)));
        assert_eq!(type_question("Ease", &["7", "2"], ", ").scale, (1, 7));
        assert_eq!(
            type_question(
                "您向朋友推荐我们的可能性",
                &["10 - Extremely likely", "0 - Not at all"],
                ", "
            )
            .kind,
            QuestionKind::Nps
        );
        // Counts beyond 10 are no scale.
        assert_ne!(kind("How many orders?", &["3", "12", "40"]), QuestionKind::Rating);
        assert_ne!(
            kind("How many orders last month?", &["1", "2", "3", "4"]),
            QuestionKind::Rating
        );
        // "How much do you agree" is an agreement scale, not a count.
        let grid_row = "How much do you agree? [I follow fashion trends]";
        assert_eq!(kind(grid_row, &["1", "4", "5", "2", "3"]), QuestionKind::Rating);
        assert_eq!(
            kind("满意度", &["非常满意", "满意", "一般", "不满意"]),
            QuestionKind::Rating
        );
    }

    #[test]
    fn joined_answers_are_multiple_choice() {
        let t = type_question(
            "Which products?",
            &["Tea, Mugs", "Coffee", "Tea, Coffee, Gift cards", "Tea", "Mugs"],
            ", ",
        );
        assert_eq!(t.kind, QuestionKind::MultiChoice);
        assert_eq!(t.options, ["Tea", "Mugs", "Coffee", "Gift cards"]);
        let wjx = type_question("3、您常买的品类", &["服装┋鞋包", "美妆", "服装", "美妆┋鞋包"], "┋");
        assert_eq!(wjx.kind, QuestionKind::MultiChoice);
        // Sentences with commas are text, not options.
        let text = [
            "Fast delivery, thanks!",
            "The bag arrived torn, please pack better",
            "Love it",
            "Coffee was stale",
        ];
        assert_eq!(kind("Anything else?", &text), QuestionKind::FreeText);
    }

    #[test]
    fn repeated_answers_are_single_choice() {
        let t = type_question(
            "Spend per month",
            &["$50 - $100", "$0 - $50", "$50 - $100", "$0 - $50"],
            ", ",
        );
        assert_eq!((t.kind, t.options.len()), (QuestionKind::SingleChoice, 2));
        assert_eq!(kind("Gender", &["男", "女", "男"]), QuestionKind::SingleChoice);
        assert_eq!(kind("Other (please specify)", &["cake"]), QuestionKind::FreeText);
        assert_eq!(kind("Favourite", &["cake"]), QuestionKind::FreeText);
        // 问卷星's skipped marks are no answers.
        assert_eq!(kind("推荐意愿", &["(跳过)", "-3"]), QuestionKind::Nps);
    }

    #[test]
    fn a_chosen_kind_finds_its_options_or_scale() {
        let answers = ["Tea, Mugs", "Coffee", "Tea"];
        assert_eq!(
            retype(QuestionKind::MultiChoice, &answers, ", ").options,
            ["Tea", "Mugs", "Coffee"]
        );
        assert_eq!(retype(QuestionKind::SingleChoice, &answers, ", ").options.len(), 3);
        assert_eq!(retype(QuestionKind::Rating, &["2", "6"], ", ").scale, (1, 7));
        assert_eq!(retype(QuestionKind::Nps, &[], ", ").scale, (0, 10));
    }
}
