//! Custom segments and tags (docs/product.md#custom-segments-and-tags): rules on any metric, attribute,
//! date or other custom segment, combined by AND / OR / NOT groups; applied
//! as overlapping tags or as ordered exclusive segments, with live counts
//! while editing and warnings about rules that never match or are shadowed.
//!
//! Rules are evaluated column by column into bitsets ([`Mask`]), one pass
//! over the customers per condition.

mod assign;
mod ast;
pub mod choice;
mod columns;
mod context;
mod eval;
mod examples;
mod field;
mod mask;
mod messages;
mod names;
mod problem;
mod satisfiable;
mod segments;
mod text;
mod validate;
mod warning;

pub use assign::{assign, Exclusive, SegmentAssignment};
pub use ast::{CmpOp, Condition, Node, Test};
pub use context::RuleContext;
pub use eval::{live_count, matching};
pub use examples::example_segments;
pub use field::{Field, FieldKind};
pub use mask::Mask;
pub use names::label_hits;
pub use problem::RuleProblem;
pub use segments::{CustomSegments, Mode, SegmentRule, MAX_DEPTH, MAX_RULES};
pub use warning::RuleWarning;
