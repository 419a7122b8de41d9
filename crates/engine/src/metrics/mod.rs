//! Per-customer metrics from orders (docs/product.md#per-customer-metrics), read from the orders grouped
//! by customer.

pub(crate) mod categories;
mod columns;
pub(crate) mod customer_events;
pub(crate) mod customer_orders;
mod headline;

pub use headline::Headline;

use categories::CategoryTally;
use customer_orders::CustomerOrders;
use segscope_model::money::{from_cents, to_cents};
use segscope_model::{CategoryIdx, CustomerIdx, Dataset, Day, LifetimeTotals};
use serde::{Deserialize, Serialize};

/// Per-customer metrics, stored column by column; entry `i` belongs to
/// customer `i` of [`Dataset::customers`]. Only orders dated on or before the
/// as-of day count, and only [`segscope_model::OrderStatus::Paid`] orders count
/// for value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerMetrics {
    /// Day of the first paid order.
    pub(crate) first_day: Vec<Option<Day>>,
    /// Day of the latest paid order.
    pub(crate) last_day: Vec<Option<Day>>,
    /// Number of paid orders.
    pub(crate) orders: Vec<u32>,
    /// Sum of paid order amounts, each rounded to cents first.
    pub(crate) revenue: Vec<f64>,
    /// Average order value: revenue / paid orders, 0 for customers without one.
    pub(crate) aov: Vec<f64>,
    /// Largest paid order amount, 0 for customers without one.
    pub(crate) max_order: Vec<f64>,
    /// Whole days from the latest paid order to the as-of day.
    pub(crate) recency_days: Vec<Option<i32>>,
    /// Whole days from the first paid order to the as-of day.
    pub(crate) tenure_days: Vec<Option<i32>>,
    /// Mean days between consecutive paid orders (same-day orders count as a
    /// gap of 0), for customers with at least two paid orders.
    pub(crate) mean_interpurchase_days: Vec<Option<f64>>,
    /// Number of refunded or returned orders.
    pub(crate) refunded: Vec<u32>,
    /// Number of cancelled orders.
    pub(crate) cancelled: Vec<u32>,
    /// Distinct product categories among the paid orders.
    #[serde(default)]
    pub(crate) distinct_categories: Vec<u16>,
    /// Favourite category (index into [`Dataset::categories`]): the one with
    /// the most paid orders, ties to the higher revenue, then the lower index;
    /// `None` without a paid order that has a category.
    #[serde(default)]
    pub(crate) favorite_category: Vec<Option<CategoryIdx>>,
}

impl CustomerMetrics {
    /// Aggregates the dataset's orders dated on or before `as_of`. Orders whose
    /// customer index is out of range are ignored; non-finite amounts count as 0.
    pub fn compute(dataset: &Dataset, as_of: Day) -> CustomerMetrics {
        let mut metrics = CustomerMetrics::from_orders(
            &CustomerOrders::collect(dataset, as_of),
            dataset.categories.len(),
            as_of,
        );
        metrics.add_totals(&dataset.totals, as_of);
        metrics
    }

    /// Gives the customers of a customer summary (who have no order row:
    /// the builder set the others' totals aside) their lifetime orders and
    /// spend (`docs/ingest/summaries.md`). Dates come from the summary when it
    /// has them; without them recency, tenure and gaps stay unknown. Totals
    /// with an order date after `as_of` cannot be split and are left out,
    /// like later orders; undated totals always count. The largest
    /// order is unknown: it is the average, a lower bound.
    pub(crate) fn add_totals(&mut self, totals: &LifetimeTotals, as_of: Day) {
        let (customer, spent) = (totals.customer(), totals.spent());
        let (first_day, last_day) = (totals.first_day(), totals.last_day());
        for k in 0..totals.len() {
            let c = customer[k] as usize;
            let orders = totals.orders()[k];
            let (first, last) = (first_day[k], last_day[k]);
            let later = |d: Option<Day>| d.is_some_and(|d| d > as_of);
            if c >= self.len() || orders == 0 || self.orders[c] > 0 || later(first) || later(last) {
                continue;
            }
            // With one order, its first and last dates are the same day.
            let (first, last) = if orders == 1 {
                (first.or(last), last.or(first))
            } else {
                (first, last)
            };
            let revenue = from_cents(to_cents(spent[k]));
            let aov = revenue / f64::from(orders);
            self.orders[c] = orders;
            self.revenue[c] = revenue;
            self.aov[c] = aov;
            self.max_order[c] = aov;
            self.first_day[c] = first;
            self.last_day[c] = last;
            self.recency_days[c] = last.map(|d| as_of.saturating_sub(d));
            self.tenure_days[c] = first.map(|d| as_of.saturating_sub(d));
            self.mean_interpurchase_days[c] = match (first, last) {
                (Some(first), Some(last)) if orders >= 2 => {
                    Some(f64::from(last.saturating_sub(first)) / f64::from(orders - 1))
                }
                _ => None,
            };
        }
    }

