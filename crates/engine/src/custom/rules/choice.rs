//! What the rule builder offers: the tests that fit a field, each as one
//! choice, and how a choice becomes a [`Test`] (keeping the value typed so
//! far where it still fits). Fields are named by their JSON names.

use super::ast::{CmpOp, Test};
use super::field::{Field, FieldKind};
use chrono::NaiveDate;

/// One entry of the builder's test select.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestChoice {
    /// A comparison.
    Cmp(CmpOp),
    /// An inclusive range.
    Between,
    /// Text equals.
    Equals,
    /// Text contains.
    Contains,
    /// Text is one of a list.
    InList,
    /// Date before.
    Before,
    /// Date after.
    After,
    /// Date within the last days.
    WithinDays,
    /// No value (or not in the segment).
    IsEmpty,
    /// A value (or in the segment).
    IsSet,
}

const NUMERIC: [TestChoice; 9] = [
    TestChoice::Cmp(CmpOp::Ge),
    TestChoice::Cmp(CmpOp::Gt),
    TestChoice::Cmp(CmpOp::Le),
    TestChoice::Cmp(CmpOp::Lt),
    TestChoice::Cmp(CmpOp::Eq),
    TestChoice::Cmp(CmpOp::Ne),
    TestChoice::Between,
    TestChoice::IsEmpty,
    TestChoice::IsSet,
];
const TEXT: [TestChoice; 5] = [
    TestChoice::Equals,
    TestChoice::Contains,
    TestChoice::InList,
    TestChoice::IsEmpty,
    TestChoice::IsSet,
];
const DATE: [TestChoice; 5] = [
    TestChoice::WithinDays,
    TestChoice::Before,
    TestChoice::After,
    TestChoice::IsEmpty,
    TestChoice::IsSet,
];
const SEGMENT: [TestChoice; 2] = [TestChoice::IsSet, TestChoice::IsEmpty];

impl TestChoice {
    /// The choices that fit a field of `kind`, the default first.
    pub fn for_kind(kind: FieldKind) -> &'static [TestChoice] {
        match kind {
            FieldKind::Numeric => &NUMERIC,
            FieldKind::Text => &TEXT,
            FieldKind::Date => &DATE,
            FieldKind::Segment => &SEGMENT,
        }
    }

    /// The choice a test was made from.
    pub fn of(test: &Test) -> TestChoice {
        match test {
            Test::Cmp { op, .. } => TestChoice::Cmp(*op),
            Test::Between { .. } => TestChoice::Between,
            Test::Equals(_) => TestChoice::Equals,
            Test::Contains(_) => TestChoice::Contains,
            Test::InList(_) => TestChoice::InList,
            Test::Before(_) => TestChoice::Before,
            Test::After(_) => TestChoice::After,
            Test::WithinDays(_) => TestChoice::WithinDays,
            Test::IsEmpty => TestChoice::IsEmpty,
            Test::IsSet => TestChoice::IsSet,
        }
    }

    /// A stable id for the select's option values.
    pub fn id(self) -> &'static str {
        match self {
            TestChoice::Cmp(CmpOp::Lt) => "lt",
            TestChoice::Cmp(CmpOp::Le) => "le",
            TestChoice::Cmp(CmpOp::Gt) => "gt",
            TestChoice::Cmp(CmpOp::Ge) => "ge",
            TestChoice::Cmp(CmpOp::Eq) => "eq",
            TestChoice::Cmp(CmpOp::Ne) => "ne",
            TestChoice::Between => "between",
            TestChoice::Equals => "equals",
            TestChoice::Contains => "contains",
            TestChoice::InList => "in_list",
            TestChoice::Before => "before",
            TestChoice::After => "after",
            TestChoice::WithinDays => "within_days",
            TestChoice::IsEmpty => "is_empty",
            TestChoice::IsSet => "is_set",
        }
    }

    /// The choice with `id` among those of `kind`.
    pub fn from_id(kind: FieldKind, id: &str) -> Option<TestChoice> {
        Self::for_kind(kind).iter().copied().find(|c| c.id() == id)
    }

    /// The label: a symbol for comparisons, else the i18n key of the test
    /// (segment fields say "in" / "not in").
    pub fn label(self, kind: FieldKind) -> Label {
        match (self, kind) {
            (TestChoice::Cmp(op), _) => Label::Symbol(match op {
                CmpOp::Lt => "<",
                CmpOp::Le => "≤",
                CmpOp::Gt => ">",
                CmpOp::Ge => "≥",
                CmpOp::Eq => "=",
                CmpOp::Ne => "≠",
            }),
            (TestChoice::IsSet, FieldKind::Segment) => Label::Key("rules.in_segment"),
            (TestChoice::IsEmpty, FieldKind::Segment) => Label::Key("rules.not_in_segment"),
            (choice, _) => Label::Key(choice.test(&Test::IsSet).i18n_key()),
        }
    }

    /// The test of this choice, keeping `old`'s value where it fits.
    pub fn test(self, old: &Test) -> Test {
        let number = match old {
            Test::Cmp { value, .. } => Some(*value),
            Test::Between { min, .. } => Some(*min),
            Test::WithinDays(d) => Some(f64::from(*d)),
            _ => None,
        };
        let text = match old {
            Test::Equals(t) | Test::Contains(t) => Some(t.clone()),
            Test::InList(list) => Some(list.join(", ")),
            _ => None,
        };
        let date = match old {
            Test::Before(d) | Test::After(d) => Some(*d),
            _ => None,
        };
        let default_date = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
        match self {
            TestChoice::Cmp(op) => Test::Cmp {
                op,
                value: number.unwrap_or(0.0),
            },
            TestChoice::Between => match old {
                Test::Between { min, max } => Test::Between { min: *min, max: *max },
                _ => Test::Between {
                    min: number.unwrap_or(0.0),
                    max: number.unwrap_or(0.0).max(100.0),
                },
            },
            TestChoice::Equals => Test::Equals(text.unwrap_or_default()),
            TestChoice::Contains => Test::Contains(text.unwrap_or_default()),
            TestChoice::InList => Test::InList(split_list(&text.unwrap_or_default())),
            TestChoice::Before => Test::Before(date.unwrap_or(default_date)),
            TestChoice::After => Test::After(date.unwrap_or(default_date)),
            TestChoice::WithinDays => Test::WithinDays(number.map_or(30, |n| n.clamp(0.0, 36_500.0) as u32)),
            TestChoice::IsEmpty => Test::IsEmpty,
            TestChoice::IsSet => Test::IsSet,
        }
    }
}

