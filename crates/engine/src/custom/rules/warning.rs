//! What is suspicious about rules that are valid, found while assigning; see
//! [`RuleWarning::message`] for the words.

use serde::{Deserialize, Serialize};

/// A warning about one segment of a rule set, by position and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuleWarning {
    /// The rule contradicts itself and can match no customer on any data.
    Unsatisfiable {
        /// Position of the segment.
        segment: usize,
        /// Its name.
        name: String,
    },
    /// The rule could match, but matches no customer in this data.
    NoMatches {
        /// Position of the segment.
        segment: usize,
        /// Its name.
        name: String,
    },
    /// Exclusive mode: every customer the rule matches is taken by earlier segments.
    Shadowed {
        /// Position of the segment.
        segment: usize,
        /// Its name.
        name: String,
        /// The earlier segments that took its customers, in order.
        by: Vec<String>,
    },
}

impl RuleWarning {
    /// Position of the segment warned about.
    pub fn segment(&self) -> usize {
        match self {
            RuleWarning::Unsatisfiable { segment, .. }
            | RuleWarning::NoMatches { segment, .. }
            | RuleWarning::Shadowed { segment, .. } => *segment,
        }
    }
}
