//! The 128-bit hash behind a row's fingerprint, by which exact duplicate
//! rows are found: the row's bytes eight at a time through two lanes of
//! 64-bit multiply-and-rotate steps, so that it needs no 64 × 64 → 128-bit
//! multiplication, which WebAssembly lacks
//! (docs/ingest/speed.md#row-fingerprints).

/// The lanes' multipliers (odd, so each step is one-to-one in the lane).
const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;

/// The fingerprint of `bytes` with `seed` (where the row's fields end).
/// Every step is one-to-one in the lanes and in the word, so two inputs of
/// one length that differ in a single word, or differ only in their seeds,
/// never share a fingerprint.
pub(crate) fn fingerprint(bytes: &[u8], seed: u64) -> u128 {
    let (mut a, mut b) = (K2 ^ seed, K1 ^ seed.rotate_left(32));
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        (a, b) = step(a, b, u64::from_le_bytes(word.try_into().unwrap_or_default()));
    }
    let tail = words.remainder();
    if !tail.is_empty() {
        let word = tail.iter().rev().fold(0, |word, &c| (word << 8) | u64::from(c));
        (a, b) = step(a, b, word);
    }
    (a, b) = step(a, b, (bytes.len() as u64) ^ (1 << 63));
    let high = mix(a ^ b.rotate_left(32));
    let low = mix(b ^ high);
    (u128::from(high) << 64) | u128::from(low)
}

/// One word into both lanes.
#[inline(always)]
fn step(a: u64, b: u64, word: u64) -> (u64, u64) {
    (
        (a ^ word).wrapping_mul(K1).rotate_left(31),
        (b ^ word).rotate_left(27).wrapping_mul(K2),
    )
}

/// A final avalanche, so that every input bit reaches every output bit
/// (MurmurHash3's 64-bit finaliser).
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

    #[test]
    fn length_and_seed_count() {
        let inputs: [(&[u8], u64); 7] = [
            (b"", 0),
            (b"\0", 0),
            (b"\0\0", 0),
            (b"abc", 0),
            (b"abc", 1),
            (b"abc\0", 0),
            (b"abcdefgh", 0),
        ];
        let prints: HashSet<u128> = inputs.iter().map(|&(bytes, seed)| fingerprint(bytes, seed)).collect();
        assert_eq!(prints.len(), inputs.len());
    }

    proptest! {
        #[test]
        fn any_change_of_one_byte_changes_it(
            bytes in prop::collection::vec(any::<u8>(), 1..200),
            pick in any::<prop::sample::Index>(),
            flip in 1u8..=255,
            seed in any::<u64>(),
        ) {
            let mut changed = bytes.clone();
            changed[pick.index(bytes.len())] ^= flip;
            prop_assert_ne!(fingerprint(&bytes, seed), fingerprint(&changed, seed));
        }

        #[test]
        fn another_seed_changes_it(bytes in prop::collection::vec(any::<u8>(), 0..100), seed in any::<u64>(), other in any::<u64>()) {
            prop_assume!(seed != other);
            prop_assert_ne!(fingerprint(&bytes, seed), fingerprint(&bytes, other));
        }
    }

    #[test]
    fn a_million_similar_rows_have_a_million_fingerprints() {
        let mut seen = HashSet::new();
        for i in 0..1_000_000u32 {
            let row = format!("{i},2024-01-01,{}.{:02},Completed", i % 997, i % 100);
            assert!(seen.insert(fingerprint(row.as_bytes(), 0)), "row {i}");
        }
    }
}
