//! How the customers of a range read on its own were named, kept in a few
//! flat columns rather than one allocation per customer, so that a helper's
//! hundred thousand keys cross to the session worker as a handful of byte
//! strings (docs/ingest/speed.md#parallel-read).

use crate::split::packed::{ends_fit, span};
use serde::{Deserialize, Serialize};

/// A range's customer keys in order of first row: each key's bytes (an id,
/// or a normalised e-mail or phone), whether it is a contact, and for an id
/// the contacts of its first row, which may join it to a customer known by
/// them when the range is merged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct LocalKeys {
    /// Every key's bytes, one after another.
    #[serde(with = "crate::split::packed")]
    bytes: Vec<u8>,
    /// Per key: where its bytes end in `bytes`.
    #[serde(with = "crate::split::packed")]
    ends: Vec<u64>,
    /// Per key: 1 when it is an e-mail or phone, 0 for an id.
    #[serde(with = "crate::split::packed")]
    by_contact: Vec<u8>,
    /// The ids' first-row contacts, one after another, and where each ends.
    #[serde(with = "crate::split::packed")]
    contact_bytes: Vec<u8>,
    #[serde(with = "crate::split::packed")]
    contact_ends: Vec<u64>,
    /// Per key: how many contacts the keys up to it have (its own are the
    /// ones after the previous key's count).
    #[serde(with = "crate::split::packed")]
    contacts_to: Vec<u64>,
}

/// One key of [`LocalKeys`], borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LocalKey<'k> {
    /// The key's bytes.
    pub(crate) key: &'k [u8],
    /// The key is an e-mail or phone, not an id.
    pub(crate) by_contact: bool,
    keys: &'k LocalKeys,
    contacts: (usize, usize),
}

impl LocalKey<'_> {
    /// The contacts of an id's first row (none for a contact key).
    pub(crate) fn contacts(&self) -> Vec<Vec<u8>> {
        (self.contacts.0..self.contacts.1)
            .filter_map(|i| self.keys.contact(i))
            .map(<[u8]>::to_vec)
            .collect()
    }

    /// True when the key's first row gave contacts.
    pub(crate) fn has_contacts(&self) -> bool {
        self.contacts.1 > self.contacts.0
    }
}

impl LocalKeys {
    /// Adds a key (a contact when `by_contact`) with its first row's `contacts`.
    pub(crate) fn push<'c>(&mut self, key: &[u8], by_contact: bool, contacts: impl IntoIterator<Item = &'c [u8]>) {
        self.bytes.extend_from_slice(key);
        self.ends.push(self.bytes.len() as u64);
        self.by_contact.push(u8::from(by_contact));
        for contact in contacts {
            self.contact_bytes.extend_from_slice(contact);
            self.contact_ends.push(self.contact_bytes.len() as u64);
        }
        self.contacts_to.push(self.contact_ends.len() as u64);
    }

    /// How many keys there are.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when every key and contact lies inside its bytes, in order, and
    /// every column has one entry per key: keys that came through a message
    /// are checked before they are read.
    pub(crate) fn is_consistent(&self) -> bool {
        self.by_contact.len() == self.len()
            && self.contacts_to.len() == self.len()
            && ends_fit(&self.ends, self.bytes.len())
            && ends_fit(&self.contact_ends, self.contact_bytes.len())
            && ends_fit(&self.contacts_to, self.contact_ends.len())
    }

    /// Key `i`, if there is one.
    pub(crate) fn get(&self, i: usize) -> Option<LocalKey<'_>> {
        let contacts = span(&self.contacts_to, i)?;
        Some(LocalKey {
            key: self.bytes.get(span(&self.ends, i)?)?,
            by_contact: *self.by_contact.get(i)? != 0,
            keys: self,
            contacts: (contacts.start, contacts.end),
        })
    }

    fn contact(&self, i: usize) -> Option<&[u8]> {
        self.contact_bytes.get(span(&self.contact_ends, i)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_with_their_contacts_and_garbled_ones_are_refused() {
        let mut keys = LocalKeys::default();
        keys.push(b"C1", false, [&b"ana@example.com"[..], b"5511987654321"]);
        keys.push(b"bo@example.com", true, []);
        keys.push(b"", false, []);
        assert_eq!(keys.len(), 3);
        let first = keys.get(0).unwrap();
        assert_eq!((first.key, first.by_contact), (&b"C1"[..], false));
        assert_eq!(
            first.contacts(),
            vec![b"ana@example.com".to_vec(), b"5511987654321".to_vec()]
        );
        let second = keys.get(1).unwrap();
        assert_eq!(
            (second.key, second.by_contact, second.has_contacts()),
            (&b"bo@example.com"[..], true, false)
        );
        assert_eq!(keys.get(2).unwrap().key, b"");
        assert!(keys.get(3).is_none());
        assert!(keys.is_consistent());
        let bytes = postcard::to_allocvec(&keys).unwrap();
        assert_eq!(postcard::from_bytes::<LocalKeys>(&bytes).unwrap(), keys);
        let mut garbled = keys.clone();
        garbled.ends[0] = 99;
        assert!(!garbled.is_consistent());
        assert!(garbled.get(0).is_none());
        let mut short = keys;
        short.by_contact.pop();
        assert!(!short.is_consistent());
    }
}
