//! The user's custom segments applied to an analysis (docs/product.md#custom-segments-and-tags): the
//! assignment kept for the explorer and exports, and the counts, warnings
//! and problems the rule builder shows (also for a draft being edited).

pub mod rules;

use crate::Analysis;
use rules::{assign, CustomSegments, RuleContext, SegmentAssignment};
use segscope_i18n::Lang;
use segscope_model::Dataset;
use serde::{Deserialize, Serialize};

/// What the rule builder shows about a set of rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct CustomSummary {
    /// Segment names, in order.
    pub names: Vec<String>,
    /// Customers each rule matches on its own.
    pub matched: Vec<u64>,
    /// Customers each segment holds (after ordering in exclusive mode).
    pub assigned: Vec<u64>,
    /// Exclusive mode: the name and size of the rest.
    pub other: Option<(String, u64)>,
    /// Warnings (never matches, no matches, shadowed), in English and Chinese.
    pub warnings: Vec<[String; 2]>,
    /// Problems that keep the rules from being applied, in English and Chinese.
    pub problems: Vec<[String; 2]>,
}

/// Applies `rules` to `analysis`; invalid rules give their problems and no
/// assignment.
pub fn evaluate(
    dataset: &Dataset,
    analysis: &Analysis,
    rules: &CustomSegments,
) -> (Option<SegmentAssignment>, CustomSummary) {
    let problems: Vec<[String; 2]> = rules
        .validate()
        .iter()
        .map(|p| [p.message(Lang::En), p.message(Lang::Zh)])
        .collect();
    if !problems.is_empty() || rules.segments.is_empty() {
        let summary = CustomSummary {
            names: rules.segments.iter().map(|s| s.name.clone()).collect(),
            problems,
            ..CustomSummary::default()
        };
        return (None, summary);
    }
    let a = assign(&RuleContext::new(dataset, analysis, rules));
    let summary = CustomSummary {
        names: a.names.clone(),
        matched: a.matched_counts.iter().map(|&n| n as u64).collect(),
        assigned: a.assigned_counts.iter().map(|&n| n as u64).collect(),
        other: a
            .exclusive
            .as_ref()
            .map(|e| (e.other_name.clone(), e.other_count as u64)),
        warnings: a
            .warnings
            .iter()
            .map(|w| [w.message(Lang::En), w.message(Lang::Zh)])
            .collect(),
        problems,
    };
    (Some(a), summary)
}
