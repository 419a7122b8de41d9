//! Orders grouped by customer in two passes over the order columns (a
//! counting sort, never a sort of all orders): every paid order with its day,
//! category and amount, ascending by day within a customer, plus counts of
//! refunded and cancelled orders. Metrics, gaps, cohorts and categories all
//! read this one grouping.

use segscope_model::{CategoryIdx, Dataset, Day, OrderStatus, NO_CATEGORY};

/// One paid order, as the per-customer analyses need it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PaidOrder {
    /// Order date.
    pub day: Day,
    /// Product category, or [`NO_CATEGORY`].
    pub category: CategoryIdx,
    /// Amount; non-finite amounts are stored as 0.
    pub amount: f64,
}

/// Every customer's orders dated on or before the as-of day.
#[derive(Debug, Clone, Default)]
pub(crate) struct CustomerOrders {
    /// `paid[offsets[c]..offsets[c + 1]]` are customer `c`'s paid orders.
    offsets: Vec<u32>,
    paid: Vec<PaidOrder>,
    /// Refunded or returned orders per customer.
    pub refunded: Vec<u32>,
    /// Cancelled orders per customer.
    pub cancelled: Vec<u32>,
}

impl CustomerOrders {
    /// Groups the orders dated on or before `as_of`; orders whose customer
    /// index is out of range are ignored.
    pub fn collect(dataset: &Dataset, as_of: Day) -> CustomerOrders {
        let n = dataset.customers.len();
        let o = &dataset.orders;
        let (customer, day, status) = (o.customer(), o.day(), o.status());
        let (amount, category) = (o.amount(), o.category());
        let mut offsets = vec![0u32; n + 1];
        let mut refunded = vec![0u32; n];
        let mut cancelled = vec![0u32; n];
        for k in 0..o.len() {
            let c = customer[k] as usize;
            if day[k] > as_of || c >= n {
                continue;
            }
            match status[k] {
                OrderStatus::Paid => offsets[c + 1] += 1,
                OrderStatus::Refunded => refunded[c] = refunded[c].saturating_add(1),
                OrderStatus::Cancelled => cancelled[c] = cancelled[c].saturating_add(1),
            }
        }
        for c in 0..n {
            offsets[c + 1] += offsets[c];
        }
        let empty = PaidOrder {
            day: 0,
            category: 0,
            amount: 0.0,
        };
        let mut paid = vec![empty; offsets[n] as usize];
        let mut next = offsets.clone();
        for k in 0..o.len() {
            let c = customer[k] as usize;
            if day[k] > as_of || c >= n || !status[k].is_paid() {
                continue;
            }
            let amount = amount[k];
            paid[next[c] as usize] = PaidOrder {
                day: day[k],
                category: category.get(k).copied().unwrap_or(NO_CATEGORY),
                amount: if amount.is_finite() { amount } else { 0.0 },
            };
            next[c] += 1;
        }
        for c in 0..n {
            let orders = &mut paid[offsets[c] as usize..offsets[c + 1] as usize];
            // Stable, so same-day orders keep file order (and sums stay
            // reproducible); most exports list a customer's orders in date
            // order already.
            if !orders.is_sorted_by_key(|p| p.day) {
                orders.sort_by_key(|p| p.day);
            }
        }
        CustomerOrders {
            offsets,
            paid,
            refunded,
            cancelled,
        }
    }

    /// Customer `c`'s paid orders, ascending by day.
    pub fn paid(&self, c: usize) -> &[PaidOrder] {
        match (self.offsets.get(c), self.offsets.get(c + 1)) {
            (Some(&a), Some(&b)) => &self.paid[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Number of customers covered.
    pub fn customers(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Every gap in days between consecutive paid orders of the same customer
    /// (0 for two orders on one day).
    pub fn gaps(&self) -> impl Iterator<Item = i32> + '_ {
        (0..self.customers()).flat_map(|c| self.paid(c).windows(2).map(|w| w[1].day - w[0].day))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn days(orders: &CustomerOrders, c: usize) -> Vec<Day> {
        orders.paid(c).iter().map(|p| p.day).collect()
    }

    #[test]
    fn groups_sorts_and_counts_after_sales_separately() {
        let mut d = fixture::paid(
            &["a", "b", "c"],
            &[(1, 9, 1.0), (0, 5, 1.0), (1, 3, 1.0), (0, 1, 1.0), (0, 30, 1.0)],
        );
        d.orders.push(2, 2, 1.0, OrderStatus::Refunded);
        d.orders.push(2, 2, 1.0, OrderStatus::Cancelled);
        d.orders.push(2, 99, 1.0, OrderStatus::Refunded);
        d.orders.push(7, 2, 1.0, OrderStatus::Paid);
        let o = CustomerOrders::collect(&d, 20);
        assert_eq!(days(&o, 0), vec![1, 5]);
        assert_eq!(days(&o, 1), vec![3, 9]);
        assert!(o.paid(2).is_empty());
        assert!(o.paid(9).is_empty());
        assert_eq!((&o.refunded, &o.cancelled), (&vec![0, 0, 1], &vec![0, 0, 1]));
        assert_eq!(o.gaps().collect::<Vec<_>>(), vec![4, 6]);
    }

    #[test]
    fn same_day_orders_keep_file_order_and_bad_amounts_become_zero() {
        let d = fixture::paid(&["a"], &[(0, 4, 2.0), (0, 3, f64::NAN), (0, 4, 1.0)]);
        let o = CustomerOrders::collect(&d, 10);
        let amounts: Vec<f64> = o.paid(0).iter().map(|p| p.amount).collect();
        assert_eq!(amounts, vec![0.0, 2.0, 1.0]);
        assert_eq!(o.gaps().collect::<Vec<_>>(), vec![1, 0]);
    }

    #[test]
    fn empty_dataset_has_no_customers() {
        let o = CustomerOrders::collect(&Dataset::default(), 0);
        assert_eq!(o.customers(), 0);
        assert_eq!(o.gaps().count(), 0);
    }
}
