//! Spotting rules that can match no customer on any data: impossible ranges,
//! an AND of conditions on one field that contradict each other, an OR of
//! such rules, membership of such a segment. Not exhaustive: `not` groups and
//! contradictions across fields are taken as satisfiable.

use super::ast::{CmpOp, Condition, Node, Test};
use super::field::{Field, FieldKind};
use super::segments::CustomSegments;
use segscope_model::date::day_of;
use std::collections::BTreeSet;

/// True when the rule of segment `position` can never match.
pub(crate) fn segment_unsatisfiable(rules: &CustomSegments, position: usize) -> bool {
    Checker {
        rules,
        visiting: Vec::new(),
    }
    .segment(position)
}

struct Checker<'a> {
    rules: &'a CustomSegments,
    /// Segments whose check is under way (a loop counts as satisfiable).
    visiting: Vec<usize>,
}

impl Checker<'_> {
    fn segment(&mut self, position: usize) -> bool {
        let Some(segment) = self.rules.segments.get(position) else {
            return true;
        };
        if self.visiting.contains(&position) {
            return false;
        }
        self.visiting.push(position);
        let never = self.node(&segment.rule);
        self.visiting.pop();
        never
    }

    fn node(&mut self, node: &Node) -> bool {
        match node {
            Node::All(children) => {
                children.iter().any(|c| self.node(c)) || {
                    let mut conditions = Vec::new();
                    and_conditions(node, &mut conditions);
                    contradictory(&conditions)
                }
            }
            Node::Any(children) => children.iter().all(|c| self.node(c)),
            Node::Not(_) => false,
            Node::Cond(c) => self.condition(c),
        }
    }

    fn condition(&mut self, c: &Condition) -> bool {
        if !c.test.fits(c.field.kind()) {
            return true;
        }
        match (&c.field, &c.test) {
            (Field::Segment(name), Test::IsSet) => self.rules.position(name).is_none_or(|p| self.segment(p)),
            (_, Test::InList(values)) => values.is_empty(),
            // Comparisons with a non-number match no one (see `columns`).
            (_, Test::Cmp { value, .. }) if !value.is_finite() => true,
            _ => contradictory(&[c]),
        }
    }
}

/// The conditions that must all hold for `node` (through nested `all` groups).
fn and_conditions<'a>(node: &'a Node, out: &mut Vec<&'a Condition>) {
    match node {
        Node::All(children) => children.iter().for_each(|c| and_conditions(c, out)),
        Node::Cond(c) => out.push(c),
        Node::Any(_) | Node::Not(_) => {}
    }
}

/// True when the conditions, all holding together, leave some field without
/// a possible value.
fn contradictory(conditions: &[&Condition]) -> bool {
    conditions.iter().any(|first| {
        let field = &first.field;
        let tests: Vec<&Test> = conditions
            .iter()
            .filter(|c| c.field == *field)
            .map(|c| &c.test)
            .collect();
        let wants_missing = tests.iter().any(|t| matches!(t, Test::IsEmpty));
        let wants_value = tests.iter().any(|t| !matches!(t, Test::IsEmpty));
        (wants_missing && wants_value) || empty_range(field, &tests) || empty_text(field, &tests)
    })
}

/// True when the numeric or date ranges of `tests` on `field` do not meet.
fn empty_range(field: &Field, tests: &[&Test]) -> bool {
    let start = match field.kind() {
        FieldKind::Numeric => {
            let (lo, hi) = field.bounds();
            Range::closed(lo, hi)
        }
        _ => Range::closed(f64::NEG_INFINITY, f64::INFINITY),
    };
    tests
        .iter()
        .filter_map(|t| Range::of(t))
        .fold(start, Range::meet)
        .is_empty()
}

/// True when the equals / in-list tests on a free-text field allow no common
/// value. Label fields answer to several names, so they are left out.
fn empty_text(field: &Field, tests: &[&Test]) -> bool {
    if !matches!(field, Field::CustomerId | Field::Source | Field::FavoriteCategory) {
        return false;
    }
    let clean = |s: &String| s.trim().to_lowercase();
    let mut allowed: Option<BTreeSet<String>> = None;
    for test in tests {
        let values: BTreeSet<String> = match test {
            Test::Equals(v) => [clean(v)].into(),
            Test::InList(vs) => vs.iter().map(clean).collect(),
            _ => continue,
        };
        allowed = Some(match allowed {
            Some(a) => a.intersection(&values).cloned().collect(),
            None => values,
        });
    }
    allowed.is_some_and(|a| a.is_empty())
}

/// An interval of numbers (day numbers for dates), each end open or closed.
#[derive(Debug, Clone, Copy)]
struct Range {
    lo: f64,
    lo_open: bool,
    hi: f64,
    hi_open: bool,
}

impl Range {
    fn closed(lo: f64, hi: f64) -> Range {
        Range {
            lo,
            lo_open: false,
            hi,
            hi_open: false,
        }
    }

    /// The values `test` lets through, when they form one interval.
    fn of(test: &Test) -> Option<Range> {
        let all = Range::closed(f64::NEG_INFINITY, f64::INFINITY);
        let below = |hi: f64, hi_open: bool| Range { hi, hi_open, ..all };
        let above = |lo: f64, lo_open: bool| Range { lo, lo_open, ..all };
        Some(match *test {
            Test::Cmp { op: CmpOp::Lt, value } => below(value, true),
            Test::Cmp { op: CmpOp::Le, value } => below(value, false),
            Test::Cmp { op: CmpOp::Gt, value } => above(value, true),
            Test::Cmp { op: CmpOp::Ge, value } => above(value, false),
            Test::Cmp { op: CmpOp::Eq, value } => Range::closed(value, value),
            Test::Between { min, max } => Range::closed(min, max),
            // Whole days: before day d is on or before d − 1.
            Test::Before(date) => below(f64::from(day_of(date)) - 1.0, false),
            Test::After(date) => above(f64::from(day_of(date)) + 1.0, false),
            _ => return None,
        })
    }

