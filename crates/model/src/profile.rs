//! Who a customer is: contact details (from any file; for search, the
//! customer detail and the exports) and, from a customers file, the demographic attributes of docs/product.md#inputs (gender, birth date or age, income,
//! occupation, region).

use super::{Contacts, Day};
use serde::{Deserialize, Serialize};

/// A customer's gender as a file states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Female, F, woman, 女.
    Female,
    /// Male, M, man, 男.
    Male,
    /// Any other stated value.
    Other,
    /// Not stated.
    #[default]
    Unknown,
}

impl Gender {
    /// Every gender, in display order.
    pub const ALL: [Gender; 4] = [Gender::Female, Gender::Male, Gender::Other, Gender::Unknown];

    /// The English name (as in exports).
    pub fn english_name(self) -> &'static str {
        match self {
            Gender::Female => "Female",
            Gender::Male => "Male",
            Gender::Other => "Other",
            Gender::Unknown => "Unknown",
        }
    }

    /// The i18n key of the display name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            Gender::Female => "gender.female",
            Gender::Male => "gender.male",
            Gender::Other => "gender.other",
            Gender::Unknown => "gender.unknown",
        }
    }
}

/// Per-customer profile columns, parallel to [`super::Customers::key`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profiles {
    /// Name, e-mail, phone, address parts and messaging ids as written.
    pub contacts: Contacts,
    /// Gender.
    pub gender: Vec<Gender>,
    /// Birth date.
    pub birth: Vec<Option<Day>>,
    /// Age in years as the file states it (used when there is no birth date).
    pub age: Vec<Option<u8>>,
    /// Income, in the file's unit (monthly or yearly, as the shop records it).
    pub income: Vec<Option<f64>>,
    /// Index into [`super::Dataset::occupations`].
    pub occupation: Vec<Option<u16>>,
    /// Index into [`super::Dataset::regions`] (province/state, else city, else country).
    pub region: Vec<Option<u16>>,
}

impl Profiles {
    /// Profiles of `n` customers with nothing known.
    pub fn empty(n: usize) -> Self {
        Profiles {
            contacts: Contacts::empty(n),
            gender: vec![Gender::Unknown; n],
            birth: vec![None; n],
            age: vec![None; n],
            income: vec![None; n],
            occupation: vec![None; n],
            region: vec![None; n],
        }
    }

    /// Adds one customer with nothing known.
    pub fn push_empty(&mut self) {
        self.contacts.push_empty();
        self.gender.push(Gender::Unknown);
        self.birth.push(None);
        self.age.push(None);
        self.income.push(None);
        self.occupation.push(None);
        self.region.push(None);
    }
}
