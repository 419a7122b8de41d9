//! What the explorer asks for: filters, a search text, a sort and a page.

use crate::analyses::migration::{movers, MigrationFilter};
use crate::audience::{browsed_not_bought_mask, Engagement, LeadStage};
use crate::survey::{NpsGroup, NpsMove};
use crate::{Analysis, LifecycleStage, RfmSegment};
use segscope_model::{CategoryIdx, ContactField, Dataset};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// The most rows one page may hold.
pub const MAX_PAGE_ROWS: usize = 1000;

/// A column the table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SortColumn {
    /// Customer key.
    Key,
    /// Paid orders.
    Orders,
    /// Revenue.
    #[default]
    Revenue,
    /// Average order value.
    Aov,
    /// Days since the latest paid order (non-buyers last either way).
    Recency,
    /// Value score.
    ValueScore,
    /// RFM segment, in table order.
    Segment,
    /// Value tier, best first.
    Tier,
}

/// Which customers, in what order, which page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomerQuery {
    /// Case-insensitive text the id, name, email or phone must contain
    /// (phones also by digits alone); empty matches all.
    pub search: String,
    /// Segments to keep; empty keeps all. Non-buyers have none, so any
    /// segment filter leaves them out.
    pub segments: Vec<RfmSegment>,
    /// Tiers to keep (`None` is "No purchase"); empty keeps all.
    pub tiers: Vec<Option<u32>>,
    /// Sources to keep by name (`""` is an unknown source); empty keeps all.
    pub sources: Vec<String>,
    /// Lifecycle stages to keep; empty keeps all.
    pub lifecycle: Vec<LifecycleStage>,
    /// Lead stages to keep; empty keeps all.
    pub lead_stages: Vec<LeadStage>,
    /// Engagement levels to keep; empty keeps all.
    pub engagement: Vec<Engagement>,
    /// NPS groups to keep, by each customer's latest NPS answer; empty keeps
    /// all, and any group leaves out those who never answered.
    pub nps_groups: Vec<NpsGroup>,
    /// Keep only customers who browsed this category but never bought it.
    pub browsed_not_bought: Option<CategoryIdx>,
    /// Keep only the customers in this custom segment (its position).
    pub custom_segment: Option<usize>,
    /// Keep only the buyers of this K-means cluster (position in the
    /// clustering's list; needs the models fitted).
    pub cluster: Option<u8>,
    /// Keep only the respondents of this psychographic class (position in
    /// the classes' list; needs the models fitted).
    pub psycho_class: Option<u8>,
    /// Keep only the customers whose feedback mentions this theme (position
    /// in the dictionary).
    pub theme: Option<u8>,
    /// Keep only the customers who moved between these NPS groups from one
    /// survey wave to another.
    pub nps_move: Option<NpsMove>,
    /// Keep only the customers of one cell of a segment migration, compared
    /// under the analysis's settings.
    pub migration: Option<MigrationFilter>,
    /// Sort column.
    pub sort: SortColumn,
    /// Largest first.
    pub descending: bool,
    /// First row of the page among the matches.
    pub offset: u64,
    /// Rows wanted (at most [`MAX_PAGE_ROWS`]).
    pub limit: u32,
}

impl CustomerQuery {
    /// True when `other` selects and orders the same customers (only the page differs).
    pub fn same_selection(&self, other: &CustomerQuery) -> bool {
        self.search == other.search
            && self.segments == other.segments
            && self.tiers == other.tiers
            && self.sources == other.sources
            && self.lifecycle == other.lifecycle
            && self.lead_stages == other.lead_stages
            && self.engagement == other.engagement
            && self.nps_groups == other.nps_groups
            && self.browsed_not_bought == other.browsed_not_bought
            && self.cluster == other.cluster
            && self.psycho_class == other.psycho_class
            && self.theme == other.theme
            && self.nps_move == other.nps_move
            && self.custom_segment == other.custom_segment
            && self.migration == other.migration
            && self.sort == other.sort
            && self.descending == other.descending
    }

