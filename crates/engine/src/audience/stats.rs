//! The dashboard totals of the audience schemes: event and stage counts,
//! funnels, the engagement trend, category interest and demographic splits.

use super::super::labels::Labels;
use super::super::{LifecycleStage, RfmSegment};
use super::demographics::{BandName, Banding, Dimension};
use super::engagement::{monthly_trend, Engagement, MonthActivity};
use super::interest::browsed_not_bought;
use super::journey::{journey_depth, journey_funnel};
use super::leads::{lead_funnel, LeadStage};
use crate::metrics::customer_events::CustomerEvents;
use crate::metrics::customer_orders::CustomerOrders;
use crate::metrics::CustomerMetrics;
use crate::settings::Settings;
use segscope_model::{CategoryIdx, Dataset, Day, EventKind};
use serde::{Deserialize, Serialize};

/// Categories shown in the interest table and the affinity heatmap.
const TOP_CATEGORIES: usize = 10;
/// Sources with their own lead funnel.
const FUNNEL_SOURCES: usize = 4;

/// The lead funnel of one source (or all): Awareness, Consideration,
/// Decision, First purchase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadFunnel {
    /// The source; `None` for all customers.
    pub source: Option<String>,
    /// Customers at or past each step.
    pub steps: [u64; 4],
}

/// Interest in one category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryInterest {
    /// Category name.
    pub name: String,
    /// Index into the dataset's categories (the explorer's filter value).
    pub index: CategoryIdx,
    /// Customers whose favourite it is.
    pub favourite: u64,
    /// Customers who browsed it but never bought it.
    pub browsed_not_bought: u64,
}

/// One band of a demographic dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BandStat {
    /// The band's name.
    pub name: BandName,
    /// Customers in the band.
    pub customers: u64,
    /// Buyers in the band.
    pub buyers: u64,
    /// Paid revenue of the band.
    pub revenue: f64,
    /// Customers per value tier (best first), then "No purchase".
    pub by_tier: Vec<u64>,
    /// Customers per lifecycle stage.
    pub by_stage: Vec<u64>,
}

/// One demographic dimension's bands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemographicSplit {
    /// The dimension.
    pub dimension: Dimension,
    /// Customers with a known value.
    pub known: u64,
    /// The bands, Unknown last.
    pub bands: Vec<BandStat>,
}

/// Everything the Leads, Engagement, Interest and Demographics pages show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct AudienceSummary {
    /// Events dated up to the as-of date.
    pub events: u64,
    /// Events per kind, in [`EventKind::ALL`] order.
    pub event_counts: Vec<u64>,
    /// Customers per lead stage, in [`LeadStage::ALL`] order.
    pub leads: Vec<u64>,
    /// The lead funnel over all customers.
    pub lead_funnel: Option<LeadFunnel>,
    /// The lead funnel of the largest sources.
    pub lead_funnel_by_source: Vec<LeadFunnel>,
    /// Customers per engagement level, in [`Engagement::ALL`] order.
    pub engagement: Vec<u64>,
    /// Customers who interacted, per month of the last year.
    pub engagement_trend: Vec<MonthActivity>,
    /// Customers at each journey step.
    pub journey: Vec<u64>,
    /// The most favoured categories, most first.
    pub categories: Vec<CategoryInterest>,
    /// Rows: RFM segments in table order; columns: `categories`; cells: the
    /// share of the segment's customers whose favourite the category is.
    pub affinity: Vec<Vec<f64>>,
    /// Demographic splits, in [`Dimension::ALL`] order (known values only).
    pub demographics: Vec<DemographicSplit>,
}

/// What [`AudienceSummary::build`] summarises.
pub(crate) struct AudienceInput<'a> {
    /// The dataset analysed.
    pub dataset: &'a Dataset,
    /// Settings in force.
    pub settings: &'a Settings,
    /// Per-customer metrics.
    pub metrics: &'a CustomerMetrics,
    /// Per-customer labels.
    pub labels: &'a Labels,
    /// Orders by customer.
    pub orders: &'a CustomerOrders,
    /// Events by customer.
    pub events: &'a CustomerEvents,
    /// The as-of day.
    pub as_of: Day,
    /// Every customer's demographic bands, in [`Dimension::ALL`] order.
    pub bands: &'a [Banding],
}

impl AudienceSummary {
    /// Summarises the audience labels of every customer.
    pub(crate) fn build(input: &AudienceInput) -> AudienceSummary {
        let labels = input.labels;
        let n = labels.lead_stage.len();
        let mut event_counts = vec![0u64; EventKind::ALL.len()];
        for c in 0..n {
            for e in input.events.of(c) {
                event_counts[e.kind.index()] += 1;
            }
        }
        let mut leads = vec![0u64; LeadStage::ALL.len()];
        let mut engagement = vec![0u64; Engagement::ALL.len()];
        for c in 0..n {
            leads[labels.lead_stage[c].index()] += 1;
            engagement[labels.engagement[c].index()] += 1;
        }
        let journey = journey_funnel(
            (0..n).map(|c| journey_depth(labels.lead_stage[c], input.metrics.orders[c], labels.segment[c])),
        );
        let (categories, affinity) = interest(input);
        AudienceSummary {
            events: event_counts.iter().sum(),
            event_counts,
            leads,
            lead_funnel: Some(LeadFunnel {
                source: None,
                steps: lead_funnel(labels.lead_stage.iter().copied()),
            }),
            lead_funnel_by_source: funnels_by_source(input.dataset, &labels.lead_stage),
            engagement,
            engagement_trend: monthly_trend(n, input.as_of, |c| {
                let orders = input.orders.paid(c).iter().map(|o| o.day);
                orders.chain(input.events.of(c).iter().map(|e| e.day))
            }),
            journey: journey.to_vec(),
            categories,
            affinity,
            demographics: Dimension::ALL
                .iter()
                .zip(input.bands)
                .map(|(&d, b)| split(input, d, b))
                .collect(),
        }
    }
}

