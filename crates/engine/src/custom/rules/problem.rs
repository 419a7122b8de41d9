//! Why a rule set cannot be saved or imported, as plain values; see
//! [`RuleProblem::message`] for the words.

use super::ast::Test;
use super::field::Field;
use serde::{Deserialize, Serialize};

/// One reason a rule set cannot be used. Segments are named by their name,
/// or by their 0-based position when the name is the problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RuleProblem {
    /// The imported text is not a rule set; `detail` is the parser's account
    /// (with line and column).
    BadJson {
        /// What the JSON reader found wrong.
        detail: String,
    },
    /// More segments than [`super::MAX_RULES`].
    TooManyRules {
        /// Segments given.
        count: usize,
    },
    /// A segment without a name.
    EmptyName {
        /// Its position.
        position: usize,
    },
    /// Two segments share a name.
    DuplicateName {
        /// The shared name.
        name: String,
    },
    /// Exclusive mode without a name for the customers no segment takes.
    EmptyOtherName,
    /// The name for the rest is also a segment's name.
    OtherNameTaken {
        /// The name.
        name: String,
    },
    /// Groups nested deeper than [`super::MAX_DEPTH`].
    TooDeep {
        /// The segment.
        segment: String,
    },
    /// A membership test names a segment that does not exist.
    UnknownSegment {
        /// The segment whose rule refers to it.
        segment: String,
        /// The missing name.
        target: String,
    },
    /// Segments whose rules refer to each other in a loop.
    Cycle {
        /// The segments on the loop, in reference order.
        names: Vec<String>,
    },
    /// A range whose minimum is above its maximum.
    MinAboveMax {
        /// The segment.
        segment: String,
        /// The field of the range.
        field: Field,
    },
    /// A number that is not a finite number.
    NotANumber {
        /// The segment.
        segment: String,
        /// The field compared.
        field: Field,
    },
    /// A test that does not apply to its field (say "contains" on revenue).
    WrongTest {
        /// The segment.
        segment: String,
        /// The field.
        field: Field,
        /// The test.
        test: Test,
    },
    /// An "in list" test without values.
    EmptyList {
        /// The segment.
        segment: String,
        /// The field.
        field: Field,
    },
}
