//! Example segments offered while there is none yet
//! (docs/product.md#custom-segments-and-tags): three rules a marketer often
//! starts from, named in the reader's language, to edit or delete.

use super::ast::{CmpOp, Node, Test};
use super::field::Field;
use super::segments::SegmentRule;
use crate::texts::t;
use segscope_i18n::Lang;

/// Big spenders slipping away, recent one-time buyers, and loyal regulars.
pub fn example_segments(lang: Lang) -> Vec<SegmentRule> {
    let cmp = |field, op, value| Node::cond(field, Test::Cmp { op, value });
    vec![
        SegmentRule {
            name: t(lang, "rules.example.slipping").to_string(),
            rule: Node::All(vec![
                Node::cond(
                    Field::RfmSegment,
                    Test::InList(vec!["At Risk".into(), "Can't Lose Them".into()]),
                ),
                cmp(Field::MScore, CmpOp::Ge, 4.0),
            ]),
        },
        SegmentRule {
            name: t(lang, "rules.example.one_time").to_string(),
            rule: Node::All(vec![
                cmp(Field::Orders, CmpOp::Eq, 1.0),
                cmp(Field::RecencyDays, CmpOp::Le, 90.0),
            ]),
        },
        SegmentRule {
            name: t(lang, "rules.example.regulars").to_string(),
            rule: Node::All(vec![
                cmp(Field::Orders, CmpOp::Ge, 5.0),
                cmp(Field::RecencyDays, CmpOp::Le, 60.0),
            ]),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::custom::rules::{CustomSegments, Mode};

    #[test]
    fn examples_are_valid_rules_in_both_languages() {
        for lang in [Lang::En, Lang::Zh] {
            let segments = CustomSegments {
                mode: Mode::Tags,
                segments: example_segments(lang),
            };
            assert_eq!(segments.segments.len(), 3);
            assert_eq!(segments.validate(), Vec::new(), "{lang:?}");
        }
    }
}