fn funnels_by_source(dataset: &Dataset, stages: &[LeadStage]) -> Vec<LeadFunnel> {
    let sources = dataset.sources.len();
    let mut members: Vec<Vec<LeadStage>> = vec![Vec::new(); sources];
    for (c, stage) in stages.iter().enumerate() {
        if let Some(s) = dataset.customers.source().get(c).copied().flatten() {
            if let Some(list) = members.get_mut(usize::from(s)) {
                list.push(*stage);
            }
        }
    }
    let mut funnels: Vec<LeadFunnel> = members
        .into_iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(s, m)| LeadFunnel {
            source: Some(dataset.sources[s].clone()),
            steps: lead_funnel(m.into_iter()),
        })
        .collect();
    funnels.sort_by(|a, b| b.steps[0].cmp(&a.steps[0]).then(a.source.cmp(&b.source)));
    funnels.truncate(FUNNEL_SOURCES);
    funnels
}

fn interest(input: &AudienceInput) -> (Vec<CategoryInterest>, Vec<Vec<f64>>) {
    let names = &input.dataset.categories;
    let favourite_of = &input.metrics.favorite_category;
    let mut favourite = vec![0u64; names.len()];
    let mut browsed = vec![0u64; names.len()];
    for (c, fav) in favourite_of.iter().enumerate() {
        if let Some(k) = fav.and_then(|k| favourite.get_mut(usize::from(k))) {
            *k += 1;
        }
        for k in browsed_not_bought(input.orders.paid(c), input.events.of(c)) {
            if let Some(slot) = browsed.get_mut(usize::from(k)) {
                *slot += 1;
            }
        }
    }
    let mut order: Vec<usize> = (0..names.len()).filter(|&k| favourite[k] + browsed[k] > 0).collect();
    order.sort_by(|&a, &b| {
        favourite[b]
            .cmp(&favourite[a])
            .then(browsed[b].cmp(&browsed[a]))
            .then(a.cmp(&b))
    });
    order.truncate(TOP_CATEGORIES);
    let categories = order
        .iter()
        .map(|&k| CategoryInterest {
            name: names[k].clone(),
            index: k as CategoryIdx,
            favourite: favourite[k],
            browsed_not_bought: browsed[k],
        })
        .collect();
    let mut column = vec![None; names.len()];
    for (i, &k) in order.iter().enumerate() {
        column[k] = Some(i);
    }
    let mut cells = vec![vec![0u64; order.len()]; RfmSegment::ALL.len()];
    let mut members = vec![0u64; RfmSegment::ALL.len()];
    for (c, segment) in input.labels.segment.iter().enumerate() {
        let Some(segment) = segment else { continue };
        members[segment.index()] += 1;
        if let Some(col) = favourite_of[c].and_then(|k| column.get(usize::from(k)).copied().flatten()) {
            cells[segment.index()][col] += 1;
        }
    }
    let affinity = cells
        .into_iter()
        .zip(members)
        .map(|(row, m)| {
            row.into_iter()
                .map(|v| if m == 0 { 0.0 } else { v as f64 / m as f64 })
                .collect()
        })
        .collect();
    (categories, affinity)
}

fn split(input: &AudienceInput, dimension: Dimension, b: &Banding) -> DemographicSplit {
    let tiers = input.settings.tiers.names.len();
    let mut bands: Vec<BandStat> = b
        .names
        .iter()
        .map(|name| BandStat {
            name: name.clone(),
            customers: 0,
            buyers: 0,
            revenue: 0.0,
            by_tier: vec![0; tiers + 1],
            by_stage: vec![0; LifecycleStage::ALL.len()],
        })
        .collect();
    let labels = input.labels;
    for (c, &band) in b.band.iter().enumerate() {
        let Some(row) = bands.get_mut(usize::from(band)) else {
            continue;
        };
        row.customers += 1;
        row.buyers += u64::from(input.metrics.orders[c] > 0);
        row.revenue += input.metrics.revenue[c];
        let tier = labels.tier[c].map_or(tiers, |t| (t as usize).min(tiers));
        row.by_tier[tier] += 1;
        row.by_stage[labels.lifecycle[c].index()] += 1;
    }
    let unknown_band = bands.last().map_or(0, |u| u.customers);
    let known = b.band.len() as u64 - unknown_band;
    bands.retain(|band| band.customers > 0);
    DemographicSplit {
        dimension,
        known,
        bands,
    }
}