    /// Indices of the matching customers in sort order (ties by index).
    pub fn matching(&self, dataset: &Dataset, analysis: &Analysis) -> Vec<u32> {
        let n = dataset.customers.len().min(analysis.metrics.len());
        let search = self.search.trim().to_lowercase();
        // `""` is the unknown source; a name the data does not have matches no one.
        let source_ids: Vec<Option<u16>> = self
            .sources
            .iter()
            .filter_map(|name| match name.as_str() {
                "" => Some(None),
                _ => dataset
                    .sources
                    .iter()
                    .position(|s| s == name)
                    .and_then(|i| u16::try_from(i).ok())
                    .map(Some),
            })
            .collect();
        let labels = &analysis.labels;
        let browsed = self
            .browsed_not_bought
            .map(|category| browsed_not_bought_mask(dataset, analysis.as_of, category));
        let moved_nps = self.nps_move.map(|m| m.mask(dataset, n));
        let models = analysis.models.as_ref();
        let clusters = models.and_then(|m| m.clusters.as_ref().ok());
        let moved = self.migration.map(|f| {
            let picked = movers(dataset, &analysis.settings, &f.request, f.from_state, f.to_state);
            let mut mask = vec![false; n];
            for i in picked {
                if let Some(slot) = mask.get_mut(i as usize) {
                    *slot = true;
                }
            }
            mask
        });
        let keep = |i: usize| {
            (self.segments.is_empty() || labels.segment[i].is_some_and(|s| self.segments.contains(&s)))
                && (self.tiers.is_empty() || self.tiers.contains(&labels.tier[i]))
                && (self.sources.is_empty() || source_ids.contains(&dataset.customers.source()[i]))
                && (self.lifecycle.is_empty() || labels.lifecycle.get(i).is_some_and(|s| self.lifecycle.contains(s)))
                && (self.lead_stages.is_empty()
                    || labels.lead_stage.get(i).is_some_and(|s| self.lead_stages.contains(s)))
                && (self.engagement.is_empty() || labels.engagement.get(i).is_some_and(|e| self.engagement.contains(e)))
                && (self.nps_groups.is_empty() || labels.nps_group(i).is_some_and(|g| self.nps_groups.contains(&g)))
                && browsed
                    .as_ref()
                    .is_none_or(|mask| mask.get(i).copied().unwrap_or(false))
                && self
                    .cluster
                    .is_none_or(|k| clusters.is_some_and(|c| c.assignment.get(i).copied().flatten() == Some(k)))
                && self
                    .psycho_class
                    .is_none_or(|k| models.is_some_and(|m| m.psycho_class(i) == Some(k)))
                && self
                    .theme
                    .is_none_or(|k| k < 32 && labels.themes.get(i).is_some_and(|bits| bits & (1 << k) != 0))
                && moved.as_ref().is_none_or(|mask| mask[i])
                && moved_nps.as_ref().is_none_or(|mask| mask[i])
                && self
                    .custom_segment
                    .is_none_or(|k| analysis.custom.as_ref().is_some_and(|a| a.has(i, k)))
                && (search.is_empty() || matches_search(dataset, i, &search))
        };
        let mut picked: Vec<u32> = (0..n).filter(|&i| keep(i)).map(|i| i as u32).collect();
        picked.sort_by(|&a, &b| self.compare(dataset, analysis, a as usize, b as usize).then(a.cmp(&b)));
        picked
    }

    fn compare(&self, dataset: &Dataset, analysis: &Analysis, a: usize, b: usize) -> Ordering {
        let m = &analysis.metrics;
        let l = &analysis.labels;
        let ordered = |o: Ordering| if self.descending { o.reverse() } else { o };
        // Missing values sort last whichever the direction.
        let last_if_none = |x: Option<f64>, y: Option<f64>| match (x, y) {
            (Some(x), Some(y)) => ordered(x.total_cmp(&y)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        match self.sort {
            SortColumn::Key => ordered(dataset.customers.key()[a].cmp(&dataset.customers.key()[b])),
            SortColumn::Orders => ordered(m.orders[a].cmp(&m.orders[b])),
            SortColumn::Revenue => ordered(m.revenue[a].total_cmp(&m.revenue[b])),
            SortColumn::Aov => ordered(m.aov[a].total_cmp(&m.aov[b])),
            SortColumn::Recency => last_if_none(m.recency_days[a].map(f64::from), m.recency_days[b].map(f64::from)),
            SortColumn::ValueScore => last_if_none(l.value_score[a], l.value_score[b]),
            SortColumn::Segment => last_if_none(
                l.segment[a].map(|s| s.index() as f64),
                l.segment[b].map(|s| s.index() as f64),
            ),
            SortColumn::Tier => last_if_none(l.tier[a].map(f64::from), l.tier[b].map(f64::from)),
        }
    }
}

/// True when customer `i`'s id, name, email or phone contains `search`
/// (already lowercase); a search of digits also matches the phone's digits.
fn matches_search(dataset: &Dataset, i: usize, search: &str) -> bool {
    let customers = &dataset.customers;
    if customers.key()[i].to_lowercase().contains(search) {
        return true;
    }
    let contacts = customers.profile().contacts();
    let contains = |value: Option<&str>| value.is_some_and(|v| v.to_lowercase().contains(search));
    if contains(contacts.display_name(i).as_deref())
        || contains(contacts.get(i, ContactField::Email))
        || contains(contacts.get(i, ContactField::Phone))
    {
        return true;
    }
    let digits: String = search.chars().filter(char::is_ascii_digit).collect();
    digits.len() >= 3
        && digits.len()
            == search
                .chars()
                .filter(|c| !matches!(c, ' ' | '-' | '+' | '(' | ')'))
                .count()
        && contacts.get(i, ContactField::Phone).is_some_and(|phone| {
            phone
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
                .contains(&digits)
        })
}