/// How a choice is labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Shown as is.
    Symbol(&'static str),
    /// An i18n key.
    Key(&'static str),
}

/// The items of a comma-separated list (also `,` `、` `;`), trimmed, blanks dropped.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The JSON name of a field (`revenue`, `segment:VIP`), the builder's option value.
pub fn field_id(field: &Field) -> String {
    match field {
        Field::Segment(name) => format!("segment:{name}"),
        other => serde_json::to_value(other)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
    }
}

/// The field named by [`field_id`].
pub fn field_from_id(id: &str) -> Option<Field> {
    match id.strip_prefix("segment:") {
        Some(name) => Some(Field::Segment(name.to_string())),
        None => serde_json::from_value(serde_json::Value::String(id.to_string())).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_of_a_kind_makes_a_test_that_fits_it() {
        for kind in [FieldKind::Numeric, FieldKind::Text, FieldKind::Date, FieldKind::Segment] {
            for choice in TestChoice::for_kind(kind) {
                let test = choice.test(&Test::IsSet);
                assert!(test.fits(kind), "{choice:?} for {kind:?}");
                assert_eq!(TestChoice::of(&test), *choice);
                assert_eq!(TestChoice::from_id(kind, choice.id()), Some(*choice));
            }
        }
    }

    #[test]
    fn values_carry_over_and_lists_split() {
        let test = TestChoice::Cmp(CmpOp::Lt).test(&Test::Cmp {
            op: CmpOp::Ge,
            value: 7.0,
        });
        assert_eq!(
            test,
            Test::Cmp {
                op: CmpOp::Lt,
                value: 7.0
            }
        );
        let list = TestChoice::InList.test(&Test::Equals("a, b、c".into()));
        assert_eq!(list, Test::InList(vec!["a".into(), "b".into(), "c".into()]));
    }

    #[test]
    fn field_ids_round_trip() {
        for field in Field::COLUMNS.iter().cloned().chain([Field::Segment("VIP 1".into())]) {
            assert_eq!(field_from_id(&field_id(&field)), Some(field.clone()));
        }
        assert_eq!(field_from_id("nonsense"), None);
    }
}
