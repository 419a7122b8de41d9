//! The rule tree the builder edits and the settings save: conditions on one
//! field, combined by AND / OR / NOT groups.

use super::field::{Field, FieldKind};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A numeric comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CmpOp {
    /// `<`
    Lt,
    /// `≤`
    Le,
    /// `>`
    Gt,
    /// `≥`
    Ge,
    /// `=`
    Eq,
    /// `≠`
    Ne,
}

impl CmpOp {
    /// True when `x op value` holds.
    pub fn holds(self, x: f64, value: f64) -> bool {
        match self {
            CmpOp::Lt => x < value,
            CmpOp::Le => x <= value,
            CmpOp::Gt => x > value,
            CmpOp::Ge => x >= value,
            CmpOp::Eq => x == value,
            CmpOp::Ne => x != value,
        }
    }
}

/// What a condition checks of its field. A missing value (say the recency of
/// a non-buyer) matches no test but [`Test::IsEmpty`]. Text tests ignore case
/// and the spaces around the value; date tests are strict (`before` a day
/// leaves that day out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// Numeric comparison with a value.
    Cmp {
        /// The operator.
        op: CmpOp,
        /// The value compared with.
        value: f64,
    },
    /// Numeric range, both ends included.
    Between {
        /// Lowest value matched.
        min: f64,
        /// Highest value matched.
        max: f64,
    },
    /// Text equal to this.
    Equals(String),
    /// Text containing this.
    Contains(String),
    /// Text equal to one of these.
    InList(Vec<String>),
    /// A date before this day.
    Before(NaiveDate),
    /// A date after this day.
    After(NaiveDate),
    /// A date within this many days before the as-of date (0 = the as-of day).
    WithinDays(u32),
    /// The value is missing (for a segment: the customer is not in it).
    IsEmpty,
    /// The value is present (for a segment: the customer is in it).
    IsSet,
}

impl Test {
    /// True when the test can be applied to fields of `kind`.
    pub fn fits(&self, kind: FieldKind) -> bool {
        match self {
            Test::Cmp { .. } | Test::Between { .. } => kind == FieldKind::Numeric,
            Test::Equals(_) | Test::Contains(_) | Test::InList(_) => kind == FieldKind::Text,
            Test::Before(_) | Test::After(_) | Test::WithinDays(_) => kind == FieldKind::Date,
            Test::IsEmpty | Test::IsSet => true,
        }
    }

    /// The i18n key of the test's name.
    pub fn i18n_key(&self) -> &'static str {
        match self {
            Test::Cmp { .. } => "rules.test.cmp",
            Test::Between { .. } => "rules.test.between",
            Test::Equals(_) => "rules.test.equals",
            Test::Contains(_) => "rules.test.contains",
            Test::InList(_) => "rules.test.in_list",
            Test::Before(_) => "rules.test.before",
            Test::After(_) => "rules.test.after",
            Test::WithinDays(_) => "rules.test.within_days",
            Test::IsEmpty => "rules.test.is_empty",
            Test::IsSet => "rules.test.is_set",
        }
    }
}

/// One test of one field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    /// The field tested.
    pub field: Field,
    /// The test.
    pub test: Test,
}

/// A rule: a condition or a group. `all` of nothing matches everyone, `any`
/// of nothing matches no one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Node {
    /// Every child matches (AND).
    All(Vec<Node>),
    /// At least one child matches (OR).
    Any(Vec<Node>),
    /// The child does not match.
    Not(Box<Node>),
    /// A single condition.
    Cond(Condition),
}

impl Node {
    /// A condition node.
    pub fn cond(field: Field, test: Test) -> Node {
        Node::Cond(Condition { field, test })
    }

    /// Levels of groups (`all`, `any`, `not`) on the deepest path; a lone
    /// condition is 0.
    pub fn depth(&self) -> usize {
        match self {
            Node::All(children) | Node::Any(children) => 1 + children.iter().map(Node::depth).max().unwrap_or(0),
            Node::Not(child) => 1 + child.depth(),
            Node::Cond(_) => 0,
        }
    }

    /// Every condition in the tree, depth first.
    pub fn conditions(&self) -> Vec<&Condition> {
        let mut out = Vec::new();
        self.collect_conditions(&mut out);
        out
    }

    fn collect_conditions<'a>(&'a self, out: &mut Vec<&'a Condition>) {
        match self {
            Node::All(children) | Node::Any(children) => children.iter().for_each(|c| c.collect_conditions(out)),
            Node::Not(child) => child.collect_conditions(out),
            Node::Cond(c) => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_reads_as_plain_json() {
        let rule = Node::All(vec![
            Node::cond(
                Field::Revenue,
                Test::Cmp {
                    op: CmpOp::Ge,
                    value: 100.0,
                },
            ),
            Node::Not(Box::new(Node::cond(Field::Source, Test::IsEmpty))),
        ]);
        let json = serde_json::to_string(&rule).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"all":[{"cond":{"field":"revenue","test":{"cmp":{"op":"ge","value":100.0}}}},{"not":{"cond":{"field":"source","test":"is_empty"}}}]}"#
        );
        assert_eq!(serde_json::from_str::<Node>(&json).ok(), Some(rule.clone()));
        assert_eq!(rule.depth(), 2);
        assert_eq!(rule.conditions().len(), 2);
    }

    #[test]
    fn tests_fit_their_field_families() {
        assert!(Test::Between { min: 1.0, max: 2.0 }.fits(FieldKind::Numeric));
        assert!(!Test::Contains("a".into()).fits(FieldKind::Numeric));
        assert!(Test::WithinDays(3).fits(FieldKind::Date));
        assert!(Test::IsSet.fits(FieldKind::Segment));
        assert!(!Test::Equals("x".into()).fits(FieldKind::Segment));
    }
}
