//! Metrics built from each customer's headline figures alone, for callers
//! that have no orders: benchmarks, tests and what-if tools.

use super::CustomerMetrics;
use segscope_model::Day;

/// One customer's headline figures: paid orders, what they spent and how
/// many days ago they last bought (`None` for a non-buyer or an undated one).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Headline {
    /// Number of paid orders; 0 makes a non-buyer.
    pub orders: u32,
    /// Sum of the paid orders.
    pub revenue: f64,
    /// Days from the latest paid order to the as-of day.
    pub recency_days: Option<i32>,
}

impl Headline {
    /// A customer with `orders` paid orders worth `revenue`, the latest
    /// `recency_days` before the as-of day.
    pub fn new(orders: u32, revenue: f64, recency_days: i32) -> Headline {
        Headline {
            orders,
            revenue,
            recency_days: Some(recency_days),
        }
    }
}

impl CustomerMetrics {
    /// Metrics of customers known only by their headline figures, every
    /// column filled: the latest (and first) order is `recency_days` before
    /// `as_of`, the average and the largest order are revenue / orders, and
    /// nobody refunded, cancelled or has categories.
    pub fn from_headlines(as_of: Day, customers: impl IntoIterator<Item = Headline>) -> CustomerMetrics {
        let mut metrics = CustomerMetrics::default();
        for c in customers {
            let bought = c.orders > 0;
            let last = c.recency_days.filter(|_| bought).map(|d| as_of.saturating_sub(d));
            let aov = if bought { c.revenue / f64::from(c.orders) } else { 0.0 };
            metrics.first_day.push(last);
            metrics.last_day.push(last);
            metrics.orders.push(c.orders);
            metrics.revenue.push(c.revenue);
            metrics.aov.push(aov);
            metrics.max_order.push(aov);
            metrics.recency_days.push(last.map(|d| as_of.saturating_sub(d)));
            metrics.tenure_days.push(last.map(|d| as_of.saturating_sub(d)));
            metrics.mean_interpurchase_days.push(None);
            metrics.refunded.push(0);
            metrics.cancelled.push(0);
            metrics.distinct_categories.push(0);
            metrics.favorite_category.push(None);
        }
        metrics.debug_check_lengths();
        metrics
    }
}