    fn meet(self, other: Range) -> Range {
        let (lo, lo_open) = match self.lo.total_cmp(&other.lo) {
            std::cmp::Ordering::Less => (other.lo, other.lo_open),
            std::cmp::Ordering::Greater => (self.lo, self.lo_open),
            std::cmp::Ordering::Equal => (self.lo, self.lo_open || other.lo_open),
        };
        let (hi, hi_open) = match self.hi.total_cmp(&other.hi) {
            std::cmp::Ordering::Greater => (other.hi, other.hi_open),
            std::cmp::Ordering::Less => (self.hi, self.hi_open),
            std::cmp::Ordering::Equal => (self.hi, self.hi_open || other.hi_open),
        };
        Range {
            lo,
            lo_open,
            hi,
            hi_open,
        }
    }

    fn is_empty(self) -> bool {
        self.lo.is_nan()
            || self.hi.is_nan()
            || self.lo > self.hi
            || (self.lo == self.hi && (self.lo_open || self.hi_open))
    }
}

#[cfg(test)]
mod tests {
    use super::super::segments::{Mode, SegmentRule};
    use super::*;
    use chrono::NaiveDate;

    fn never(rule: Node) -> bool {
        let rules = CustomSegments {
            mode: Mode::Tags,
            segments: vec![SegmentRule { name: "x".into(), rule }],
        };
        segment_unsatisfiable(&rules, 0)
    }

    fn cmp(field: Field, op: CmpOp, value: f64) -> Node {
        Node::cond(field, Test::Cmp { op, value })
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn impossible_single_conditions() {
        assert!(never(Node::cond(Field::Revenue, Test::Between { min: 9.0, max: 1.0 })));
        assert!(never(cmp(Field::Orders, CmpOp::Lt, 0.0)));
        assert!(never(cmp(Field::RScore, CmpOp::Gt, 5.0)));
        assert!(never(Node::cond(Field::Source, Test::InList(vec![]))));
        assert!(never(Node::cond(Field::Revenue, Test::Equals("x".into()))));
        assert!(never(Node::Any(vec![])));
        assert!(never(cmp(Field::Aov, CmpOp::Ne, f64::NAN)));
        assert!(never(Node::cond(
            Field::Aov,
            Test::Between {
                min: f64::NAN,
                max: 1.0
            }
        )));
        assert!(!never(cmp(Field::Orders, CmpOp::Le, 0.0)));
        assert!(!never(cmp(Field::Points, CmpOp::Lt, -5.0)));
        assert!(!never(Node::All(vec![])));
    }

    #[test]
    fn contradictory_and_groups() {
        let gt = cmp(Field::Revenue, CmpOp::Gt, 100.0);
        let lt = cmp(Field::Revenue, CmpOp::Lt, 50.0);
        assert!(never(Node::All(vec![gt.clone(), Node::All(vec![lt.clone()])])));
        assert!(!never(Node::Any(vec![gt.clone(), lt.clone()])));
        assert!(never(Node::All(vec![
            cmp(Field::Orders, CmpOp::Ge, 3.0),
            cmp(Field::Orders, CmpOp::Lt, 3.0)
        ])));
        assert!(!never(Node::All(vec![
            cmp(Field::Orders, CmpOp::Ge, 3.0),
            cmp(Field::Orders, CmpOp::Le, 3.0)
        ])));
        assert!(!never(Node::All(vec![gt.clone(), cmp(Field::Aov, CmpOp::Lt, 50.0)])));
        assert!(never(Node::All(vec![
            Node::cond(Field::RecencyDays, Test::IsEmpty),
            cmp(Field::RecencyDays, CmpOp::Lt, 30.0)
        ])));
        assert!(never(Node::All(vec![
            Node::cond(Field::SignupDate, Test::Before(date(2024, 1, 1))),
            Node::cond(Field::SignupDate, Test::After(date(2023, 12, 31))),
        ])));
        assert!(!never(Node::All(vec![
            Node::cond(Field::SignupDate, Test::Before(date(2024, 1, 2))),
            Node::cond(Field::SignupDate, Test::After(date(2023, 12, 31))),
        ])));
        assert!(never(Node::All(vec![
            Node::cond(Field::Source, Test::Equals("ads".into())),
            Node::cond(Field::Source, Test::InList(vec!["Store".into(), "web".into()])),
        ])));
        assert!(!never(Node::All(vec![
            Node::cond(Field::RfmSegment, Test::Equals("Champions".into())),
            Node::cond(Field::RfmSegment, Test::Equals("冠军客户".into())),
        ])));
        assert!(!never(Node::Not(Box::new(gt))));
    }

    #[test]
    fn membership_of_a_segment_that_never_matches() {
        let rules = CustomSegments {
            mode: Mode::Tags,
            segments: vec![
                SegmentRule {
                    name: "none".into(),
                    rule: Node::Any(vec![]),
                },
                SegmentRule {
                    name: "in none".into(),
                    rule: Node::cond(Field::Segment("none".into()), Test::IsSet),
                },
                SegmentRule {
                    name: "loop".into(),
                    rule: Node::cond(Field::Segment("loop".into()), Test::IsSet),
                },
                SegmentRule {
                    name: "missing".into(),
                    rule: Node::cond(Field::Segment("nowhere".into()), Test::IsSet),
                },
            ],
        };
        assert!(segment_unsatisfiable(&rules, 1));
        assert!(!segment_unsatisfiable(&rules, 2));
        assert!(segment_unsatisfiable(&rules, 3));
    }
}
