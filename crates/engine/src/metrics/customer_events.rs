//! Events grouped by customer with a counting sort, as of a day: every event
//! dated on or before it, ascending by day within a customer. Lead stages,
//! engagement and interest read this one grouping.

use segscope_model::{CategoryIdx, Dataset, Day, EventKind};

/// One event, as the per-customer analyses need it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct CustomerEvent {
    /// Event date.
    pub day: Day,
    /// What happened.
    pub kind: EventKind,
    /// Product category, or [`segscope_model::NO_CATEGORY`].
    pub category: CategoryIdx,
}

/// Every customer's events dated on or before the as-of day.
#[derive(Debug, Clone, Default)]
pub(crate) struct CustomerEvents {
    /// `events[offsets[c]..offsets[c + 1]]` are customer `c`'s events.
    offsets: Vec<u32>,
    events: Vec<CustomerEvent>,
}

impl CustomerEvents {
    /// Groups the events dated on or before `as_of`; events whose customer
    /// index is out of range are ignored.
    pub fn collect(dataset: &Dataset, as_of: Day) -> CustomerEvents {
        let n = dataset.customers.len();
        let e = &dataset.events;
        let (customer, day, kind, category) = (e.customer(), e.day(), e.kind(), e.category());
        let kept = |k: usize| day[k] <= as_of && (customer[k] as usize) < n;
        let mut offsets = vec![0u32; n + 1];
        for k in (0..e.len()).filter(|&k| kept(k)) {
            offsets[customer[k] as usize + 1] += 1;
        }
        for c in 0..n {
            offsets[c + 1] += offsets[c];
        }
        let empty = CustomerEvent {
            day: 0,
            kind: EventKind::Other,
            category: 0,
        };
        let mut events = vec![empty; offsets[n] as usize];
        let mut next = offsets.clone();
        for k in (0..e.len()).filter(|&k| kept(k)) {
            let c = customer[k] as usize;
            events[next[c] as usize] = CustomerEvent {
                day: day[k],
                kind: kind[k],
                category: category[k],
            };
            next[c] += 1;
        }
        for c in 0..n {
            events[offsets[c] as usize..offsets[c + 1] as usize].sort_by_key(|ev| ev.day);
        }
        CustomerEvents { offsets, events }
    }

    /// Customer `c`'s events, ascending by day.
    pub fn of(&self, c: usize) -> &[CustomerEvent] {
        match (self.offsets.get(c), self.offsets.get(c + 1)) {
            (Some(&a), Some(&b)) => &self.events[a as usize..b as usize],
            _ => &[],
        }
    }

    /// True when no customer has an event in range.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_model::Customers;

    #[test]
    fn groups_by_customer_sorted_and_drops_later_events() {
        let mut d = Dataset {
            customers: Customers::with_keys(vec!["a".into(), "b".into()]),
            ..Dataset::default()
        };
        d.events.push(1, 20, EventKind::Like);
        d.events.push(0, 15, EventKind::AddToCart);
        d.events.push(1, 10, EventKind::PageView);
        d.events.push(1, 99, EventKind::Share);
        d.events.push(7, 10, EventKind::Share);
        let g = CustomerEvents::collect(&d, 30);
        assert_eq!(g.of(0).len(), 1);
        let days: Vec<Day> = g.of(1).iter().map(|e| e.day).collect();
        assert_eq!(days, vec![10, 20]);
        assert!(g.of(5).is_empty());
    }
}
