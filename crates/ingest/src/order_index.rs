//! Finds the order an order id belongs to. Exports usually list orders sorted
//! by a numeric id (ascending or descending), so ids that continue the sorted
//! run are appended to a vector — cache-friendly at a million rows — and
//! looked up by binary search; other ids go to a table of their own
//! ([`OrderTable`]).

use super::order_table::OrderTable;
use super::records::{hash64, LINES_AHEAD};
use std::cmp::Ordering;

/// Marks an order id whose first row was rejected (no order made yet).
pub(super) const NO_ORDER: u32 = u32::MAX;

/// What is known about one order id: its order (or [`NO_ORDER`]) and a
/// fingerprint of its first row, against which exact duplicates are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct OrderLine {
    pub order: u32,
    pub first_row: u64,
}

/// Order ids seen in one file.
#[derive(Default)]
pub(super) struct OrderIndex {
    run: Vec<(u64, OrderLine)>,
    direction: Option<Ordering>,
    others: OrderTable,
    /// Ids that lookups coming soon will look for in `others`
    /// ([`OrderIndex::note_ahead`]).
    ahead: Vec<u64>,
    /// Ids the file is expected to have ([`OrderIndex::reserve`]).
    expected: usize,
}

/// Ids out of sorted order after which `others` is sized for the rest of
/// the file, when they are most ids so far (docs/ingest/speed.md#order-ids).
const SIZED_AFTER: usize = 4096;

/// Where an id's line was found or put ([`OrderIndex::find_or_insert`]);
/// checked when used, since later ids may have moved it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LinePlace {
    Run(usize),
    Table(usize),
}

/// Hash keys have the top bit set, numeric ids never do, so they cannot meet.
const HASH_BIT: u64 = 1 << 63;

/// The key of an order id: its number for `123` or `#123` (up to 18 digits),
/// else a hash.
pub(super) fn order_key(id: &[u8]) -> u64 {
    let digits = id.strip_prefix(b"#").unwrap_or(id);
    if digits.is_empty() || digits.len() > 18 {
        return hash64(id) | HASH_BIT;
    }
    let mut number = 0u64;
    for &d in digits {
        let digit = d.wrapping_sub(b'0');
        if digit > 9 {
            return hash64(id) | HASH_BIT;
        }
        number = number * 10 + u64::from(digit);
    }
    number
}

impl OrderIndex {
    /// Makes room for about `ids` ids in the sorted run; the table of the
    /// others is sized once they are seen to be most of the ids.
    pub fn reserve(&mut self, ids: usize) {
        self.run.reserve(ids);
        self.expected = ids;
    }

    /// Sizes `others` for the rest of the file when it has just taken its
    /// [`SIZED_AFTER`]th id and holds most ids so far (a file out of order,
    /// rather than one of sorted ids with a few strays): the expected ids
    /// still to come, in the share that went to `others`.
    fn size_others(&mut self) {
        let (others, seen) = (self.others.len(), self.others.len() + self.run.len());
        if others == SIZED_AFTER && others * 2 > seen {
            let rest = self.expected.saturating_sub(seen);
            self.others.reserve(rest / seen * others + rest % seen * others / seen);
        }
    }

    /// The line of `key`, if seen.
    pub fn get_mut(&mut self, key: u64) -> Option<&mut OrderLine> {
        // An id that would extend the run is new: ids kept in `others` never could.
        if self.extends_run(key) {
            return None;
        }
        if self.run.last().is_some_and(|(last, _)| *last == key) {
            return self.run.last_mut().map(|(_, line)| line);
        }
        if let Some(i) = self.run_position(key) {
            return Some(&mut self.run[i].1);
        }
        self.others.get_mut(key)
    }

