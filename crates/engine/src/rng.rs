//! A tiny seeded pseudo-random generator and sampling without replacement, so
//! that the fitted models (clusters, survey classes) are the same for the
//! same seed on every platform without pulling in a random-number crate.

/// SplitMix64 (Steele, Lea & Flood, 2014): a 64-bit counter advanced by the
/// golden-ratio constant and put through a bijective mixer. Statistically
/// sound for seeding and sampling (it passes BigCrush); not for secrets.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in `[0, 1)` with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform integer below `n` by multiply-and-shift (Lemire); the bias
    /// of at most `n / 2⁶⁴` is irrelevant here. Returns 0 when `n` is 0.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// `m` distinct indices of `0..n`, each subset equally likely, in ascending
/// order (Knuth's selection sampling, TAOCP 3.4.2 Algorithm S): every index
/// of `0..n` when `m ≥ n`.
pub(crate) fn sample(n: usize, m: usize, rng: &mut SplitMix64) -> Vec<usize> {
    if m >= n {
        return (0..n).collect();
    }
    let mut chosen = Vec::with_capacity(m);
    for i in 0..n {
        let needed = m - chosen.len();
        if needed == 0 {
            break;
        }
        // Take index i with probability needed / remaining.
        if rng.below(n - i) < needed {
            chosen.push(i);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_values_in_range() {
        let (mut a, mut b) = (SplitMix64::new(7), SplitMix64::new(7));
        for _ in 0..1000 {
            assert_eq!(a.next_u64(), b.next_u64());
            let x = a.next_f64();
            assert!((0.0..1.0).contains(&x));
            assert!(b.below(10) < 10);
        }
        assert_eq!(SplitMix64::new(1).below(0), 0);
        // The reference value of SplitMix64 seeded with 0.
        assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn samples_are_sorted_distinct_and_complete() {
        let mut rng = SplitMix64::new(3);
        let s = sample(1000, 100, &mut rng);
        assert_eq!(s.len(), 100);
        assert!(s.windows(2).all(|w| w[0] < w[1]));
        assert!(s.iter().all(|&i| i < 1000));
        assert_eq!(sample(5, 9, &mut rng), vec![0, 1, 2, 3, 4]);
        assert!(sample(0, 3, &mut rng).is_empty());
        assert!(sample(10, 0, &mut rng).is_empty());
    }
}
