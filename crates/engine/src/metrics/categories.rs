//! A customer's categories from paid orders (docs/product.md#per-customer-metrics; the basis of the
//! interest scheme, S5.7): how many distinct categories, and the favourite —
//! most paid orders, then most revenue, then the lower category index (the
//! category seen first in the files).

use crate::metrics::customer_orders::PaidOrder;
use segscope_model::CategoryIdx;

/// Tallies one customer's paid orders by category, reusing scratch space
/// from customer to customer.
pub(crate) struct CategoryTally {
    /// Orders per category of the current customer.
    count: Vec<u32>,
    /// Revenue per category of the current customer.
    revenue: Vec<f64>,
    /// Categories with a non-zero count, to reset.
    touched: Vec<usize>,
}

impl CategoryTally {
    /// Scratch space for `categories` category names.
    pub fn new(categories: usize) -> CategoryTally {
        CategoryTally {
            count: vec![0; categories],
            revenue: vec![0.0; categories],
            touched: Vec::new(),
        }
    }

    /// The number of distinct categories among `paid`, and the favourite: the
    /// category with the most orders, ties to the higher revenue, then to the
    /// lower index; `None` without a categorised order. Orders without a
    /// category, or with an index beyond the category names, do not count.
    pub fn customer(&mut self, paid: &[PaidOrder]) -> (u16, Option<CategoryIdx>) {
        let categories = self.count.len();
        // With at most 64 categories a bit mask records which were touched,
        // without a branch per order.
        let small = categories <= 64;
        let mut mask = 0u64;
        for order in paid {
            let k = usize::from(order.category);
            if k >= categories {
                continue;
            }
            if small {
                mask |= 1 << k;
            } else if self.count[k] == 0 {
                self.touched.push(k);
            }
            self.count[k] += 1;
            self.revenue[k] += order.amount;
        }
        while mask != 0 {
            self.touched.push(mask.trailing_zeros() as usize);
            mask &= mask - 1;
        }
        let (count, revenue) = (&self.count, &self.revenue);
        let beats = |a: usize, b: usize| {
            (count[a], revenue[a]) > (count[b], revenue[b])
                || (count[a] == count[b] && revenue[a] == revenue[b] && a < b)
        };
        let best = self
            .touched
            .iter()
            .copied()
            .reduce(|b, k| if beats(k, b) { k } else { b });
        let distinct = u16::try_from(self.touched.len()).unwrap_or(u16::MAX);
        for &k in &self.touched {
            self.count[k] = 0;
            self.revenue[k] = 0.0;
        }
        self.touched.clear();
        (distinct, best.and_then(|b| CategoryIdx::try_from(b).ok()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::customer_orders::CustomerOrders;
    use segscope_model::{Customers, Dataset, OrderStatus, NO_CATEGORY};

    /// Orders `(customer, day, amount, category)`, all paid unless the amount is negative (refunded).
    fn dataset(customers: usize, orders: &[(u32, i32, f64, CategoryIdx)]) -> Dataset {
        let mut d = Dataset {
            customers: Customers::with_keys((0..customers).map(|i| format!("c{i}")).collect()),
            categories: vec!["a".into(), "b".into(), "c".into()],
            ..Dataset::default()
        };
        for &(c, day, amount, category) in orders {
            let status = if amount < 0.0 {
                OrderStatus::Refunded
            } else {
                OrderStatus::Paid
            };
            d.orders.push_with_category(c, day, amount.abs(), status, category);
        }
        d
    }

    /// Distinct counts and favourites of every customer.
    fn metrics(d: &Dataset, as_of: i32) -> (Vec<u16>, Vec<Option<CategoryIdx>>) {
        let orders = CustomerOrders::collect(d, as_of);
        let mut tally = CategoryTally::new(d.categories.len());
        (0..orders.customers()).map(|c| tally.customer(orders.paid(c))).unzip()
    }

    #[test]
    fn most_orders_win_then_revenue_then_the_lower_index() {
        let d = dataset(
            4,
            &[
                // c0: b twice beats c once with more revenue.
                (0, 1, 1.0, 1),
                (0, 2, 1.0, 1),
                (0, 3, 50.0, 2),
                // c1: one order each in a and c; c has more revenue.
                (1, 1, 5.0, 0),
                (1, 2, 9.0, 2),
                // c2: full tie between c and a → a (lower index).
                (2, 1, 5.0, 2),
                (2, 2, 5.0, 0),
            ],
        );
        let m = metrics(&d, 10);
        assert_eq!(m.1, vec![Some(1), Some(2), Some(0), None]);
        assert_eq!(m.0, vec![2, 2, 2, 0]);
    }

    #[test]
    fn only_paid_categorised_orders_up_to_as_of_count() {
        let d = dataset(
            1,
            &[
                (0, 1, 5.0, NO_CATEGORY),
                (0, 2, 5.0, NO_CATEGORY),
                (0, 3, -5.0, 0),
                (0, 4, 5.0, 1),
                (0, 20, 5.0, 2),
                (0, 20, 5.0, 2),
                (0, 5, 5.0, 9),
            ],
        );
        let m = metrics(&d, 10);
        assert_eq!(m, (vec![1], vec![Some(1)]));
        // Without any categorised order there is no favourite.
        let m = metrics(&d, 2);
        assert_eq!(m, (vec![0], vec![None]));
    }

    #[test]
    fn no_categories_at_all() {
        let m = metrics(&Dataset::default(), 0);
        assert!(m.0.is_empty() && m.1.is_empty());
    }
}