    /// The line of `key`, at `place` when it is still there.
    pub fn line_at(&mut self, key: u64, place: LinePlace) -> Option<&mut OrderLine> {
        let found = match place {
            LinePlace::Run(i) => self.run.get(i).is_some_and(|(k, _)| *k == key),
            LinePlace::Table(at) => self.others.line_at(at, key).is_some(),
        };
        match (found, place) {
            (true, LinePlace::Run(i)) => Some(&mut self.run[i].1),
            (true, LinePlace::Table(at)) => self.others.line_at(at, key),
            (false, _) => self.get_mut(key),
        }
    }

    /// Where the line of `key` is, recording `line` for it when the id is
    /// new (true): one lookup for a row's duplicate check and its order.
    pub fn find_or_insert(&mut self, key: u64, line: OrderLine) -> (LinePlace, bool) {
        if self.extends_run(key) {
            self.push_run(key, line);
            return (LinePlace::Run(self.run.len() - 1), true);
        }
        if self.run.last().is_some_and(|(last, _)| *last == key) {
            return (LinePlace::Run(self.run.len() - 1), false);
        }
        if let Some(i) = self.run_position(key) {
            return (LinePlace::Run(i), false);
        }
        let (at, new) = self.others.find_or_insert(key, line);
        if !new || self.others.len() != SIZED_AFTER {
            return (LinePlace::Table(at), new);
        }
        self.size_others();
        // Sizing moved the slots.
        let (at, _) = self.others.find_or_insert(key, line);
        (LinePlace::Table(at), new)
    }

    /// Notes that `key` will be looked up soon, when the lookup would go to
    /// the hash map (docs/ingest/speed.md#looking-ahead).
    pub fn note_ahead(&mut self, key: u64) {
        if !self.extends_run(key) && !self.others.is_empty() {
            self.ahead.push(key);
        }
    }

    /// Reads the noted ids' slots one right after another, so that the
    /// processor waits for them at once.
    pub fn fetch_ahead(&mut self) {
        let any = self.ahead.drain(..).fold(0, |any, key| any ^ self.others.touch(key));
        std::hint::black_box(any);
    }

    /// Appends an id that extends the sorted run ([`Self::extends_run`]).
    fn push_run(&mut self, key: u64, line: OrderLine) {
        if self.direction.is_none() {
            self.direction = self.run.last().map(|(last, _)| key.cmp(last));
        }
        self.run.push((key, line));
    }

    /// Records each of `lines` (ids with their lines) as new, unless one of
    /// them was seen before: then nothing changes and the answer is false.
    /// One lookup per id (the merge of a range read elsewhere).
    /// The slots of every [`LINES_AHEAD`] ids are read one right after
    /// another before those ids go in, so that their cache misses overlap
    /// (docs/ingest/speed.md#parallel-read).
    pub fn insert_all_new(&mut self, lines: impl ExactSizeIterator<Item = (u64, OrderLine)> + Clone) -> bool {
        let (run_len, direction) = (self.run.len(), self.direction);
        self.others.reserve(lines.len());
        let mut added = Vec::new();
        let mut ahead = lines.clone().map(|(key, _)| key);
        for (i, (key, line)) in lines.enumerate() {
            if i % LINES_AHEAD == 0 {
                ahead.by_ref().take(LINES_AHEAD).for_each(|key| self.note_ahead(key));
                self.fetch_ahead();
            }
            let new = if self.extends_run(key) {
                self.push_run(key, line);
                true
            } else if self.run_position(key).is_some() {
                false
            } else {
                let (_, new) = self.others.find_or_insert(key, line);
                if new {
                    added.push(key);
                }
                new
            };
            if !new {
                self.run.truncate(run_len);
                self.direction = direction;
                if !added.is_empty() {
                    let added: rustc_hash::FxHashSet<u64> = added.into_iter().collect();
                    self.others.retain(|key| !added.contains(&key));
                }
                return false;
            }
        }
        true
    }

