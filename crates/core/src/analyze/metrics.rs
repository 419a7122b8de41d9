//! Per-customer metrics from orders (SPEC S4), one pass over the order columns.

use crate::model::{CategoryIdx, CustomerIdx, Dataset, Day, OrderStatus};
use serde::{Deserialize, Serialize};

/// Per-customer metrics, stored column by column; entry `i` belongs to
/// customer `i` of [`Dataset::customers`]. Only orders dated on or before the
/// as-of day count, and only [`OrderStatus::Paid`] orders count for value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerMetrics {
    /// Day of the first paid order.
    pub first_day: Vec<Option<Day>>,
    /// Day of the latest paid order.
    pub last_day: Vec<Option<Day>>,
    /// Number of paid orders.
    pub orders: Vec<u32>,
    /// Sum of paid order amounts.
    pub revenue: Vec<f64>,
    /// Average order value: revenue / paid orders, 0 for customers without one.
    pub aov: Vec<f64>,
    /// Largest paid order amount, 0 for customers without one.
    pub max_order: Vec<f64>,
    /// Whole days from the latest paid order to the as-of day.
    pub recency_days: Vec<Option<i32>>,
    /// Whole days from the first paid order to the as-of day.
    pub tenure_days: Vec<Option<i32>>,
    /// Mean days between consecutive paid orders (same-day orders count as a
    /// gap of 0), for customers with at least two paid orders.
    pub mean_interpurchase_days: Vec<Option<f64>>,
    /// Number of refunded or returned orders.
    pub refunded: Vec<u32>,
    /// Number of cancelled orders.
    pub cancelled: Vec<u32>,
    /// Favourite product category from paid orders (filled by the analysis).
    pub favorite_category: Vec<Option<CategoryIdx>>,
    /// Distinct categories among paid orders (filled by the analysis).
    pub distinct_categories: Vec<u16>,
}

impl CustomerMetrics {
    /// Aggregates the dataset's orders dated on or before `as_of`. Orders whose
    /// customer index is out of range are ignored; non-finite amounts count as 0.
    pub fn compute(dataset: &Dataset, as_of: Day) -> CustomerMetrics {
        let n = dataset.customers.len();
        let mut totals = vec![PaidTotals::default(); n];
        let mut refunded = vec![0u32; n];
        let mut cancelled = vec![0u32; n];
        let orders = &dataset.orders;
        let rows = orders
            .customer
            .iter()
            .zip(&orders.day)
            .zip(&orders.amount)
            .zip(&orders.status);
        for (((&customer, &day), &amount), &status) in rows {
            let c = customer as usize;
            if day > as_of || c >= n {
                continue;
            }
            match status {
                OrderStatus::Paid => totals[c].add(day, amount),
                OrderStatus::Refunded => refunded[c] = refunded[c].saturating_add(1),
                OrderStatus::Cancelled => cancelled[c] = cancelled[c].saturating_add(1),
            }
        }
        let mut metrics = CustomerMetrics::from_paid_totals(&totals, as_of);
        metrics.refunded = refunded;
        metrics.cancelled = cancelled;
        metrics
    }

    /// Number of customers covered.
    pub fn len(&self) -> usize {
        self.orders.len()
    }

    /// True when no customer is covered.
    pub fn is_empty(&self) -> bool {
        self.orders.is_empty()
    }

    /// Indices of the customers with at least one paid order, ascending.
    pub fn buyers(&self) -> Vec<CustomerIdx> {
        (0..self.orders.len())
            .filter(|&i| self.orders[i] > 0)
            .filter_map(|i| CustomerIdx::try_from(i).ok())
            .collect()
    }

    /// Columns from paid-order totals; after-sales counts are left empty.
    fn from_paid_totals(totals: &[PaidTotals], as_of: Day) -> CustomerMetrics {
        let n = totals.len();
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
            refunded: Vec::new(),
            cancelled: Vec::new(),
            favorite_category: Vec::new(),
            distinct_categories: Vec::new(),
        };
        for t in totals {
            let bought = t.orders > 0;
            let first = bought.then_some(t.first);
            let last = bought.then_some(t.last);
            metrics.first_day.push(first);
            metrics.last_day.push(last);
            metrics.orders.push(t.orders);
            metrics.revenue.push(t.revenue);
            metrics
                .aov
                .push(if bought { t.revenue / f64::from(t.orders) } else { 0.0 });
            metrics.max_order.push(t.max_order);
            metrics.recency_days.push(last.map(|d| as_of.saturating_sub(d)));
            metrics.tenure_days.push(first.map(|d| as_of.saturating_sub(d)));
            metrics
                .mean_interpurchase_days
                .push((t.orders >= 2).then(|| f64::from(t.last.saturating_sub(t.first)) / f64::from(t.orders - 1)));
        }
        metrics
    }
}

/// One customer's running paid-order sums while orders stream past: 32
/// bytes, so that each order touches a single cache line.
#[derive(Clone, Copy)]
struct PaidTotals {
    first: Day,
    last: Day,
    orders: u32,
    revenue: f64,
    max_order: f64,
}

impl Default for PaidTotals {
    fn default() -> Self {
        PaidTotals {
            first: Day::MAX,
            last: Day::MIN,
            orders: 0,
            revenue: 0.0,
            max_order: 0.0,
        }
    }
}

impl PaidTotals {
    fn add(&mut self, day: Day, amount: f64) {
        let amount = if amount.is_finite() { amount } else { 0.0 };
        if self.orders == 0 || amount > self.max_order {
            self.max_order = amount;
        }
        self.orders = self.orders.saturating_add(1);
        self.revenue += amount;
        self.first = self.first.min(day);
        self.last = self.last.max(day);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Customers, Orders};

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
}
