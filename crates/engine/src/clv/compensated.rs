//! Compensated (Neumaier) summation for the likelihoods: a plain running sum
//! over 150 k customers carries rounding noise near 1e-13 of the total, which
//! is larger than the changes a line search must see near the optimum.

/// A running sum with a compensation term for the low-order bits lost.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Sum {
    sum: f64,
    compensation: f64,
}

impl Sum {
    /// Adds `value`.
    pub fn add(&mut self, value: f64) {
        let total = self.sum + value;
        self.compensation += if self.sum.abs() >= value.abs() {
            (self.sum - total) + value
        } else {
            (value - total) + self.sum
        };
        self.sum = total;
    }

    /// The sum so far.
    pub fn value(self) -> f64 {
        self.sum + self.compensation
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_bits_a_plain_sum_loses() {
        let mut s = Sum::default();
        let mut plain = 0.0;
        for v in [1.0, 1e100, 1.0, -1e100] {
            s.add(v);
            plain += v;
        }
        assert_eq!((s.value(), plain), (2.0, 0.0));
        let mut tenths = Sum::default();
        (0..1_000_000).for_each(|_| tenths.add(0.1));
        assert_eq!(tenths.value(), 100_000.0);
    }
}