    /// Every id seen and its line, in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = (u64, OrderLine)> + '_ {
        self.run.iter().copied().chain(self.others.iter())
    }

    fn extends_run(&self, key: u64) -> bool {
        if key & HASH_BIT != 0 {
            return false;
        }
        match (self.run.last(), self.direction) {
            (None, _) => true,
            (Some((last, _)), None) => key != *last,
            (Some((last, _)), Some(dir)) => key.cmp(last) == dir,
        }
    }

    fn run_position(&self, key: u64) -> Option<usize> {
        if key & HASH_BIT != 0 || self.run.is_empty() {
            return None;
        }
        match self.direction {
            Some(Ordering::Less) => self.run.binary_search_by(|(k, _)| key.cmp(k)).ok(),
            _ => self.run.binary_search_by(|(k, _)| k.cmp(&key)).ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(order: u32) -> OrderLine {
        OrderLine {
            order,
            first_row: u64::from(order),
        }
    }

    #[test]
    fn finds_ids_in_runs_in_either_direction_and_out_of_order() {
        for ids in [vec![1u64, 2, 5, 9, 3, 4, 10], vec![10, 9, 5, 7, 2, 1], vec![4, 4]] {
            let mut index = OrderIndex::default();
            let mut seen = Vec::new();
            for (i, id) in ids.iter().enumerate() {
                if seen.contains(id) {
                    assert!(index.get_mut(*id).is_some());
                    continue;
                }
                assert!(index.get_mut(*id).is_none(), "{id} in {ids:?}");
                index.find_or_insert(*id, line(i as u32));
                seen.push(*id);
            }
            for (i, id) in ids.iter().enumerate() {
                let first = ids.iter().position(|x| x == id).unwrap();
                assert_eq!(index.get_mut(*id).map(|l| l.order), Some(first as u32), "{id} at {i}");
            }
        }
    }

    #[test]
    fn a_batch_with_a_known_id_changes_nothing() {
        let mut index = OrderIndex::default();
        for (i, id) in [5u64, 6, 7, 2].iter().enumerate() {
            index.find_or_insert(*id, line(i as u32));
        }
        let before: Vec<_> = index.entries().collect();
        let batch = [(9u64, line(10)), (1, line(11)), (6, line(12))];
        assert!(!index.insert_all_new(batch.into_iter()));
        let mut after: Vec<_> = index.entries().collect();
        after.sort_by_key(|(k, _)| *k);
        let mut expected = before.clone();
        expected.sort_by_key(|(k, _)| *k);
        assert_eq!(after, expected);
        assert!(index.get_mut(9).is_none() && index.get_mut(1).is_none());
        assert!(index.insert_all_new([(9u64, line(10)), (1, line(11)), (8, line(12))].into_iter()));
        assert_eq!(index.get_mut(1).map(|l| l.order), Some(11));
        assert_eq!(index.get_mut(9).map(|l| l.order), Some(10));
        assert_eq!(index.get_mut(8).map(|l| l.order), Some(12));
    }

    #[test]
    fn ids_out_of_order_keep_their_lines_when_the_table_is_sized() {
        let mut index = OrderIndex::default();
        index.reserve(50_000);
        // Out of order from the start: a multiplicative shuffle of 0..10_007.
        let ids: Vec<u64> = (0..10_007u64).map(|i| (i * 7_919) % 10_007).collect();
        for (i, &id) in ids.iter().enumerate() {
            let (place, new) = index.find_or_insert(id, line(i as u32));
            assert!(new, "{id}");
            // The place handed back holds the id, also for the one whose
            // insert sized the table.
            assert_eq!(index.line_at(id, place).map(|l| l.order), Some(i as u32), "{id} at {i}");
        }
        assert!(index.others.len() > SIZED_AFTER);
        for (i, &id) in ids.iter().enumerate() {
            assert_eq!(index.get_mut(id).map(|l| l.order), Some(i as u32));
            assert!(!index.find_or_insert(id, line(0)).1);
        }
    }

    #[test]
    fn keys_separate_numbers_from_text() {
        assert_eq!(order_key(b"1001"), 1001);
        assert_eq!(order_key(b"#1001"), 1001);
        assert_ne!(order_key(b"C536379"), order_key(b"536379"));
        assert!(order_key(b"C536379") & HASH_BIT != 0);
    }
}
