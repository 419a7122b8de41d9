//! Checks a rule set before it is saved or after it is imported.

use super::ast::{Condition, Test};
use super::field::Field;
use super::problem::RuleProblem;
use super::segments::{CustomSegments, Mode, MAX_DEPTH, MAX_RULES};
use std::collections::HashSet;

impl CustomSegments {
    /// Every problem of the rule set; empty when it can be used. Names compare
    /// exactly (segment references name segments exactly).
    pub fn validate(&self) -> Vec<RuleProblem> {
        let mut problems = Vec::new();
        if self.segments.len() > MAX_RULES {
            problems.push(RuleProblem::TooManyRules {
                count: self.segments.len(),
            });
        }
        let mut seen = HashSet::new();
        for (position, segment) in self.segments.iter().enumerate() {
            if segment.name.trim().is_empty() {
                problems.push(RuleProblem::EmptyName { position });
            } else if !seen.insert(segment.name.as_str()) {
                problems.push(RuleProblem::DuplicateName {
                    name: segment.name.clone(),
                });
            }
        }
        if let Mode::OrderedExclusive { other_name } = &self.mode {
            if other_name.trim().is_empty() {
                problems.push(RuleProblem::EmptyOtherName);
            } else if seen.contains(other_name.as_str()) {
                problems.push(RuleProblem::OtherNameTaken {
                    name: other_name.clone(),
                });
            }
        }
        for segment in &self.segments {
            if segment.rule.depth() > MAX_DEPTH {
                problems.push(RuleProblem::TooDeep {
                    segment: segment.name.clone(),
                });
            }
            for condition in segment.rule.conditions() {
                problems.extend(condition_problem(&segment.name, condition));
                if let Field::Segment(target) = &condition.field {
                    if self.position(target).is_none() {
                        problems.push(RuleProblem::UnknownSegment {
                            segment: segment.name.clone(),
                            target: target.clone(),
                        });
                    }
                }
            }
        }
        problems.extend(self.cycles().into_iter().map(|names| RuleProblem::Cycle { names }));
        problems
    }

    /// Positions of the segments that `position`'s rule refers to (known names only).
    fn references(&self, position: usize) -> Vec<usize> {
        let Some(segment) = self.segments.get(position) else {
            return Vec::new();
        };
        segment
            .rule
            .conditions()
            .into_iter()
            .filter_map(|c| match &c.field {
                Field::Segment(target) => self.position(target),
                _ => None,
            })
            .collect()
    }

    /// Every loop of references, each once, as the names along it.
    fn cycles(&self) -> Vec<Vec<String>> {
        // Depth-first search; 0 unvisited, 1 on the current path, 2 done.
        fn visit(set: &CustomSegments, at: usize, state: &mut [u8], path: &mut Vec<usize>, out: &mut Vec<Vec<String>>) {
            state[at] = 1;
            path.push(at);
            for next in set.references(at) {
                match state[next] {
                    0 => visit(set, next, state, path, out),
                    1 => {
                        let start = path.iter().position(|&p| p == next).unwrap_or(0);
                        out.push(path[start..].iter().map(|&p| set.segments[p].name.clone()).collect());
                    }
                    _ => {}
                }
            }
            path.pop();
            state[at] = 2;
        }
        let mut state = vec![0u8; self.segments.len()];
        let mut out = Vec::new();
        for start in 0..self.segments.len() {
            if state[start] == 0 {
                visit(self, start, &mut state, &mut Vec::new(), &mut out);
            }
        }
        out
    }
}

