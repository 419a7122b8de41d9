//! Customer keys (ids, normalised e-mails and phones) mapped to customer
//! indexes by a 128-bit digest of their bytes, so a lookup touches one table
//! slot and never the key's own bytes on the heap
//! (docs/ingest/speed.md#customer-keys). Two different keys share a digest
//! with a probability near n² / 2¹²⁹ — below 10⁻²⁴ for 10 million keys — the
//! same bound the exact-duplicate fingerprints rely on.

use segscope_model::CustomerIdx;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use xxhash_rust::xxh3::xxh3_128;

/// The digest of a key: XXH3-128 of its bytes.
fn digest(key: &[u8]) -> u128 {
    xxh3_128(key)
}

/// Hashes a digest by taking its low 64 bits: they are already uniform.
#[derive(Default)]
struct DigestHasher(u64);

impl Hasher for DigestHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only digests are hashed (write_u128); any other input still hashes.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u128(&mut self, digest: u128) {
        self.0 = digest as u64;
    }
}

/// Key bytes → customer index, remembering the last key found or mapped:
/// exports often list a customer's rows together, and a repeated key then
/// costs one comparison instead of a digest and a table probe.
#[derive(Default)]
pub(super) struct KeyMap {
    slots: HashMap<u128, CustomerIdx, BuildHasherDefault<DigestHasher>>,
    /// The last key found or mapped, and its customer (`None` before any).
    last: Option<(Vec<u8>, CustomerIdx)>,
}

impl KeyMap {
    /// The customer known by `key`.
    pub fn get(&self, key: &[u8]) -> Option<CustomerIdx> {
        match &self.last {
            Some((last, idx)) if last.as_slice() == key => Some(*idx),
            _ => self.slots.get(&digest(key)).copied(),
        }
    }

    /// The customer known by `key`, remembered for the next lookup.
    pub fn find(&mut self, key: &[u8]) -> Option<CustomerIdx> {
        let idx = self.get(key)?;
        self.remember(key, idx);
        Some(idx)
    }

    /// Maps `key` to `idx`, replacing an earlier mapping.
    pub fn insert(&mut self, key: &[u8], idx: CustomerIdx) {
        self.slots.insert(digest(key), idx);
        self.remember(key, idx);
    }

    fn remember(&mut self, key: &[u8], idx: CustomerIdx) {
        match &mut self.last {
            Some((last, last_idx)) => {
                if last.as_slice() != key {
                    last.clear();
                    last.extend_from_slice(key);
                }
                *last_idx = idx;
            }
            None => self.last = Some((key.to_vec(), idx)),
        }
    }

    /// Maps `key` to `idx` unless it is mapped already (the remembered key
    /// keeps its mapping either way).
    pub fn insert_new(&mut self, key: &[u8], idx: CustomerIdx) {
        self.slots.entry(digest(key)).or_insert(idx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differing_in_one_byte_or_length_stay_apart() {
        let mut map = KeyMap::default();
        map.insert(b"C000001", 1);
        map.insert(b"C000002", 2);
        map.insert(b"C00000", 3);
        map.insert_new(b"C000001", 9);
        assert_eq!(map.get(b"C000001"), Some(1));
        assert_eq!(map.get(b"C000002"), Some(2));
        assert_eq!(map.get(b"C00000"), Some(3));
        assert_eq!(map.get(b"C0000010"), None);
        assert_eq!(map.get(b""), None);
        map.insert(b"C000001", 4);
        assert_eq!(map.get(b"C000001"), Some(4));
    }

    #[test]
    fn the_remembered_key_follows_every_mapping() {
        let mut map = KeyMap::default();
        map.insert(b"a", 1);
        assert_eq!(map.find(b"a"), Some(1));
        map.insert(b"a", 2);
        assert_eq!(map.find(b"a"), Some(2));
        map.insert_new(b"a", 3);
        assert_eq!(map.get(b"a"), Some(2));
        map.insert(b"b", 4);
        assert_eq!(map.find(b"a"), Some(2));
        assert_eq!(map.find(b"ab"), None);
        assert_eq!(map.get(b"a"), Some(2));
        assert_eq!(map.get(b"b"), Some(4));
    }
}
