//! Customer keys (ids, normalised e-mails and phones) mapped to customer
//! indexes by a digest of their bytes, in an open-addressing table of
//! 16-byte slots, so a lookup touches one slot (one cache line, usually) and
//! never the key's own bytes on the heap (docs/ingest/speed.md#customer-keys).
//! A slot keeps 96 bits of the key's XXH3-128 digest: two different keys
//! share them with a probability near n² / 2⁹⁷, below 10⁻¹⁵ for 10 million
//! keys.

use segscope_model::CustomerIdx;
use std::cell::Cell;
use xxhash_rust::xxh3::xxh3_128;

/// The 96 bits of a key's digest that a slot keeps: the high 64 (which also
/// place it in the table) and 32 of the low.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Digest {
    high: u64,
    low: u32,
}

impl Digest {
    fn of(key: &[u8]) -> Self {
        let d = xxh3_128(key);
        Digest {
            high: (d >> 64) as u64,
            low: (d >> 32) as u32,
        }
    }
}

/// A key to look up, with its digest once worked out: a row's lookups (and
/// the insert that may follow, in either table) digest its key at most once,
/// and a digest worked out when the row was looked ahead at is passed on
/// (docs/ingest/speed.md#looking-ahead).
pub(super) struct Key<'k> {
    bytes: &'k [u8],
    digest: Cell<Option<Digest>>,
}

impl<'k> Key<'k> {
    /// `bytes` as a key whose digest is not worked out yet.
    pub fn new(bytes: &'k [u8]) -> Self {
        Self::with_digest(bytes, None)
    }

    /// `bytes` as a key, with its digest when already worked out (it must be
    /// the digest of these bytes).
    pub fn with_digest(bytes: &'k [u8], digest: Option<Digest>) -> Self {
        debug_assert!(digest.is_none_or(|d| d == Digest::of(bytes)), "a digest of other bytes");
        Key {
            bytes,
            digest: Cell::new(digest),
        }
    }

    /// The key's bytes.
    pub fn bytes(&self) -> &'k [u8] {
        self.bytes
    }

    /// The key's digest, if worked out so far.
    pub fn known_digest(&self) -> Option<Digest> {
        self.digest.get()
    }

    fn digest(&self) -> Digest {
        self.digest.get().unwrap_or_else(|| {
            let d = Digest::of(self.bytes);
            self.digest.set(Some(d));
            d
        })
    }
}

/// One slot: a digest and its customer, or [`EMPTY`].
#[derive(Clone, Copy)]
struct Slot {
    high: u64,
    low: u32,
    idx: CustomerIdx,
}

/// The customer of a free slot (no customer index reaches it).
const EMPTY: CustomerIdx = CustomerIdx::MAX;

const FREE: Slot = Slot {
    high: 0,
    low: 0,
    idx: EMPTY,
};

/// Slots of a new table; it doubles when half full, which keeps probes short
/// (about 1.5 slots for a key present, 2.5 for one absent).
const FIRST_SLOTS: usize = 1 << 10;

/// Key bytes → customer index, remembering the last key found or mapped:
/// exports often list a customer's rows together, and a repeated key then
/// costs one comparison instead of a digest and a table probe.
#[derive(Default)]
pub(super) struct KeyMap {
    /// A power of two long (or empty before the first key); linear probing.
    slots: Vec<Slot>,
    len: usize,
    /// The last key found or mapped, and its customer (`None` before any).
    last: Option<(Vec<u8>, CustomerIdx)>,
    /// Slots that lookups coming soon will start at ([`KeyMap::note_ahead`]).
    ahead: Vec<usize>,
    /// The key noted last.
    noted_last: Vec<u8>,
}

impl KeyMap {
    /// The customer known by `key`.
    pub fn get(&self, key: &Key) -> Option<CustomerIdx> {
        match &self.last {
            Some((last, idx)) if last.as_slice() == key.bytes => Some(*idx),
            _ => {
                let slot = self.slots[self.position(key.digest())?];
                (slot.idx != EMPTY).then_some(slot.idx)
            }
        }
    }

    /// Notes the slot where a lookup of `key` will start, unless the key is
    /// the remembered one or the one noted last: rows often come in runs of
    /// one customer, whose lookups never reach the table.
    pub fn note_ahead(&mut self, key: &Key) {
        let Some(mask) = self.slots.len().checked_sub(1) else {
            return;
        };
        let remembered = matches!(&self.last, Some((last, _)) if last.as_slice() == key.bytes);
        if remembered || self.noted_last == key.bytes {
            return;
        }
        self.noted_last.clear();
        self.noted_last.extend_from_slice(key.bytes);
        self.ahead.push(key.digest().high as usize & mask);
    }

    /// Reads the slots noted, one right after another, so that they are in
    /// the cache when their lookups come: the processor then waits for them
    /// at once (docs/ingest/speed.md#looking-ahead). Returns how many slots
    /// were noted.
    pub fn fetch_ahead(&mut self) -> usize {
        let any = self.ahead.iter().fold(0, |any, &at| any ^ self.slots[at].idx);
        std::hint::black_box(any);
        let noted = self.ahead.len();
        self.ahead.clear();
        noted
    }

