//! How to reach a customer, as the files wrote it: name, e-mail, phone,
//! postal address parts and messaging ids (docs/export/activation.md#contacts).
//!
//! Most customers of a large orders file have one or two of these and the
//! rest are empty, so a customer costs one `u32` here until a value is set;
//! the values of one customer are kept together in one string.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// One contact detail of a customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactField {
    /// The whole name, as one cell.
    Name,
    /// Given name.
    FirstName,
    /// Family name.
    LastName,
    /// E-mail address.
    Email,
    /// Phone number.
    Phone,
    /// City.
    City,
    /// Province, state or region.
    State,
    /// Postal code.
    Zip,
    /// Country (a name or an ISO code).
    Country,
    /// 企业微信 external contact id (`external_userid`).
    WecomId,
    /// WeChat official account / mini program user id (`openid`).
    OpenId,
}

impl ContactField {
    /// Every field, in storage order.
    pub const ALL: [ContactField; 11] = [
        ContactField::Name,
        ContactField::FirstName,
        ContactField::LastName,
        ContactField::Email,
        ContactField::Phone,
        ContactField::City,
        ContactField::State,
        ContactField::Zip,
        ContactField::Country,
        ContactField::WecomId,
        ContactField::OpenId,
    ];

    /// The field's bit in a card's mask.
    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// Separates the values of one card; removed from values when they are set.
const SEPARATOR: char = '\u{1f}';

/// `value` without [`SEPARATOR`]s, borrowed when it has none.
fn without_separators(value: &str) -> Cow<'_, str> {
    match value.contains(SEPARATOR) {
        true => value.chars().filter(|c| *c != SEPARATOR).collect::<String>().into(),
        false => value.into(),
    }
}

/// The text of a card with the fields `all`: the values `added`, indexed by
/// field, and the others from `old`.
fn joined_card_text(old: Option<&Card>, all: u16, added: &[Option<Cow<str>>; 16]) -> String {
    let values = added
        .iter()
        .flatten()
        .map(|value| value.trim().len() + 1)
        .sum::<usize>();
    let mut text = String::with_capacity(old.map_or(0, |card| card.text.len() + 1) + values - 1);
    for (n, field) in ContactField::ALL.iter().filter(|f| all & f.bit() != 0).enumerate() {
        if n > 0 {
            text.push(SEPARATOR);
        }
        match &added[*field as usize] {
            Some(value) => text.push_str(value.trim()),
            None => text.push_str(old.and_then(|card| card.get(*field)).unwrap_or_default()),
        }
    }
    text
}

/// Marks a customer without a card.
const NO_CARD: u32 = u32::MAX;

/// The contact details of one customer: the fields set, and their values in
/// [`ContactField::ALL`] order joined by [`SEPARATOR`].
#[derive(Debug, Clone, Default)]
struct Card {
    present: u16,
    text: Box<str>,
}

impl Card {
    /// The value of `field`, if set.
    fn get(&self, field: ContactField) -> Option<&str> {
        if self.present & field.bit() == 0 {
            return None;
        }
        let before = (self.present & (field.bit() - 1)).count_ones() as usize;
        self.text.split(SEPARATOR).nth(before)
    }
}

/// The contact details of every customer, parallel to
/// [`crate::Customers::key`]. Fields are private: customers are added by
/// [`Contacts::push_empty`] and values by [`Contacts::fill`], so every
/// customer has exactly one slot.
#[derive(Debug, Clone, Default)]
pub struct Contacts {
    /// Per customer: the index of its card in `cards`, or [`NO_CARD`].
    slot: Vec<u32>,
    /// Per customer: the fields set (its card's mask), kept apart so the
    /// read's per-row check touches two bytes, not the card.
    present: Vec<u16>,
    cards: Vec<Card>,
}

impl Contacts {
    /// Contacts of `n` customers with nothing known.
    pub fn empty(n: usize) -> Self {
        Contacts {
            slot: vec![NO_CARD; n],
            present: vec![0; n],
            cards: Vec::new(),
        }
    }

    /// Adds one customer with nothing known.
    pub fn push_empty(&mut self) {
        self.slot.push(NO_CARD);
        self.present.push(0);
    }

    /// How many customers there are.
    pub fn len(&self) -> usize {
        self.slot.len()
    }

    /// True when there are no customers.
    pub fn is_empty(&self) -> bool {
        self.slot.is_empty()
    }

    /// Customer `customer`'s `field`, as written; `None` when unknown or the
    /// customer is out of range.
    pub fn get(&self, customer: usize, field: ContactField) -> Option<&str> {
        self.card(customer)?.get(field)
    }

    /// True when customer `customer`'s `field` is set; cheaper than
    /// [`Contacts::get`] (the read's per-row check).
    pub fn has(&self, customer: usize, field: ContactField) -> bool {
        self.present.get(customer).is_some_and(|mask| mask & field.bit() != 0)
    }

