//! The schemes built on events and profiles: lead stages (docs/product.md#lead-stages),
//! engagement (S5.6), interest (S5.7), demographics and the journey (S6).

pub mod demographics;
pub mod engagement;
pub mod interest;
pub mod journey;
pub mod leads;
pub mod settings;
mod stats;

pub use demographics::{banding, bandings, BandName, Banding, Dimension};
pub use engagement::{Engagement, MonthActivity};
pub use interest::browsed_not_bought_mask;
pub use leads::{LeadReason, LeadStage};
pub(crate) use stats::AudienceInput;
pub use stats::{AudienceSummary, BandStat, CategoryInterest, DemographicSplit, LeadFunnel};

use crate::metrics::customer_events::CustomerEvents;
use crate::metrics::customer_orders::CustomerOrders;
use crate::metrics::CustomerMetrics;
use crate::settings::Settings;
use interest::InterestScorer;
use segscope_model::{CategoryIdx, Dataset, Day};

/// Per-customer labels from events.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct AudienceLabels {
    /// Lead purchase stage and its reason.
    pub lead: Vec<(LeadStage, LeadReason)>,
    /// Engagement level.
    pub engagement: Vec<Engagement>,
    /// Last interaction: an event or an order of any status.
    pub last_activity: Vec<Option<Day>>,
}

impl AudienceLabels {
    /// Labels every customer from its events and orders up to `as_of`: a
    /// buyer is a customer with paid orders in `metrics` (order rows or a
    /// customer summary's totals), and a summary's last order date counts as
    /// an interaction like an order row's.
    pub fn assign(
        dataset: &Dataset,
        metrics: &CustomerMetrics,
        events: &CustomerEvents,
        as_of: Day,
        settings: &Settings,
    ) -> Self {
        let n = metrics.len();
        let last_order_any = last_order_days(dataset, n, as_of);
        let mut labels = AudienceLabels {
            lead: Vec::with_capacity(n),
            engagement: Vec::with_capacity(n),
            last_activity: Vec::with_capacity(n),
        };
        for (c, &last_order) in last_order_any.iter().enumerate() {
            let evs = events.of(c);
            let buyer = metrics.orders[c] > 0;
            labels.lead.push(leads::lead_stage(evs, buyer, as_of, &settings.leads));
            let last_event = evs.last().map(|e| e.day);
            let last = last_event.max(last_order).max(metrics.last_day[c]);
            labels.last_activity.push(last);
            labels
                .engagement
                .push(engagement::engagement(last, as_of, &settings.engagement));
        }
        labels
    }
}

/// Favourite categories from paid orders and weighted events; `None` where
/// nothing scored.
pub(crate) fn weighted_favourites(
    orders: &CustomerOrders,
    events: &CustomerEvents,
    categories: usize,
    settings: &Settings,
) -> Vec<Option<CategoryIdx>> {
    let mut scorer = InterestScorer::new(categories);
    (0..orders.customers())
        .map(|c| scorer.favourite(orders.paid(c), events.of(c), &settings.interest))
        .collect()
}

/// Each customer's latest order of any status up to `as_of`.
fn last_order_days(dataset: &Dataset, customers: usize, as_of: Day) -> Vec<Option<Day>> {
    let mut last = vec![None; customers];
    let o = &dataset.orders;
    for (&c, &day) in o.customer().iter().zip(o.day()) {
        if let Some(slot) = last.get_mut(c as usize).filter(|_| day <= as_of) {
            *slot = (*slot).max(Some(day));
        }
    }
    last
}