    /// The customer known by `key`, remembered for the next lookup.
    pub fn find(&mut self, key: &Key) -> Option<CustomerIdx> {
        let idx = self.get(key)?;
        self.remember(key.bytes, idx);
        Some(idx)
    }

    /// Maps `key` to `idx`, replacing an earlier mapping.
    pub fn insert(&mut self, key: &Key, idx: CustomerIdx) {
        self.put(key.digest(), idx, true);
        self.remember(key.bytes, idx);
    }

    /// Maps `key` to `idx` unless it is mapped already (the remembered key
    /// keeps its mapping either way).
    pub fn insert_new(&mut self, key: &Key, idx: CustomerIdx) {
        self.put(key.digest(), idx, false);
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

    /// The slot holding `digest`, or the free slot where it would go; `None`
    /// while the table has no slot.
    fn position(&self, digest: Digest) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = digest.high as usize & mask;
        loop {
            let slot = &self.slots[at];
            if slot.idx == EMPTY || (slot.high == digest.high && slot.low == digest.low) {
                return Some(at);
            }
            at = (at + 1) & mask;
        }
    }

    fn put(&mut self, digest: Digest, idx: CustomerIdx, replace: bool) {
        debug_assert!(idx != EMPTY, "customer index out of range");
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let Some(at) = self.position(digest) else { return };
        let slot = &mut self.slots[at];
        if slot.idx == EMPTY {
            self.len += 1;
        } else if !replace {
            return;
        }
        *slot = Slot {
            high: digest.high,
            low: digest.low,
            idx,
        };
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(FIRST_SLOTS);
        let old = std::mem::replace(&mut self.slots, vec![FREE; size]);
        for slot in old.into_iter().filter(|s| s.idx != EMPTY) {
            let digest = Digest {
                high: slot.high,
                low: slot.low,
            };
            if let Some(at) = self.position(digest) {
                self.slots[at] = slot;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keys_differing_in_one_byte_or_length_stay_apart() {
        let mut map = KeyMap::default();
        map.insert(&Key::new(b"C000001"), 1);
        map.insert(&Key::new(b"C000002"), 2);
        map.insert(&Key::new(b"C00000"), 3);
        map.insert_new(&Key::new(b"C000001"), 9);
        assert_eq!(map.get(&Key::new(b"C000001")), Some(1));
        assert_eq!(map.get(&Key::new(b"C000002")), Some(2));
        assert_eq!(map.get(&Key::new(b"C00000")), Some(3));
        assert_eq!(map.get(&Key::new(b"C0000010")), None);
        assert_eq!(map.get(&Key::new(b"")), None);
        map.insert(&Key::new(b"C000001"), 4);
        assert_eq!(map.get(&Key::new(b"C000001")), Some(4));
    }

    #[test]
    fn the_remembered_key_follows_every_mapping() {
        let mut map = KeyMap::default();
        map.insert(&Key::new(b"a"), 1);
        assert_eq!(map.find(&Key::new(b"a")), Some(1));
        map.insert(&Key::new(b"a"), 2);
        assert_eq!(map.find(&Key::new(b"a")), Some(2));
        map.insert_new(&Key::new(b"a"), 3);
        assert_eq!(map.get(&Key::new(b"a")), Some(2));
        map.insert(&Key::new(b"b"), 4);
        assert_eq!(map.find(&Key::new(b"a")), Some(2));
        assert_eq!(map.find(&Key::new(b"ab")), None);
        assert_eq!(map.get(&Key::new(b"a")), Some(2));
        assert_eq!(map.get(&Key::new(b"b")), Some(4));
    }

    #[derive(Debug, Clone)]
    enum Step {
        Insert(u16, CustomerIdx),
        InsertNew(u16, CustomerIdx),
        Find(u16),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (any::<u16>(), 0..CustomerIdx::MAX).prop_map(|(k, i)| Step::Insert(k, i)),
            (any::<u16>(), 0..CustomerIdx::MAX).prop_map(|(k, i)| Step::InsertNew(k, i)),
            any::<u16>().prop_map(Step::Find),
        ]
    }

    proptest! {
        /// Whatever the steps, and across the table's growth, the map answers
        /// as a map of the key bytes themselves would.
        #[test]
        fn answers_as_a_map_of_the_keys_would(steps in proptest::collection::vec(step(), 0..3000)) {
            let mut map = KeyMap::default();
            let mut model = std::collections::HashMap::new();
            let key = |k: u16| format!("key-{}", k % 2500).into_bytes();
            for step in steps {
                match step {
                    Step::Insert(k, i) => {
                        map.insert(&Key::new(&key(k)), i);
                        model.insert(key(k), i);
                    }
                    Step::InsertNew(k, i) => {
                        map.insert_new(&Key::new(&key(k)), i);
                        model.entry(key(k)).or_insert(i);
                    }
                    Step::Find(k) => prop_assert_eq!(map.find(&Key::new(&key(k))), model.get(&key(k)).copied()),
                }
            }
            for k in 0..2500u16 {
                prop_assert_eq!(map.get(&Key::new(&key(k))), model.get(&key(k)).copied());
            }
        }
    }
}
