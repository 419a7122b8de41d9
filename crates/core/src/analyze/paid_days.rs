//! Each customer's paid orders in date order, grouped in one pass (a counting
//! sort by customer), for the analyses that need gaps between orders or a
//! customer's categories.

use crate::model::{CategoryIdx, Dataset, Day, NO_CATEGORY};

/// Paid orders of every customer, ascending by day within a customer.
#[derive(Debug, Clone, Default)]
pub(crate) struct PaidDays {
    /// `days[offsets[c]..offsets[c + 1]]` are customer `c`'s days.
    offsets: Vec<u32>,
    days: Vec<Day>,
    /// The category of each entry of `days`.
    categories: Vec<CategoryIdx>,
    /// The amount of each entry of `days`.
    amounts: Vec<f64>,
}

impl PaidDays {
    /// Groups the paid orders dated on or before `as_of`.
    pub fn collect(dataset: &Dataset, as_of: Day) -> PaidDays {
        let n = dataset.customers.len();
        let o = &dataset.orders;
        let counted = |k: usize| o.status[k].is_paid() && o.day[k] <= as_of && (o.customer[k] as usize) < n;
        let mut offsets = vec![0u32; n + 1];
        for k in (0..o.len()).filter(|&k| counted(k)) {
            offsets[o.customer[k] as usize + 1] += 1;
        }
        for c in 0..n {
            offsets[c + 1] += offsets[c];
        }
        let mut next = offsets.clone();
        let mut entries = vec![(0, NO_CATEGORY, 0.0); offsets[n] as usize];
        for k in (0..o.len()).filter(|&k| counted(k)) {
            let slot = &mut next[o.customer[k] as usize];
            let category = o.category.get(k).copied().unwrap_or(NO_CATEGORY);
            entries[*slot as usize] = (o.day[k], category, o.amount[k]);
            *slot += 1;
        }
        for c in 0..n {
            entries[offsets[c] as usize..offsets[c + 1] as usize].sort_unstable_by_key(|e| (e.0, e.1));
        }
        PaidDays {
            offsets,
            days: entries.iter().map(|e| e.0).collect(),
            categories: entries.iter().map(|e| e.1).collect(),
            amounts: entries.iter().map(|e| e.2).collect(),
        }
    }

    /// Customer `c`'s paid orders as (category, amount), in day order.
    pub fn categories_of(&self, c: usize) -> impl Iterator<Item = (CategoryIdx, f64)> + '_ {
        let range = match (self.offsets.get(c), self.offsets.get(c + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        self.categories[range.clone()]
            .iter()
            .copied()
            .zip(self.amounts[range].iter().copied())
    }

    /// Customer `c`'s paid order days, ascending.
    pub fn of(&self, c: usize) -> &[Day] {
        match (self.offsets.get(c), self.offsets.get(c + 1)) {
            (Some(&a), Some(&b)) => &self.days[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Number of customers covered.
    pub fn customers(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Every gap in days between consecutive paid orders of the same customer.
    pub fn gaps(&self) -> impl Iterator<Item = i32> + '_ {
        (0..self.customers()).flat_map(|c| self.of(c).windows(2).map(|w| w[1] - w[0]))
    }
}

/// The median of `values` (the mean of the middle two for an even count);
/// `None` when empty.
pub(crate) fn median(mut values: Vec<i32>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mid = values.len() / 2;
    let (_, &mut upper, _) = values.select_nth_unstable(mid);
    if values.len() % 2 == 1 {
        return Some(f64::from(upper));
    }
    let lower = values[..mid].iter().copied().max().unwrap_or(upper);
    Some((f64::from(lower) + f64::from(upper)) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::model::OrderStatus;

    #[test]
    fn groups_sorts_and_skips_unpaid_and_late_orders() {
        let mut d = fixture::paid(
            &["a", "b", "c"],
            &[(1, 9, 1.0), (0, 5, 1.0), (1, 3, 1.0), (0, 1, 1.0), (0, 30, 1.0)],
        );
        d.orders.push(2, 2, 1.0, OrderStatus::Refunded);
        let p = PaidDays::collect(&d, 20);
        assert_eq!(p.of(0), &[1, 5]);
        assert_eq!(p.of(1), &[3, 9]);
        assert_eq!(p.of(2), &[] as &[Day]);
        assert_eq!(p.of(9), &[] as &[Day]);
        assert_eq!(p.gaps().collect::<Vec<_>>(), vec![4, 6]);
    }

    #[test]
    fn medians() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![7]), Some(7.0));
        assert_eq!(median(vec![9, 1, 4]), Some(4.0));
        assert_eq!(median(vec![10, 2, 4, 8]), Some(6.0));
    }
}
