//! A customer's position in [`Customers`](crate::Customers) that is known to
//! be in range: an index that arrives from outside (the page asks for one
//! customer's detail) is checked once, here, and then used without a check.

use crate::Customers;

/// A position in the dataset's customers, checked against their number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CustomerIx(u32);

impl CustomerIx {
    /// The position as an index into the customer columns.
    pub fn at(self) -> usize {
        self.0 as usize
    }

    /// The position as the orders' and events' customer columns store it.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl Customers {
    /// Checks `raw` against the number of customers.
    pub fn ix(&self, raw: u32) -> Option<CustomerIx> {
        ((raw as usize) < self.len()).then_some(CustomerIx(raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_positions_in_range_pass() {
        let customers = Customers::with_keys(vec!["a".into(), "b".into()]);
        assert_eq!(customers.ix(1).map(CustomerIx::at), Some(1));
        assert_eq!(customers.ix(2), None);
        assert_eq!(customers.ix(u32::MAX), None);
    }
}
