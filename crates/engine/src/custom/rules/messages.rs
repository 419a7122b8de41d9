//! Problems and warnings in words, in either UI language.

use super::field::Field;
use super::problem::RuleProblem;
use super::segments::{MAX_DEPTH, MAX_RULES};
use super::warning::RuleWarning;
use crate::texts::t;
use segscope_i18n::Lang;

/// `template` with each `{name}` replaced by its value.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_string(), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), value)
    })
}

/// A name in quotes, as the language writes them.
fn quoted(lang: Lang, name: &str) -> String {
    fill(t(lang, "rules.quoted"), &[("name", name)])
}

/// Names in quotes, listed.
fn quoted_list(lang: Lang, names: &[String]) -> String {
    let names: Vec<String> = names.iter().map(|n| quoted(lang, n)).collect();
    names.join(t(lang, "rules.list_sep"))
}

fn field_name(lang: Lang, field: &Field) -> &'static str {
    t(lang, field.i18n_key())
}

impl RuleProblem {
    /// The problem as a sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let (template, values): (&str, Vec<(&str, String)>) = match self {
            RuleProblem::BadJson { detail } => (t(lang, "rules.problem.bad_json"), vec![("detail", detail.clone())]),
            RuleProblem::TooManyRules { count } => (
                t(lang, "rules.problem.too_many"),
                vec![("count", count.to_string()), ("max", MAX_RULES.to_string())],
            ),
            RuleProblem::EmptyName { position } => (
                t(lang, "rules.problem.empty_name"),
                vec![("n", (position + 1).to_string())],
            ),
            RuleProblem::DuplicateName { name } => (
                t(lang, "rules.problem.duplicate_name"),
                vec![("name", quoted(lang, name))],
            ),
            RuleProblem::EmptyOtherName => (t(lang, "rules.problem.empty_other"), vec![]),
            RuleProblem::OtherNameTaken { name } => {
                (t(lang, "rules.problem.other_taken"), vec![("name", quoted(lang, name))])
            }
            RuleProblem::TooDeep { segment } => (
                t(lang, "rules.problem.too_deep"),
                vec![("segment", quoted(lang, segment)), ("max", MAX_DEPTH.to_string())],
            ),
            RuleProblem::UnknownSegment { segment, target } => (
                t(lang, "rules.problem.unknown_segment"),
                vec![("segment", quoted(lang, segment)), ("target", quoted(lang, target))],
            ),
            RuleProblem::Cycle { names } => (
                t(lang, "rules.problem.cycle"),
                vec![("names", quoted_list(lang, names))],
            ),
            RuleProblem::MinAboveMax { segment, field } => (
                t(lang, "rules.problem.min_above_max"),
                vec![
                    ("segment", quoted(lang, segment)),
                    ("field", field_name(lang, field).into()),
                ],
            ),
            RuleProblem::NotANumber { segment, field } => (
                t(lang, "rules.problem.not_a_number"),
                vec![
                    ("segment", quoted(lang, segment)),
                    ("field", field_name(lang, field).into()),
                ],
            ),
            RuleProblem::WrongTest { segment, field, test } => (
                t(lang, "rules.problem.wrong_test"),
                vec![
                    ("segment", quoted(lang, segment)),
                    ("field", field_name(lang, field).into()),
                    ("test", t(lang, test.i18n_key()).into()),
                ],
            ),
            RuleProblem::EmptyList { segment, field } => (
                t(lang, "rules.problem.empty_list"),
                vec![
                    ("segment", quoted(lang, segment)),
                    ("field", field_name(lang, field).into()),
                ],
            ),
        };
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(template, &values)
    }
}

impl RuleWarning {
    /// The warning as a sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RuleWarning::Unsatisfiable { name, .. } => {
                fill(t(lang, "rules.warn.unsatisfiable"), &[("name", &quoted(lang, name))])
            }
            RuleWarning::NoMatches { name, .. } => {
                fill(t(lang, "rules.warn.no_matches"), &[("name", &quoted(lang, name))])
            }
            RuleWarning::Shadowed { name, by, .. } => fill(
                t(lang, "rules.warn.shadowed"),
                &[("name", &quoted(lang, name)), ("by", &quoted_list(lang, by))],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::ast::Test;
    use super::*;

    #[test]
    fn messages_name_what_is_wrong_in_both_languages() {
        let p = RuleProblem::WrongTest {
            segment: "VIP".into(),
            field: Field::Revenue,
            test: Test::Contains("x".into()),
        };
        assert_eq!(p.message(Lang::En), "In “VIP”, “contains” cannot be used on Revenue.");
        assert_eq!(p.message(Lang::Zh), "「VIP」中的收入不能使用「包含」条件。");
        let w = RuleWarning::Shadowed {
            segment: 2,
            name: "C".into(),
            by: vec!["A".into(), "B".into()],
        };
        assert_eq!(
            w.message(Lang::En),
            "“C” gets no customer: everyone it matches is already in “A”, “B”."
        );
        assert_eq!(
            w.message(Lang::Zh),
            "「C」分不到任何客户:它匹配的客户都已归入「A」、「B」。"
        );
        let cycle = RuleProblem::Cycle {
            names: vec!["a".into(), "b".into()],
        };
        assert!(cycle.message(Lang::En).contains("“a”, “b”"));
        assert!(!RuleProblem::EmptyOtherName.message(Lang::Zh).contains('{'));
    }
}
