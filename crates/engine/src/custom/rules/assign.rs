//! Applying a whole rule set: tags or ordered exclusive segments, counts per
//! segment and warnings about segments that never match or are shadowed.

use super::context::RuleContext;
use super::eval::Evaluator;
use super::mask::Mask;
use super::satisfiable::segment_unsatisfiable;
use super::segments::Mode;
use super::warning::RuleWarning;
use serde::{Deserialize, Serialize};

/// Who is in which custom segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentAssignment {
    /// The segments' names, in order.
    pub names: Vec<String>,
    /// The customers each segment's rule matches on its own (in tags mode,
    /// the customers tagged with it).
    pub matched: Vec<Mask>,
    /// Customers matched per segment, on its own.
    pub matched_counts: Vec<usize>,
    /// Customers labelled per segment: the matches in tags mode, the customers
    /// left for it by earlier segments in exclusive mode.
    pub assigned_counts: Vec<usize>,
    /// Exclusive mode: the one segment of every customer.
    pub exclusive: Option<Exclusive>,
    /// Segments that never match, match no one here, or are shadowed.
    pub warnings: Vec<RuleWarning>,
}

/// The labels of ordered exclusive mode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exclusive {
    /// Per customer, the position of the first segment matching it; `None`
    /// for the rest ("Other").
    pub segment: Vec<Option<u32>>,
    /// The name of the rest.
    pub other_name: String,
    /// Customers in the rest.
    pub other_count: usize,
}

/// Evaluates every segment of `ctx.rules` (validated or not: invalid parts
/// match no one) over every customer of `ctx`.
pub fn assign(ctx: &RuleContext) -> SegmentAssignment {
    let rules = ctx.rules;
    let n = ctx.customers();
    let mut evaluator = Evaluator::new(ctx);
    let matched: Vec<Mask> = (0..rules.segments.len()).map(|k| evaluator.segment(k)).collect();
    let matched_counts: Vec<usize> = matched.iter().map(Mask::count).collect();
    let mut warnings = Vec::new();
    for (k, segment) in rules.segments.iter().enumerate() {
        let name = segment.name.clone();
        if segment_unsatisfiable(rules, k) {
            warnings.push(RuleWarning::Unsatisfiable { segment: k, name });
        } else if matched_counts[k] == 0 {
            warnings.push(RuleWarning::NoMatches { segment: k, name });
        }
    }
    let names: Vec<String> = rules.segments.iter().map(|s| s.name.clone()).collect();
    let Mode::OrderedExclusive { other_name } = &rules.mode else {
        return SegmentAssignment {
            names,
            assigned_counts: matched_counts.clone(),
            matched,
            matched_counts,
            exclusive: None,
            warnings,
        };
    };
    // First match wins: each segment takes what earlier ones left.
    let mut left = Mask::all(n);
    let mut taken = Vec::with_capacity(matched.len());
    for mask in &matched {
        taken.push(mask.clone().and(&left));
        left = left.and_not(mask);
    }
    let mut segment = vec![None; n];
    for (k, mask) in (0u32..).zip(&taken) {
        for i in mask.ones() {
            segment[i] = Some(k);
        }
    }
    for (k, name) in names.iter().enumerate() {
        if matched_counts[k] > 0 && !taken[k].any() {
            let by = (0..k)
                .filter(|&j| taken[j].intersects(&matched[k]))
                .map(|j| names[j].clone())
                .collect();
            warnings.push(RuleWarning::Shadowed {
                segment: k,
                name: name.clone(),
                by,
            });
        }
    }
    warnings.sort_by_key(RuleWarning::segment);
    SegmentAssignment {
        assigned_counts: taken.iter().map(Mask::count).collect(),
        names,
        matched,
        matched_counts,
        exclusive: Some(Exclusive {
            segment,
            other_name: other_name.clone(),
            other_count: left.count(),
        }),
        warnings,
    }
}

impl SegmentAssignment {
    /// True when `customer` is in segment `position`: tagged with it, or in
    /// exclusive mode labelled with it (the explorer's tag filter).
    pub fn has(&self, customer: usize, position: usize) -> bool {
        match &self.exclusive {
            Some(e) => e.segment.get(customer).copied().flatten() == u32::try_from(position).ok(),
            None => self.matched.get(position).is_some_and(|m| m.contains(customer)),
        }
    }

    /// The names of `customer`'s segments, in order (exactly one in exclusive
    /// mode, "Other" included), for the export's tags column.
    pub fn names_of(&self, customer: usize) -> Vec<&str> {
        match &self.exclusive {
            Some(e) => {
                let label = match e.segment.get(customer).copied().flatten() {
                    Some(k) => self.names.get(k as usize).map_or("", String::as_str),
                    None => e.other_name.as_str(),
                };
                vec![label]
            }
            None => (0..self.names.len())
                .filter(|&k| self.has(customer, k))
                .map(|k| self.names[k].as_str())
                .collect(),
        }
    }
}
