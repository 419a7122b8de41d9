//! A set of customers as a bitset, one bit per customer index.

use serde::{Deserialize, Serialize};

/// Customers `0..len` in or out, 64 to a word; bits past `len` are always 0.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Mask {
    words: Vec<u64>,
    len: usize,
}

impl Mask {
    /// The customers `i` in `0..len` for which `is_in(i)` holds.
    pub fn from_fn(len: usize, mut is_in: impl FnMut(usize) -> bool) -> Mask {
        let mut words = Vec::with_capacity(len.div_ceil(64));
        for start in (0..len).step_by(64) {
            let mut word = 0u64;
            for bit in 0..(len - start).min(64) {
                word |= u64::from(is_in(start + bit)) << bit;
            }
            words.push(word);
        }
        Mask { words, len }
    }

    /// No customer of `len`.
    pub fn none(len: usize) -> Mask {
        Mask {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// Every customer of `len`.
    pub fn all(len: usize) -> Mask {
        Mask::none(len).complement()
    }

    /// Number of customers the mask ranges over (in or out).
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the mask ranges over no customer.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// True when customer `i` is in.
    pub fn contains(&self, i: usize) -> bool {
        self.words.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// Number of customers in.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// True when some customer is in.
    pub fn any(&self) -> bool {
        self.words.iter().any(|&w| w != 0)
    }

    /// The customers in, ascending.
    pub fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(k, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    k * 64 + bit
                })
            })
        })
    }

    /// The customers in both (a mask of another length counts as empty past its end).
    pub fn and(mut self, other: &Mask) -> Mask {
        for (k, w) in self.words.iter_mut().enumerate() {
            *w &= other.words.get(k).copied().unwrap_or(0);
        }
        self
    }

    /// The customers in either.
    pub fn or(mut self, other: &Mask) -> Mask {
        for (w, o) in self.words.iter_mut().zip(&other.words) {
            *w |= o;
        }
        self.clear_tail();
        self
    }

    /// The customers in this one but not in `other`.
    pub fn and_not(mut self, other: &Mask) -> Mask {
        for (w, o) in self.words.iter_mut().zip(&other.words) {
            *w &= !o;
        }
        self
    }

    /// The customers out.
    pub fn complement(mut self) -> Mask {
        for w in &mut self.words {
            *w = !*w;
        }
        self.clear_tail();
        self
    }

    /// True when the two share a customer.
    pub fn intersects(&self, other: &Mask) -> bool {
        self.words.iter().zip(&other.words).any(|(a, b)| a & b != 0)
    }

    fn clear_tail(&mut self) {
        let used = self.len % 64;
        if let (Some(last), true) = (self.words.last_mut(), used != 0) {
            *last &= (1u64 << used) - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations_stay_within_the_length() {
        let odd = Mask::from_fn(130, |i| i % 2 == 1);
        let low = Mask::from_fn(130, |i| i < 70);
        assert_eq!(odd.count(), 65);
        assert_eq!(odd.clone().and(&low).count(), 35);
        assert_eq!(odd.clone().or(&low).count(), 100);
        assert_eq!(odd.clone().and_not(&low).count(), 30);
        assert_eq!(odd.clone().complement().count(), 65);
        assert_eq!(Mask::all(130).count(), 130);
        assert!(odd.contains(129) && !odd.contains(128) && !odd.contains(500));
        assert_eq!(low.ones().collect::<Vec<_>>(), (0..70).collect::<Vec<_>>());
        assert!(odd.intersects(&low) && !Mask::none(130).any());
        assert_eq!(Mask::all(0).count(), 0);
    }
}
