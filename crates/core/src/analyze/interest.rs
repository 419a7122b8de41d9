//! A customer's categories from paid orders (SPEC S4): how many distinct
//! categories, and the favourite — most paid orders, then most revenue, then
//! the category seen first in the files.

use super::paid_days::PaidDays;
use crate::model::{CategoryIdx, NO_CATEGORY};

/// Per customer: the favourite category and the number of distinct ones.
pub(crate) fn favorite_categories(paid: &PaidDays) -> (Vec<Option<CategoryIdx>>, Vec<u16>) {
    let n = paid.customers();
    let mut favorite = Vec::with_capacity(n);
    let mut distinct = Vec::with_capacity(n);
    // (category, orders, revenue) of one customer; customers have few categories.
    let mut tally: Vec<(CategoryIdx, u32, f64)> = Vec::new();
    for c in 0..n {
        tally.clear();
        for (category, amount) in paid.categories_of(c).filter(|(cat, _)| *cat != NO_CATEGORY) {
            match tally.iter_mut().find(|t| t.0 == category) {
                Some(t) => {
                    t.1 += 1;
                    t.2 += amount;
                }
                None => tally.push((category, 1, amount)),
            }
        }
        let best = tally
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(a.2.total_cmp(&b.2)).then(b.0.cmp(&a.0)));
        favorite.push(best.map(|t| t.0));
        distinct.push(u16::try_from(tally.len()).unwrap_or(u16::MAX));
    }
    (favorite, distinct)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::model::OrderStatus;

    #[test]
    fn favourite_by_orders_then_revenue_then_first_seen() {
        let mut d = fixture::paid(
            &["a", "b", "c"],
            &[
                (0, 1, 5.0),
                (0, 2, 5.0),
                (0, 3, 50.0),
                (1, 1, 5.0),
                (1, 2, 9.0),
                (2, 1, 7.0),
            ],
        );
        // a: shoes ×2, bags ×1 (more revenue) → shoes. b: bags 5, shoes 9 → shoes.
        d.orders.category = vec![0, 0, 1, 1, 0, NO_CATEGORY];
        d.categories = vec!["shoes".into(), "bags".into()];
        d.orders.push(2, 2, 99.0, OrderStatus::Refunded);
        let (favorite, distinct) = favorite_categories(&PaidDays::collect(&d, 10));
        assert_eq!(favorite, vec![Some(0), Some(0), None]);
        assert_eq!(distinct, vec![2, 2, 0]);
        // A tie in orders and revenue goes to the category seen first.
        let mut d = fixture::paid(&["a"], &[(0, 1, 5.0), (0, 2, 5.0)]);
        d.orders.category = vec![1, 0];
        assert_eq!(favorite_categories(&PaidDays::collect(&d, 10)).0, vec![Some(0)]);
    }
}
