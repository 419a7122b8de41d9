//! The order ids out of sorted order, in an open-addressing table of
//! 24-byte slots (the id and its line side by side): a lookup reads one slot,
//! usually one cache line, and a slot's place stays valid until the table
//! grows, so a row looks its id up once for the duplicate check and the
//! order it joins (docs/ingest/speed.md#order-ids).

use super::order_index::OrderLine;

/// The key of a free slot; an id whose key is this is kept as [`MOVED_MAX`]
/// (keys are numbers below 2⁶³ or hashes with the top bit set, so only one
/// hash in 2⁶³ is moved, and then shares its key with one other hash).
const EMPTY: u64 = u64::MAX;

/// Where the key [`EMPTY`] is kept.
const MOVED_MAX: u64 = u64::MAX - 1;

const FREE: Slot = Slot {
    key: EMPTY,
    line: OrderLine { order: 0, first_row: 0 },
};

/// Slots of a new table; it doubles when three quarters full (as full as
/// `hashbrown` gets; probes stay short, 2.5 slots at most on average for an
/// id present, and the slots of one probe are side by side).
const FIRST_SLOTS: usize = 1 << 10;

#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    line: OrderLine,
}

/// Order id keys → their lines.
#[derive(Default)]
pub(super) struct OrderTable {
    /// A power of two long (or empty before the first id); linear probing.
    slots: Vec<Slot>,
    len: usize,
}

/// The slot a key is in or would go to.
fn stored(key: u64) -> u64 {
    if key == EMPTY {
        MOVED_MAX
    } else {
        key
    }
}

impl OrderTable {
    /// Ids in the table.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True before the first id.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Makes room for `more` ids beyond those in the table.
    pub fn reserve(&mut self, more: usize) {
        let wanted = ((self.len + more) * 4 / 3 + 1).next_power_of_two().max(FIRST_SLOTS);
        if wanted > self.slots.len() {
            self.rebuild(wanted);
        }
    }

    /// The slot holding `key` (`Ok`) or the free slot where it would go
    /// (`Err`); `None` while the table has no slot.
    pub fn find(&self, key: u64) -> Option<Result<usize, usize>> {
        let mask = self.slots.len().checked_sub(1)?;
        let key = stored(key);
        let mut at = self.home(key);
        loop {
            match self.slots[at].key {
                k if k == key => return Some(Ok(at)),
                EMPTY => return Some(Err(at)),
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// The line in slot `at` when that slot holds `key` (a slot found before
    /// the table last grew may hold another id or none).
    pub fn line_at(&mut self, at: usize, key: u64) -> Option<&mut OrderLine> {
        self.slots
            .get_mut(at)
            .filter(|s| s.key == stored(key))
            .map(|s| &mut s.line)
    }

    /// The line of `key`, if in the table.
    pub fn get_mut(&mut self, key: u64) -> Option<&mut OrderLine> {
        let at = self.find(key)?.ok()?;
        Some(&mut self.slots[at].line)
    }

    /// Reads the slot a lookup of `key` starts at, so that it is in the
    /// cache when the lookup comes (docs/ingest/speed.md#looking-ahead).
    pub fn touch(&self, key: u64) -> u64 {
        match self.slots.len() {
            0 => 0,
            _ => self.slots[self.home(stored(key))].key,
        }
    }

    /// The slot of `key`, inserting `line` for it when new (true).
    pub fn find_or_insert(&mut self, key: u64, line: OrderLine) -> (usize, bool) {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.rebuild((self.slots.len() * 2).max(FIRST_SLOTS));
        }
        match self.find(key) {
            Some(Ok(at)) => (at, false),
            Some(Err(at)) => {
                self.slots[at] = Slot { key: stored(key), line };
                self.len += 1;
                (at, true)
            }
            None => unreachable!("the table has slots once grown"),
        }
    }

    /// Keeps only the ids `keep` says to (rare: undoing a merge).
    pub fn retain(&mut self, mut keep: impl FnMut(u64) -> bool) {
        let kept: Vec<Slot> = self
            .slots
            .iter()
            .filter(|s| s.key != EMPTY && keep(s.key))
            .copied()
            .collect();
        self.slots.fill(FREE);
        self.len = 0;
        for slot in kept {
            self.place(slot);
        }
    }

    /// Every id's stored key and its line, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, OrderLine)> + '_ {
        self.slots.iter().filter(|s| s.key != EMPTY).map(|s| (s.key, s.line))
    }

    /// Where the search for `key` (as stored) starts: the top bits of its
    /// Fibonacci product, so ids that count up spread over the table.
    fn home(&self, key: u64) -> usize {
        let bits = self.slots.len().trailing_zeros();
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }

    fn rebuild(&mut self, size: usize) {
        let old = std::mem::replace(&mut self.slots, vec![FREE; size]);
        self.len = 0;
        for slot in old.into_iter().filter(|s| s.key != EMPTY) {
            self.place(slot);
        }
    }

    /// Puts a slot of a key not in the table into its free place.
    fn place(&mut self, slot: Slot) {
        if let Some(Err(at)) = self.find(slot.key) {
            self.slots[at] = slot;
            self.len += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    fn line(order: u32) -> OrderLine {
        OrderLine {
            order,
            first_row: u64::from(order) * 7,
        }
    }

    #[test]
    fn the_free_key_is_kept_as_another() {
        let mut table = OrderTable::default();
        assert_eq!(
            table.find_or_insert(EMPTY, line(1)),
            (table.find(EMPTY).unwrap().unwrap(), true)
        );
        assert_eq!(table.get_mut(EMPTY).map(|l| l.order), Some(1));
        assert_eq!(table.iter().count(), 1);
    }

    #[test]
    fn a_slot_found_before_growth_is_checked_after() {
        let mut table = OrderTable::default();
        let (at, _) = table.find_or_insert(42, line(1));
        for k in 0..5000 {
            table.find_or_insert(1000 + k, line(2));
        }
        let expected = table.find(42).unwrap().unwrap();
        assert_eq!(table.line_at(at, 42).is_some(), at == expected);
        assert_eq!(table.line_at(expected, 42).map(|l| l.order), Some(1));
    }

    proptest! {
        /// Whatever the ids (counting up, repeated, near the free key) and
        /// across growth and undoing, the table answers as a map would.
        #[test]
        fn answers_as_a_map_would(
            ids in proptest::collection::vec(prop_oneof![0u64..3000, Just(EMPTY), Just(MOVED_MAX), any::<u64>()], 0..4000),
            drop_below in 0u64..3000,
        ) {
            let mut table = OrderTable::default();
            let mut model: HashMap<u64, OrderLine> = HashMap::new();
            for (i, &id) in ids.iter().enumerate() {
                let (at, new) = table.find_or_insert(stored(id), line(i as u32));
                prop_assert_eq!(new, !model.contains_key(&stored(id)));
                model.entry(stored(id)).or_insert(line(i as u32));
                prop_assert_eq!(table.line_at(at, id).copied(), model.get(&stored(id)).copied());
            }
            prop_assert_eq!(table.iter().count(), model.len());
            table.retain(|k| k >= drop_below);
            model.retain(|k, _| *k >= drop_below);
            let mut got: Vec<_> = table.iter().collect();
            got.sort_by_key(|(k, _)| *k);
            let mut expected: Vec<_> = model.iter().map(|(k, l)| (*k, *l)).collect();
            expected.sort_by_key(|(k, _)| *k);
            prop_assert_eq!(got, expected);
            for id in ids {
                prop_assert_eq!(table.get_mut(id).copied(), model.get(&stored(id)).copied());
            }
        }
    }
}
