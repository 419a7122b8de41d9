//! The customer explorer's queries (docs/product.md#acting-on-segments): filter by label, search by key,
//! sort by any column, and hand out one page of rows at a time, so the page
//! only ever holds what is on screen.

mod audience_reasons;
mod detail;
mod query;
mod row;

pub use detail::{CustomerDetail, LabelReason, OrderLine, MAX_LISTED_ORDERS};
pub use query::{CustomerQuery, SortColumn, MAX_PAGE_ROWS};
pub use row::CustomerRow;

use crate::Analysis;
use segscope_model::Dataset;
use serde::{Deserialize, Serialize};

/// One page of the explorer's table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerPage {
    /// Customers matching the query, all pages together.
    pub total: u64,
    /// The first row's position among the matches.
    pub offset: u64,
    /// The rows of this page, in sort order.
    pub rows: Vec<CustomerRow>,
}

/// Answers explorer queries, remembering the last selection so that
/// scrolling (same selection, another page) does not filter and sort again.
#[derive(Debug, Default)]
pub struct Explorer {
    last: Option<(CustomerQuery, Vec<u32>)>,
}

impl Explorer {
    /// One page of `query` over the analysed customers.
    pub fn page(&mut self, dataset: &Dataset, analysis: &Analysis, query: &CustomerQuery) -> CustomerPage {
        let reuse = self.last.as_ref().is_some_and(|(q, _)| q.same_selection(query));
        if !reuse {
            self.last = Some((query.clone(), query.matching(dataset, analysis)));
        }
        let matches = self.last.as_ref().map(|(_, m)| m.as_slice()).unwrap_or_default();
        page_of(dataset, analysis, matches, query)
    }

    /// Forgets the remembered selection (the analysis changed).
    pub fn forget(&mut self) {
        self.last = None;
    }
}

/// Rows `query.offset..` of `matches`.
fn page_of(dataset: &Dataset, analysis: &Analysis, matches: &[u32], query: &CustomerQuery) -> CustomerPage {
    let offset = (query.offset as usize).min(matches.len());
    let end = offset
        .saturating_add((query.limit as usize).min(MAX_PAGE_ROWS))
        .min(matches.len());
    CustomerPage {
        total: matches.len() as u64,
        offset: offset as u64,
        rows: matches[offset..end]
            .iter()
            .map(|&i| CustomerRow::of(dataset, analysis, i))
            .collect(),
    }
}
