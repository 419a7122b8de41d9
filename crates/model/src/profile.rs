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
///
/// The columns are private so that they always have one entry per customer:
/// customers are added by [`Profiles::push_empty`], values set by the
/// `fill_…` methods (the first value a file gives wins) and read through the
/// slice getters named like the columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profiles {
    contacts: Contacts,
    gender: Vec<Gender>,
    birth: Vec<Option<Day>>,
    age: Vec<Option<u8>>,
    income: Vec<Option<f64>>,
    occupation: Vec<Option<u16>>,
    region: Vec<Option<u16>>,
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
        debug_assert_eq!(self.contacts.len(), self.region.len());
    }

    /// Name, e-mail, phone, address parts and messaging ids as written.
    pub fn contacts(&self) -> &Contacts {
        &self.contacts
    }

    /// The contacts, to fill (their own methods keep one slot per customer).
    pub fn contacts_mut(&mut self) -> &mut Contacts {
        &mut self.contacts
    }

    /// Gender of each customer.
    pub fn gender(&self) -> &[Gender] {
        &self.gender
    }

    /// Birth date of each customer.
    pub fn birth(&self) -> &[Option<Day>] {
        &self.birth
    }

    /// Age in years as the file states it (used when there is no birth date).
    pub fn age(&self) -> &[Option<u8>] {
        &self.age
    }

    /// Income, in the file's unit (monthly or yearly, as the shop records it).
    pub fn income(&self) -> &[Option<f64>] {
        &self.income
    }

    /// Index into [`super::Dataset::occupations`].
    pub fn occupation(&self) -> &[Option<u16>] {
        &self.occupation
    }

    /// Index into [`super::Dataset::regions`] (province/state, else city, else country).
    pub fn region(&self) -> &[Option<u16>] {
        &self.region
    }

    /// Sets customer `c`'s gender unless one is known.
    pub fn fill_gender(&mut self, c: usize, gender: Gender) {
        if let Some(slot @ Gender::Unknown) = self.gender.get_mut(c) {
            *slot = gender;
        }
    }

    /// Sets customer `c`'s birth date unless one is known.
    pub fn fill_birth(&mut self, c: usize, birth: Option<Day>) {
        fill(self.birth.get_mut(c), birth);
    }

    /// Sets customer `c`'s stated age unless one is known.
    pub fn fill_age(&mut self, c: usize, age: Option<u8>) {
        fill(self.age.get_mut(c), age);
    }

    /// Sets customer `c`'s income unless one is known.
    pub fn fill_income(&mut self, c: usize, income: Option<f64>) {
        fill(self.income.get_mut(c), income);
    }

    /// Sets customer `c`'s occupation unless one is known.
    pub fn fill_occupation(&mut self, c: usize, occupation: Option<u16>) {
        fill(self.occupation.get_mut(c), occupation);
    }

    /// Sets customer `c`'s region unless one is known.
    pub fn fill_region(&mut self, c: usize, region: Option<u16>) {
        fill(self.region.get_mut(c), region);
    }
}

/// Puts `value` into `slot` when the slot exists and is empty.
fn fill<T>(slot: Option<&mut Option<T>>, value: Option<T>) {
    if let Some(slot @ None) = slot {
        *slot = value;
    }
}
