//! Interest (docs/product.md#interest): the favourite category from paid orders and weighted
//! events, and per category the customers who browsed it but never bought it.

use crate::metrics::customer_events::{CustomerEvent, CustomerEvents};
use crate::metrics::customer_orders::{CustomerOrders, PaidOrder};
use crate::settings::InterestSettings;
use segscope_model::{CategoryIdx, Dataset, Day};

/// Scores one customer's categories, reusing scratch space from customer to
/// customer.
pub(crate) struct InterestScorer {
    score: Vec<f64>,
    orders: Vec<u32>,
    revenue: Vec<f64>,
    touched: Vec<usize>,
}

impl InterestScorer {
    /// Scratch space for `categories` category names.
    pub fn new(categories: usize) -> Self {
        InterestScorer {
            score: vec![0.0; categories],
            orders: vec![0; categories],
            revenue: vec![0.0; categories],
            touched: Vec::new(),
        }
    }

    /// The favourite: the highest score (orders × order weight + event
    /// weights), ties to more paid orders, more revenue, then the lower
    /// index; `None` when nothing scored above 0.
    pub fn favourite(
        &mut self,
        paid: &[PaidOrder],
        events: &[CustomerEvent],
        settings: &InterestSettings,
    ) -> Option<CategoryIdx> {
        for o in paid {
            if let Some(k) = self.touch(o.category) {
                self.score[k] += settings.order_weight;
                self.orders[k] += 1;
                self.revenue[k] += o.amount;
            }
        }
        for e in events {
            let w = settings.weight(e.kind);
            if w > 0.0 {
                if let Some(k) = self.touch(e.category) {
                    self.score[k] += w;
                }
            }
        }
        let key = |k: usize| (self.score[k], self.orders[k], self.revenue[k]);
        let best = self
            .touched
            .iter()
            .copied()
            .filter(|&k| self.score[k] > 0.0)
            .reduce(|b, k| {
                if key(k) > key(b) || (key(k) == key(b) && k < b) {
                    k
                } else {
                    b
                }
            });
        for &k in &self.touched {
            self.score[k] = 0.0;
            self.orders[k] = 0;
            self.revenue[k] = 0.0;
        }
        self.touched.clear();
        best.and_then(|b| CategoryIdx::try_from(b).ok())
    }

    fn touch(&mut self, category: CategoryIdx) -> Option<usize> {
        let k = usize::from(category);
        if k >= self.score.len() {
            return None;
        }
        if !self.touched.contains(&k) {
            self.touched.push(k);
        }
        Some(k)
    }
}

/// The categories a customer browsed (a page or product view about it) but
/// never bought in a paid order, ascending.
pub(crate) fn browsed_not_bought(paid: &[PaidOrder], events: &[CustomerEvent]) -> Vec<CategoryIdx> {
    let mut browsed: Vec<CategoryIdx> = events
        .iter()
        .filter(|e| e.kind.is_browse() && e.category != segscope_model::NO_CATEGORY)
        .map(|e| e.category)
        .collect();
    browsed.sort_unstable();
    browsed.dedup();
    browsed.retain(|c| !paid.iter().any(|o| o.category == *c));
    browsed
}

/// Per customer: browsed `category` but never bought it, as of `as_of`.
pub fn browsed_not_bought_mask(dataset: &Dataset, as_of: Day, category: CategoryIdx) -> Vec<bool> {
    let orders = CustomerOrders::collect(dataset, as_of);
    let events = CustomerEvents::collect(dataset, as_of);
    (0..orders.customers())
        .map(|c| browsed_not_bought(orders.paid(c), events.of(c)).contains(&category))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_model::EventKind;

    fn order(category: CategoryIdx, amount: f64) -> PaidOrder {
        PaidOrder {
            day: 1,
            category,
            amount,
        }
    }

    fn ev(kind: EventKind, category: CategoryIdx) -> CustomerEvent {
        CustomerEvent { day: 1, kind, category }
    }

    #[test]
    fn orders_and_weighted_events_add_up() {
        let s = InterestSettings::default();
        let mut scorer = InterestScorer::new(3);
        // One order in 0 (5) against six product views in 1 (6).
        let views = vec![ev(EventKind::ProductView, 1); 6];
        assert_eq!(scorer.favourite(&[order(0, 10.0)], &views, &s), Some(1));
        // Five views tie the order: the paid order wins the tie.
        assert_eq!(scorer.favourite(&[order(0, 10.0)], &views[..5], &s), Some(0));
        // Scratch space is reset between customers.
        assert_eq!(scorer.favourite(&[], &[ev(EventKind::AddToCart, 2)], &s), Some(2));
        assert_eq!(scorer.favourite(&[], &[ev(EventKind::ServiceRequest, 2)], &s), None);
        assert_eq!(scorer.favourite(&[order(9, 1.0)], &[], &s), None);
    }

    #[test]
    fn browsed_but_not_bought() {
        let events = [
            ev(EventKind::ProductView, 2),
            ev(EventKind::PageView, 1),
            ev(EventKind::Like, 3),
            ev(EventKind::ProductView, 2),
        ];
        assert_eq!(browsed_not_bought(&[order(1, 5.0)], &events), vec![2]);
    }
}