    /// Buyers without a known last order date (from a customer summary
    /// without dates): recency-based schemes leave them out.
    pub fn undated_buyers(&self) -> usize {
        self.orders
            .iter()
            .zip(&self.last_day)
            .filter(|(&n, last)| n > 0 && last.is_none())
            .count()
    }

    /// The metrics of orders already grouped by customer; `categories` is the
    /// number of category names.
    pub(crate) fn from_orders(grouped: &CustomerOrders, categories: usize, as_of: Day) -> CustomerMetrics {
        let n = grouped.customers();
        let mut tally = CategoryTally::new(categories);
        let mut metrics = CustomerMetrics {
            first_day: Vec::with_capacity(n),
            last_day: Vec::with_capacity(n),
            orders: Vec::with_capacity(n),
            revenue: Vec::with_capacity(n),
            aov: Vec::with_capacity(n),
            max_order: Vec::with_capacity(n),
            recency_days: Vec::with_capacity(n),
            tenure_days: Vec::with_capacity(n),
            mean_interpurchase_days: Vec::with_capacity(n),
            refunded: grouped.refunded.clone(),
            cancelled: grouped.cancelled.clone(),
            distinct_categories: Vec::with_capacity(n),
            favorite_category: Vec::with_capacity(n),
        };
        for c in 0..n {
            let paid = grouped.paid(c);
            let orders = u32::try_from(paid.len()).unwrap_or(u32::MAX);
            let first = paid.first().map(|p| p.day);
            let last = paid.last().map(|p| p.day);
            // In whole cents, so equal spends tie exactly (docs/product.md#per-customer-metrics).
            let (spent, largest) = paid.iter().fold((0i64, None), |(sum, max): (i64, Option<i64>), p| {
                let cents = to_cents(p.amount);
                (sum + cents, Some(max.map_or(cents, |m| m.max(cents))))
            });
            let revenue = from_cents(spent);
            let max_order = from_cents(largest.unwrap_or(0));
            let (distinct, favorite) = tally.customer(paid);
            metrics.distinct_categories.push(distinct);
            metrics.favorite_category.push(favorite);
            metrics.first_day.push(first);
            metrics.last_day.push(last);
            metrics.orders.push(orders);
            metrics.revenue.push(revenue);
            metrics
                .aov
                .push(if orders > 0 { revenue / f64::from(orders) } else { 0.0 });
            metrics.max_order.push(max_order);
            metrics.recency_days.push(last.map(|d| as_of.saturating_sub(d)));
            metrics.tenure_days.push(first.map(|d| as_of.saturating_sub(d)));
            metrics.mean_interpurchase_days.push(match (first, last) {
                (Some(first), Some(last)) if orders >= 2 => {
                    Some(f64::from(last.saturating_sub(first)) / f64::from(orders - 1))
                }
                _ => None,
            });
        }
        metrics.debug_check_lengths();
        metrics
    }

    /// Checks in debug builds that every column has one entry per customer.
    pub(crate) fn debug_check_lengths(&self) {
        let n = self.orders.len();
        debug_assert!(
            [
                self.first_day.len(),
                self.last_day.len(),
                self.revenue.len(),
                self.aov.len(),
                self.max_order.len(),
                self.recency_days.len(),
                self.tenure_days.len(),
                self.mean_interpurchase_days.len(),
                self.refunded.len(),
                self.cancelled.len(),
                self.distinct_categories.len(),
                self.favorite_category.len(),
            ]
            .iter()
            .all(|&len| len == n),
            "metric columns of unequal length"
        );
    }

    /// Number of customers covered.
    pub fn len(&self) -> usize {
        self.orders.len()
    }

    /// True when no customer is covered.
    pub fn is_empty(&self) -> bool {
        self.orders.is_empty()
    }

    /// The buyers with a known last order date, ascending: those that
    /// recency-based schemes (RFM, clusters) score.
    pub fn dated_buyers(&self) -> Vec<CustomerIdx> {
        (0..self.orders.len())
            .filter(|&i| self.orders[i] > 0 && self.last_day.get(i).is_some_and(Option::is_some))
            .filter_map(|i| CustomerIdx::try_from(i).ok())
            .collect()
    }

