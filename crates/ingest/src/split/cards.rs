//! The contact cards of a range's customers, in three flat columns instead
//! of one allocation per customer and value (docs/ingest/speed.md#parallel-read).

use super::packed::{ends_fit, span};
use segscope_model::{Contacts, CustomerIdx};
use serde::{Deserialize, Serialize};

/// Per customer of a range, in customer order: the contact fields its rows
/// filled and their values as its card stores them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct PartCards {
    /// Per customer: the fields set (none without a card).
    #[serde(with = "super::packed")]
    fields: Vec<u16>,
    /// Every card's text, one after another.
    text: String,
    /// Per customer: where its card's text ends.
    #[serde(with = "super::packed")]
    ends: Vec<u64>,
}

impl PartCards {
    /// The cards of every customer in `contacts`.
    pub(super) fn of(contacts: &Contacts) -> Self {
        let mut cards = PartCards::default();
        for customer in 0..contacts.len() {
            let (fields, text) = contacts.stored_card(customer).unwrap_or((0, ""));
            cards.fields.push(fields);
            cards.text.push_str(text);
            cards.ends.push(cards.text.len() as u64);
        }
        cards
    }

    /// How many customers there are.
    pub(super) fn len(&self) -> usize {
        self.fields.len()
    }

    /// True when every card has its fields and its text: cards that came
    /// through a message are checked before they are merged (a text cut
    /// inside a character reads as no card).
    pub(super) fn is_consistent(&self) -> bool {
        self.ends.len() == self.fields.len() && ends_fit(&self.ends, self.text.len())
    }

    /// Customer `i`'s card: its fields and its text, if it has one.
    pub(super) fn get(&self, i: usize) -> Option<(u16, &str)> {
        let fields = *self.fields.get(i).filter(|&&f| f != 0)?;
        Some((fields, self.text.get(span(&self.ends, i)?)?))
    }

    /// Gives each customer's card to `customers[i]` in `contacts`, first
    /// values winning.
    pub(super) fn fill(&self, customers: &[CustomerIdx], contacts: &mut Contacts) {
        for (i, &customer) in customers.iter().enumerate() {
            if let Some((fields, text)) = self.get(i) {
                contacts.fill_card(customer as usize, fields, text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_model::ContactField;

    #[test]
    fn cards_move_to_other_customers_whole() {
        let mut contacts = Contacts::empty(3);
        contacts.fill(0, ContactField::Email, "ana@example.com");
        contacts.fill(0, ContactField::Name, "Ana Souza");
        contacts.fill(2, ContactField::Phone, "+55 11 98765-4321");
        let cards = PartCards::of(&contacts);
        assert_eq!(cards.len(), 3);
        assert!(cards.is_consistent() && cards.get(1).is_none());
        let mut merged = Contacts::empty(4);
        merged.fill(3, ContactField::Email, "first@example.com");
        cards.fill(&[3, 0, 1], &mut merged);
        assert_eq!(merged.get(3, ContactField::Email), Some("first@example.com"));
        assert_eq!(merged.get(3, ContactField::Name), Some("Ana Souza"));
        assert_eq!(merged.get(1, ContactField::Phone), Some("+55 11 98765-4321"));
        assert!(!merged.has_any(0) && !merged.has_any(2));
        let mut cut = cards.clone();
        cut.text = "中".into();
        cut.ends = vec![1, 1, 3];
        assert!(cut.is_consistent() && cut.get(0).is_none() && cut.get(2).is_none());
    }
}