    /// Customer `customer`'s name: the whole-name cell, else the given and
    /// family names joined by a space.
    pub fn display_name(&self, customer: usize) -> Option<Cow<'_, str>> {
        if let Some(name) = self.get(customer, ContactField::Name) {
            return Some(Cow::Borrowed(name));
        }
        match (
            self.get(customer, ContactField::FirstName),
            self.get(customer, ContactField::LastName),
        ) {
            (Some(first), Some(last)) => Some(Cow::Owned(format!("{first} {last}"))),
            (one, other) => one.or(other).map(Cow::Borrowed),
        }
    }

    /// True when customer `customer` has any contact detail.
    pub fn has_any(&self, customer: usize) -> bool {
        self.card(customer).is_some()
    }

    /// Sets `field` of `customer` to `value` (trimmed) unless it already has
    /// one or `value` is blank: the first value a file gives wins. Returns
    /// whether the value was taken; out-of-range customers take nothing.
    pub fn fill(&mut self, customer: usize, field: ContactField, value: &str) -> bool {
        self.fill_all(customer, [(field, value)]) > 0
    }

    /// [`Contacts::fill`] for several values at once (a row's cells), with
    /// the customer's card written once; of two values for one field the
    /// first wins. Returns how many values were taken.
    pub fn fill_all<'v>(
        &mut self,
        customer: usize,
        values: impl IntoIterator<Item = (ContactField, &'v str)>,
    ) -> usize {
        let Some(&slot) = self.slot.get(customer) else {
            return 0;
        };
        let present = self.present[customer];
        let mut added: [Option<Cow<str>>; 16] = Default::default();
        let mut added_bits = 0u16;
        for (field, value) in values {
            if (present | added_bits) & field.bit() != 0 {
                continue;
            }
            let cleaned = without_separators(value);
            if cleaned.trim().is_empty() {
                continue;
            }
            added[field as usize] = Some(cleaned);
            added_bits |= field.bit();
        }
        if added_bits == 0 {
            return 0;
        }
        let old = (slot != NO_CARD).then(|| &self.cards[slot as usize]);
        let all = present | added_bits;
        let text = match old {
            // A customer's first value alone (an orders row's e-mail) is its card.
            None if added_bits.count_ones() == 1 => added.iter().flatten().map(|v| v.trim().into()).next(),
            _ => None,
        };
        let card = Card {
            present: all,
            text: text.unwrap_or_else(|| joined_card_text(old, all, &added).into()),
        };
        match self.set_card(customer, slot, card) {
            true => added_bits.count_ones() as usize,
            false => 0,
        }
    }

    /// Customer `customer`'s details as stored: the fields set (one bit per
    /// field, in [`ContactField::ALL`] order) and their values joined, to
    /// be given whole to [`Contacts::fill_card`] of another table.
    pub fn stored_card(&self, customer: usize) -> Option<(u16, &str)> {
        self.card(customer).map(|card| (card.present, &*card.text))
    }

    /// [`Contacts::fill_all`] with the values of a card as
    /// [`Contacts::stored_card`] gives it; a customer without a card takes
    /// it as it is when it is well formed (one trimmed, non-blank value per
    /// field set), without being split and joined again.
    pub fn fill_card(&mut self, customer: usize, fields: u16, text: &str) -> usize {
        let Some(&slot) = self.slot.get(customer) else {
            return 0;
        };
        let well_formed = || {
            let mut values = 0;
            let clean = text.split(SEPARATOR).all(|value| {
                values += 1;
                !value.is_empty() && value.trim() == value
            });
            clean && fields != 0 && fields >> ContactField::ALL.len() == 0 && values == fields.count_ones()
        };
        if slot == NO_CARD && well_formed() {
            let card = Card {
                present: fields,
                text: text.into(),
            };
            return match self.set_card(customer, slot, card) {
                true => fields.count_ones() as usize,
                false => 0,
            };
        }
        let set = ContactField::ALL.iter().filter(|f| fields & f.bit() != 0).copied();
        self.fill_all(customer, set.zip(text.split(SEPARATOR)))
    }

    /// Stores `card` as customer `customer`'s (its card now in `slot`);
    /// false when the cards are full.
    fn set_card(&mut self, customer: usize, slot: u32, card: Card) -> bool {
        let present = card.present;
        if slot != NO_CARD {
            self.cards[slot as usize] = card;
        } else {
            let Ok(at) = u32::try_from(self.cards.len()) else {
                return false;
            };
            self.cards.push(card);
            self.slot[customer] = at;
        }
        self.present[customer] = present;
        true
    }

    /// The card of `customer`, if it has one.
    fn card(&self, customer: usize) -> Option<&Card> {
        let slot = *self.slot.get(customer)?;
        (slot != NO_CARD).then(|| &self.cards[slot as usize])
    }
}