    /// Indices of the customers with at least one paid order, ascending.
    pub fn buyers(&self) -> Vec<CustomerIdx> {
        (0..self.orders.len())
            .filter(|&i| self.orders[i] > 0)
            .filter_map(|i| CustomerIdx::try_from(i).ok())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_model::{Customers, OrderStatus, Orders};

    fn dataset(n: usize, orders: &[(u32, Day, f64, OrderStatus)]) -> Dataset {
        let mut o = Orders::default();
        for &(c, d, a, s) in orders {
            o.push(c, d, a, s);
        }
        Dataset {
            customers: Customers::with_keys((0..n).map(|i| format!("c{i}")).collect()),
            orders: o,
            ..Dataset::default()
        }
    }

    #[test]
    fn aggregates_paid_orders_and_counts_after_sales_separately() {
        use OrderStatus::*;
        let d = dataset(
            3,
            &[
                (0, 10, 30.0, Paid),
                (0, 20, 50.0, Paid),
                (0, 40, 10.0, Paid),
                (0, 25, 99.0, Refunded),
                (1, 5, 20.0, Cancelled),
                (1, 6, 20.0, Refunded),
                (2, 50, 70.0, Paid),
            ],
        );
        let m = CustomerMetrics::compute(&d, 50);
        assert_eq!(m.orders, vec![3, 0, 1]);
        assert_eq!(m.revenue, vec![90.0, 0.0, 70.0]);
        assert_eq!(m.aov, vec![30.0, 0.0, 70.0]);
        assert_eq!(m.max_order, vec![50.0, 0.0, 70.0]);
        assert_eq!(m.first_day, vec![Some(10), None, Some(50)]);
        assert_eq!(m.last_day, vec![Some(40), None, Some(50)]);
        assert_eq!(m.recency_days, vec![Some(10), None, Some(0)]);
        assert_eq!(m.tenure_days, vec![Some(40), None, Some(0)]);
        // Gaps 10 and 20 days → mean 15.
        assert_eq!(m.mean_interpurchase_days, vec![Some(15.0), None, None]);
        assert_eq!(m.refunded, vec![1, 1, 0]);
        assert_eq!(m.cancelled, vec![0, 1, 0]);
        assert_eq!(m.buyers(), vec![0, 2]);
    }

    #[test]
    fn orders_after_as_of_are_left_out() {
        use OrderStatus::*;
        let d = dataset(
            2,
            &[
                (0, 10, 5.0, Paid),
                (0, 11, 7.0, Paid),
                (1, 12, 1.0, Paid),
                (1, 12, 1.0, Refunded),
            ],
        );
        let m = CustomerMetrics::compute(&d, 10);
        assert_eq!(m.orders, vec![1, 0]);
        assert_eq!(m.revenue, vec![5.0, 0.0]);
        assert_eq!(m.refunded, vec![0, 0]);
        assert_eq!(m.recency_days, vec![Some(0), None]);
    }

    #[test]
    fn bad_customer_indices_and_amounts_are_harmless() {
        use OrderStatus::*;
        let d = dataset(
            1,
            &[(7, 1, 5.0, Paid), (0, 1, f64::NAN, Paid), (0, 2, f64::INFINITY, Paid)],
        );
        let m = CustomerMetrics::compute(&d, 3);
        assert_eq!(m.orders, vec![2]);
        assert_eq!(m.revenue, vec![0.0]);
        assert_eq!(m.max_order, vec![0.0]);
    }

    #[test]
    fn empty_dataset_gives_empty_columns() {
        let m = CustomerMetrics::compute(&Dataset::default(), 0);
        assert!(m.is_empty());
        assert!(m.buyers().is_empty());
    }

    #[test]
    fn categories_are_part_of_the_metrics() {
        use OrderStatus::*;
        let mut d = dataset(
            2,
            &[
                (0, 1, 5.0, Paid),
                (0, 2, 5.0, Paid),
                (0, 3, 9.0, Paid),
                (1, 1, 5.0, Refunded),
            ],
        );
        d.categories = vec!["tea".into(), "cups".into()];
        for (i, category) in [1, 0, 1, 0].into_iter().enumerate() {
            d.orders.set_category(i, category);
        }
        let m = CustomerMetrics::compute(&d, 10);
        assert_eq!(m.favorite_category, vec![Some(1), None]);
        assert_eq!(m.distinct_categories, vec![2, 0]);
    }
}
