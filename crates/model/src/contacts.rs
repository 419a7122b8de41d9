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

    /// The card with `field` set to `value` (the field was empty; `value` holds
    /// no [`SEPARATOR`]).
    fn with(&self, field: ContactField, value: &str) -> Card {
        let present = self.present | field.bit();
        if self.present == 0 {
            return Card {
                present,
                text: value.into(),
            };
        }
        let mut text = String::with_capacity(self.text.len() + value.len() + 1);
        for (n, f) in ContactField::ALL.iter().filter(|f| present & f.bit() != 0).enumerate() {
            if n > 0 {
                text.push(SEPARATOR);
            }
            if *f == field {
                text.push_str(value);
            } else {
                text.push_str(self.get(*f).unwrap_or_default());
            }
        }
        Card {
            present,
            text: text.into(),
        }
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
        let Some(&slot) = self.slot.get(customer) else {
            return false;
        };
        if self.has(customer, field) {
            return false;
        }
        let cleaned: Cow<str> = match value.contains(SEPARATOR) {
            true => value.chars().filter(|c| *c != SEPARATOR).collect::<String>().into(),
            false => value.into(),
        };
        let value = cleaned.trim();
        if value.is_empty() {
            return false;
        }
        if slot == NO_CARD {
            let Ok(at) = u32::try_from(self.cards.len()) else {
                return false;
            };
            self.cards.push(Card::default().with(field, value));
            self.slot[customer] = at;
        } else {
            let card = &mut self.cards[slot as usize];
            *card = card.with(field, value);
        }
        self.present[customer] |= field.bit();
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
}