/// Equal when every customer has the same values (however the cards were
/// stored).
impl PartialEq for Contacts {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && (0..self.len()).all(|c| ContactField::ALL.iter().all(|f| self.get(c, *f) == other.get(c, *f)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_kept_apart_and_the_first_value_wins() {
        let mut contacts = Contacts::empty(3);
        assert!(contacts.fill(1, ContactField::Phone, " +86 138 0013 8000 "));
        assert!(contacts.fill(1, ContactField::Email, "ana@example.com"));
        assert!(!contacts.fill(1, ContactField::Email, "other@example.com"));
        assert!(!contacts.fill(1, ContactField::Zip, "   "));
        assert!(contacts.fill(1, ContactField::Name, "Ana\u{1f} Souza"));
        assert_eq!(contacts.get(1, ContactField::Email), Some("ana@example.com"));
        assert_eq!(contacts.get(1, ContactField::Phone), Some("+86 138 0013 8000"));
        assert_eq!(contacts.get(1, ContactField::Name), Some("Ana Souza"));
        assert_eq!(contacts.get(1, ContactField::Zip), None);
        assert!(!contacts.has_any(0) && contacts.has_any(1));
        assert_eq!(contacts.get(7, ContactField::Email), None);
        assert!(contacts.fill(2, ContactField::LastName, "Lima"));
        assert_eq!(contacts.display_name(2).as_deref(), Some("Lima"));
        assert!(contacts.fill(2, ContactField::FirstName, "Bruno"));
        assert_eq!(contacts.display_name(2).as_deref(), Some("Bruno Lima"));
        assert_eq!(contacts.display_name(1).as_deref(), Some("Ana Souza"));
        assert!(!contacts.fill(7, ContactField::Email, "x@example.com"));
    }

    #[test]
    fn equality_ignores_the_order_values_came_in() {
        let mut a = Contacts::empty(2);
        a.fill(0, ContactField::Email, "a@example.com");
        a.fill(1, ContactField::City, "Lima");
        let mut b = Contacts::empty(2);
        b.fill(1, ContactField::City, "Lima");
        b.fill(0, ContactField::Email, "a@example.com");
        assert_eq!(a, b);
        b.fill(0, ContactField::Zip, "15001");
        assert_ne!(a, b);
    }

    proptest::proptest! {
        /// Values filled in any order read back as a first-value-wins map
        /// would give them.
        #[test]
        fn any_fill_order_reads_back_the_first_values(
            fills in proptest::collection::vec((0..ContactField::ALL.len(), proptest::sample::select(vec!["a", "bc", "", " d ", "e\u{1f}f", "中文"])), 0..30),
        ) {
            let mut contacts = Contacts::empty(1);
            let mut expected = std::collections::BTreeMap::new();
            for (f, value) in fills {
                let field = ContactField::ALL[f];
                let cleaned: String = value.chars().filter(|c| *c != SEPARATOR).collect();
                let cleaned = cleaned.trim().to_string();
                if !cleaned.is_empty() {
                    expected.entry(f).or_insert(cleaned);
                }
                contacts.fill(0, field, value);
                for (i, field) in ContactField::ALL.iter().enumerate() {
                    proptest::prop_assert_eq!(contacts.get(0, *field), expected.get(&i).map(String::as_str));
                }
            }
        }

        /// A card moved whole to another table (empty for the customer, or
        /// holding values already) reads as its values filled one by one;
        /// a garbled card is read as the values it gives, never panics.
        #[test]
        fn a_card_moved_whole_reads_as_its_values_filled_one_by_one(
            source in proptest::collection::vec((0..ContactField::ALL.len(), proptest::sample::select(vec!["a", "bc", " d ", "中文"])), 0..8),
            target in proptest::collection::vec((0..ContactField::ALL.len(), proptest::sample::select(vec!["x", "yz"])), 0..4),
            garbled_fields in proptest::num::u16::ANY,
            garbled_text in "[a \u{1f}]{0,8}",
        ) {
            let mut from = Contacts::empty(1);
            for (f, value) in &source {
                from.fill(0, ContactField::ALL[*f], value);
            }
            let mut moved = Contacts::empty(1);
            let mut filled = Contacts::empty(1);
            for (f, value) in &target {
                moved.fill(0, ContactField::ALL[*f], value);
                filled.fill(0, ContactField::ALL[*f], value);
            }
            if let Some((fields, text)) = from.stored_card(0) {
                moved.fill_card(0, fields, text);
            }
            for field in ContactField::ALL {
                if let Some(value) = from.get(0, field) {
                    filled.fill(0, field, value);
                }
            }
            proptest::prop_assert_eq!(&moved, &filled);
            let mut garbled = Contacts::empty(2);
            let mut by_values = Contacts::empty(2);
            garbled.fill_card(1, garbled_fields, &garbled_text);
            let fields = ContactField::ALL.iter().filter(|f| garbled_fields & f.bit() != 0).copied();
            by_values.fill_all(1, fields.zip(garbled_text.split(SEPARATOR)));
            proptest::prop_assert_eq!(&garbled, &by_values);
            proptest::prop_assert_eq!(garbled.fill_card(5, garbled_fields, &garbled_text), 0);
        }
    }
}