/// The problem of one condition of segment `segment`, if any.
fn condition_problem(segment: &str, condition: &Condition) -> Option<RuleProblem> {
    let field = condition.field.clone();
    let segment = segment.to_string();
    if !condition.test.fits(field.kind()) {
        return Some(RuleProblem::WrongTest {
            segment,
            field,
            test: condition.test.clone(),
        });
    }
    match condition.test {
        Test::Cmp { value, .. } if !value.is_finite() => Some(RuleProblem::NotANumber { segment, field }),
        Test::Between { min, max } if !min.is_finite() || !max.is_finite() => {
            Some(RuleProblem::NotANumber { segment, field })
        }
        Test::Between { min, max } if min > max => Some(RuleProblem::MinAboveMax { segment, field }),
        Test::InList(ref values) if values.iter().all(|v| v.trim().is_empty()) => {
            Some(RuleProblem::EmptyList { segment, field })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::ast::{CmpOp, Node};
    use super::super::segments::SegmentRule;
    use super::*;

    fn seg(name: &str, rule: Node) -> SegmentRule {
        SegmentRule {
            name: name.into(),
            rule,
        }
    }

    fn member(name: &str) -> Node {
        Node::cond(Field::Segment(name.into()), Test::IsSet)
    }

    fn set(segments: Vec<SegmentRule>) -> CustomSegments {
        CustomSegments {
            mode: Mode::Tags,
            segments,
        }
    }

    #[test]
    fn a_sound_rule_set_has_no_problems() {
        let rules = set(vec![
            seg(
                "big",
                Node::cond(
                    Field::Revenue,
                    Test::Cmp {
                        op: CmpOp::Gt,
                        value: 10.0,
                    },
                ),
            ),
            seg(
                "big and new",
                Node::All(vec![member("big"), Node::cond(Field::TenureDays, Test::IsSet)]),
            ),
        ]);
        assert_eq!(rules.validate(), vec![]);
        assert_eq!(CustomSegments::default().validate(), vec![]);
    }

    #[test]
    fn names_must_be_given_and_unique() {
        let all = Node::All(vec![]);
        let mut rules = set(vec![seg(" ", all.clone()), seg("a", all.clone()), seg("a", all)]);
        rules.mode = Mode::OrderedExclusive { other_name: "a".into() };
        assert_eq!(
            rules.validate(),
            vec![
                RuleProblem::EmptyName { position: 0 },
                RuleProblem::DuplicateName { name: "a".into() },
                RuleProblem::OtherNameTaken { name: "a".into() },
            ]
        );
        rules.mode = Mode::OrderedExclusive { other_name: "".into() };
        assert!(rules.validate().contains(&RuleProblem::EmptyOtherName));
    }

    #[test]
    fn loops_and_unknown_references_are_found() {
        let rules = set(vec![
            seg("a", member("b")),
            seg("b", Node::Any(vec![member("c"), member("nowhere")])),
            seg("c", member("a")),
            seg("self", Node::Not(Box::new(member("self")))),
        ]);
        assert_eq!(
            rules.validate(),
            vec![
                RuleProblem::UnknownSegment {
                    segment: "b".into(),
                    target: "nowhere".into()
                },
                RuleProblem::Cycle {
                    names: vec!["a".into(), "b".into(), "c".into()]
                },
                RuleProblem::Cycle {
                    names: vec!["self".into()]
                },
            ]
        );
    }

    #[test]
    fn bad_values_depth_and_count_are_found() {
        let mut deep = Node::cond(Field::Orders, Test::IsSet);
        for _ in 0..=MAX_DEPTH {
            deep = Node::Not(Box::new(deep));
        }
        let rules = set(vec![
            seg(
                "range",
                Node::cond(Field::Revenue, Test::Between { min: 5.0, max: 1.0 }),
            ),
            seg(
                "nan",
                Node::cond(
                    Field::Aov,
                    Test::Cmp {
                        op: CmpOp::Lt,
                        value: f64::NAN,
                    },
                ),
            ),
            seg("kind", Node::cond(Field::Revenue, Test::Contains("1".into()))),
            seg("list", Node::cond(Field::Source, Test::InList(vec![]))),
            seg("deep", deep),
        ]);
        let problems = rules.validate();
        assert_eq!(problems.len(), 5, "{problems:?}");
        assert!(matches!(problems[0], RuleProblem::MinAboveMax { .. }));
        assert!(matches!(problems[1], RuleProblem::NotANumber { .. }));
        assert!(matches!(problems[2], RuleProblem::WrongTest { .. }));
        assert!(matches!(problems[3], RuleProblem::EmptyList { .. }));
        assert_eq!(problems[4], RuleProblem::TooDeep { segment: "deep".into() });
        let many = set((0..=MAX_RULES)
            .map(|i| seg(&format!("s{i}"), Node::All(vec![])))
            .collect());
        assert_eq!(
            many.validate(),
            vec![RuleProblem::TooManyRules { count: MAX_RULES + 1 }]
        );
    }
}
