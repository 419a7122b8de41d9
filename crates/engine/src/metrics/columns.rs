//! Read access to the metric columns; the engine alone writes them, so they
//! keep one entry per customer.

use super::CustomerMetrics;
use segscope_model::{CategoryIdx, Day};

impl CustomerMetrics {
    /// Day of the first paid order.
    pub fn first_day(&self) -> &[Option<Day>] {
        &self.first_day
    }

    /// Day of the latest paid order.
    pub fn last_day(&self) -> &[Option<Day>] {
        &self.last_day
    }

    /// Number of paid orders.
    pub fn orders(&self) -> &[u32] {
        &self.orders
    }

    /// Sum of paid order amounts, each rounded to cents first.
    pub fn revenue(&self) -> &[f64] {
        &self.revenue
    }

    /// Average order value: revenue / paid orders, 0 for customers without one.
    pub fn aov(&self) -> &[f64] {
        &self.aov
    }

    /// Largest paid order amount, 0 for customers without one.
    pub fn max_order(&self) -> &[f64] {
        &self.max_order
    }

    /// Whole days from the latest paid order to the as-of day.
    pub fn recency_days(&self) -> &[Option<i32>] {
        &self.recency_days
    }

    /// Whole days from the first paid order to the as-of day.
    pub fn tenure_days(&self) -> &[Option<i32>] {
        &self.tenure_days
    }

    /// Mean days between consecutive paid orders (same-day orders count as a
    /// gap of 0), for customers with at least two paid orders.
    pub fn mean_interpurchase_days(&self) -> &[Option<f64>] {
        &self.mean_interpurchase_days
    }

    /// Number of refunded or returned orders.
    pub fn refunded(&self) -> &[u32] {
        &self.refunded
    }

    /// Number of cancelled orders.
    pub fn cancelled(&self) -> &[u32] {
        &self.cancelled
    }

    /// Distinct product categories among the paid orders.
    pub fn distinct_categories(&self) -> &[u16] {
        &self.distinct_categories
    }

    /// Favourite category (index into [`Dataset::categories`]): the one with
    /// the most paid orders, ties to the higher revenue, then the lower index;
    /// `None` without a paid order that has a category.
    pub fn favorite_category(&self) -> &[Option<CategoryIdx>] {
        &self.favorite_category
    }
}
