//! What rules are evaluated against: the dataset, its analysis and the rule
//! set (for membership tests), all borrowed.

use super::segments::CustomSegments;
use crate::Analysis;
use segscope_model::Dataset;

/// The data rules read, column by column.
#[derive(Debug, Clone, Copy)]
pub struct RuleContext<'a> {
    /// The dataset analysed.
    pub dataset: &'a Dataset,
    /// Its analysis.
    pub analysis: &'a Analysis,
    /// The rule set whose segments membership tests name.
    pub rules: &'a CustomSegments,
}

impl<'a> RuleContext<'a> {
    /// A context over these borrowed parts.
    pub fn new(dataset: &'a Dataset, analysis: &'a Analysis, rules: &'a CustomSegments) -> RuleContext<'a> {
        RuleContext {
            dataset,
            analysis,
            rules,
        }
    }

    /// Number of customers evaluated (those the dataset and analysis both cover).
    pub fn customers(&self) -> usize {
        self.dataset.customers.len().min(self.analysis.metrics.len())
    }
}
