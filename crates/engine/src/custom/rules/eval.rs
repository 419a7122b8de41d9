//! Evaluating a rule tree to the set of customers it matches, one column
//! pass per condition and word-wide set operations per group.

use super::ast::{Node, Test};
use super::columns::column_mask;
use super::context::RuleContext;
use super::field::Field;
use super::mask::Mask;

/// The customers `node` matches. A membership test of an unknown segment, or
/// of one whose rule loops back to itself, matches no one; so does a test
/// that does not fit its field or compares with a non-number.
pub fn matching(ctx: &RuleContext, node: &Node) -> Mask {
    Evaluator::new(ctx).node(node)
}

/// How many customers `node` matches, for the live count while editing.
pub fn live_count(ctx: &RuleContext, node: &Node) -> usize {
    matching(ctx, node).count()
}

/// Evaluates rules of one rule set, each segment's rule at most once.
pub(crate) struct Evaluator<'a> {
    ctx: &'a RuleContext<'a>,
    /// The matches of each segment evaluated so far, by position.
    done: Vec<Option<Mask>>,
    /// Segments under evaluation, to cut reference loops.
    visiting: Vec<bool>,
}

impl<'a> Evaluator<'a> {
    /// An evaluator with nothing evaluated yet.
    pub fn new(ctx: &'a RuleContext<'a>) -> Evaluator<'a> {
        let segments = ctx.rules.segments.len();
        Evaluator {
            ctx,
            done: vec![None; segments],
            visiting: vec![false; segments],
        }
    }

    /// The customers the rule of segment `position` matches.
    pub fn segment(&mut self, position: usize) -> Mask {
        if let Some(Some(mask)) = self.done.get(position) {
            return mask.clone();
        }
        let Some(segment) = self.ctx.rules.segments.get(position) else {
            return Mask::none(self.ctx.customers());
        };
        if self.visiting[position] {
            return Mask::none(self.ctx.customers());
        }
        self.visiting[position] = true;
        let mask = self.node(&segment.rule);
        self.visiting[position] = false;
        self.done[position] = Some(mask.clone());
        mask
    }

    /// The customers `node` matches.
    pub fn node(&mut self, node: &Node) -> Mask {
        let n = self.ctx.customers();
        match node {
            Node::All(children) => {
                let mut mask = Mask::all(n);
                for child in children {
                    mask = mask.and(&self.node(child));
                }
                mask
            }
            Node::Any(children) => {
                let mut mask = Mask::none(n);
                for child in children {
                    mask = mask.or(&self.node(child));
                }
                mask
            }
            Node::Not(child) => self.node(child).complement(),
            Node::Cond(condition) => match &condition.field {
                Field::Segment(name) => {
                    let members = match self.ctx.rules.position(name) {
                        Some(position) => self.segment(position),
                        None => Mask::none(n),
                    };
                    match condition.test {
                        Test::IsSet => members,
                        Test::IsEmpty => members.complement(),
                        _ => Mask::none(n),
                    }
                }
                _ => column_mask(self.ctx, condition),
            },
        }
    }
}
