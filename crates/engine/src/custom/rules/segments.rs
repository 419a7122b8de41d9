//! The user's custom segments: named rules, used as tags or as an ordered,
//! exclusive segmentation; saved with the settings and imported as JSON.

use super::ast::Node;
use super::problem::RuleProblem;
use crate::texts::t;
use segscope_i18n::Lang;
use serde::{Deserialize, Serialize};

/// The most custom segments a rule set may hold.
pub const MAX_RULES: usize = 50;

/// The deepest nesting of groups a rule may have.
pub const MAX_DEPTH: usize = 8;

/// How the segments label customers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Every matching segment tags the customer; tags overlap.
    #[default]
    Tags,
    /// Each customer goes to the first segment that matches, in order, or to
    /// `other_name` when none does.
    OrderedExclusive {
        /// The name of the customers no segment takes.
        other_name: String,
    },
}

impl Mode {
    /// Ordered exclusive mode with the rest called "Other" in `lang`.
    pub fn ordered_exclusive(lang: Lang) -> Mode {
        Mode::OrderedExclusive {
            other_name: t(lang, "rules.other_default").into(),
        }
    }

    /// The i18n key of the mode's name.
    pub fn i18n_key(&self) -> &'static str {
        match self {
            Mode::Tags => "rules.mode.tags",
            Mode::OrderedExclusive { .. } => "rules.mode.exclusive",
        }
    }
}

/// One named custom segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentRule {
    /// The segment's name (also its tag); unique in the set.
    pub name: String,
    /// Who belongs.
    pub rule: Node,
}

/// The user's custom segments and how they apply. Empty by default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CustomSegments {
    /// Tags or ordered exclusive segments.
    pub mode: Mode,
    /// The segments, in order.
    pub segments: Vec<SegmentRule>,
}

impl CustomSegments {
    /// Reads a rule set exported by [`CustomSegments::to_json`]; a file that is
    /// not such JSON, or whose rules cannot be used, gives the problems found.
    pub fn from_json(json: &str) -> Result<CustomSegments, Vec<RuleProblem>> {
        let segments: CustomSegments =
            serde_json::from_str(json).map_err(|e| vec![RuleProblem::BadJson { detail: e.to_string() }])?;
        let problems = segments.validate();
        if problems.is_empty() {
            Ok(segments)
        } else {
            Err(problems)
        }
    }

    /// The rule set as pretty JSON, for export.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The position of the segment called `name`.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.segments.iter().position(|s| s.name == name)
    }
}
