//! Shared state while files are read: customer keys interned to dense indexes,
//! orders appended column by column, rejections collected.

use super::date_order::AmbiguousDate;
use super::interner::Interner;
use super::joins::{JoinPart, JoinPlan, Joins, Target};
use super::key_map::{Digest, Key, KeyMap};
use super::local_keys::{LocalKey, LocalKeys};
use super::quality::{DetailJoin, FileReport, QualityReport, RejectReason, Rejection, MAX_KEPT_REJECTIONS};
use super::rows::RowTotals;
use super::schema::FileKind;
use super::sniff::FileSchema;
use super::survey::SurveyQuestion;
use rustc_hash::{FxHashMap, FxHashSet};
use segscope_model::{Answer, CategoryIdx, CustomerIdx, Dataset, Day, Survey, NO_CATEGORY};

/// Builds a [`Dataset`] from the rows of one or more files.
#[derive(Default)]
pub struct DatasetBuilder {
    pub(super) dataset: Dataset,
    key_index: KeyMap,
    /// Normalised email or phone → the customer with an id who gave it.
    contact_index: KeyMap,
    /// Per customer: its display key is an email or phone, not an id.
    keyed_by_contact: Vec<bool>,
    sources: Interner,
    occupations: Interner,
    regions: Interner,
    category_index: FxHashMap<Box<[u8]>, CategoryIdx>,
    /// Per customer: seen in a customers file (orphans are the buyers without).
    in_customer_file: Vec<bool>,
    pub(super) any_customer_file: bool,
    pub(super) report: QualityReport,
    pub(super) rejection_count: u64,
    /// Cross-file joins, when the set has order-details files.
    joins: Option<Box<Joins>>,
    /// Person customers that already have an order-level id.
    persons_with_id: FxHashSet<CustomerIdx>,
    /// Customer → its entry in [`Dataset::totals`].
    totals_index: FxHashMap<CustomerIdx, u32>,
    /// Reading one range of a file (docs/ingest/speed.md#parallel-read):
    /// each distinct key is its own customer, matched to others only when
    /// the range is merged; the keys in the order they first appeared.
    pub(super) local_keys: Option<LocalKeys>,
}

impl DatasetBuilder {
    /// An empty builder for files that are not joined to each other (an
    /// order-details file read into it matches no order).
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty builder for reading `schemas` in
    /// the session's reading order (orders before the files that join them), with their joins planned
    /// (`docs/ingest/joins.md#several-tables-of-one-shop`). Without an
    /// order-details file among them it is [`DatasetBuilder::new`].
    pub fn for_files(schemas: &[FileSchema]) -> Self {
        DatasetBuilder {
            joins: JoinPlan::of(schemas).map(|plan| Box::new(Joins::new(plan))),
            ..Self::default()
        }
    }

    /// An empty builder for one range of a file (docs/ingest/speed.md#parallel-read).
    pub(super) fn for_range() -> Self {
        DatasetBuilder {
            local_keys: Some(LocalKeys::default()),
            ..Self::default()
        }
    }

    /// The range's own customer for `key` (an id, or a contact when
    /// `by_contact`), created on its first row with that row's `contacts`.
    pub(super) fn local_customer(
        &mut self,
        key: &Key,
        by_contact: bool,
        contacts: impl FnOnce() -> Vec<Vec<u8>>,
    ) -> CustomerIdx {
        let index = if by_contact {
            &mut self.contact_index
        } else {
            &mut self.key_index
        };
        if let Some(idx) = index.find(key) {
            return idx;
        }
        // Unnamed here: the key travels in `local_keys`, and the merge names
        // the customer it resolves to.
        let idx = self.dataset.customers.push(String::new());
        index.insert(key, idx);
        self.in_customer_file.push(false);
        self.keyed_by_contact.push(by_contact);
        if let Some(keys) = self.local_keys.as_mut() {
            keys.push(key.bytes(), by_contact, contacts().iter().map(Vec::as_slice));
        }
        idx
    }

    /// Resolves a range's key as the sequential read does on its first row
    /// ([`Self::customer`], [`Self::customer_with_id`],
    /// [`Self::customer_by_contact`]).
    /// `key` is the local key's bytes, its digest perhaps worked out already.
    pub(super) fn resolve(&mut self, local: &LocalKey, key: &Key) -> CustomerIdx {
        match (local.by_contact, local.has_contacts()) {
            (true, _) => self.customer_by_contact(key),
            // An id whose first row gave no contact joins nobody by one.
            (false, false) => self.customer(key),
            (false, true) => self.customer_with_id(key, || local.contacts()),
        }
    }

    /// Reads, one right after another, the slots where [`Self::resolve`]
    /// will start looking for `keys`, so that they are in the cache when the
    /// lookups come (docs/ingest/speed.md#parallel-read).
    pub(super) fn fetch_resolve_ahead(&mut self, keys: &[Key]) {
        keys.iter().for_each(|key| self.key_index.note_ahead(key));
        self.key_index.fetch_ahead();
    }

    /// How the file of `schema` (its order id in `order_id_column`) takes
    /// part in the joins.
    pub(super) fn join_part(&mut self, schema: &FileSchema, order_id_column: Option<usize>) -> JoinPart {
        self.joins
            .as_mut()
            .map_or(JoinPart::None, |joins| joins.part(schema, order_id_column))
    }

    /// Records the order just added at `order` for its id `key`; `waiting`
    /// (awaiting file, row, id text) when its amount comes from the details.
    pub(super) fn add_joined_order(&mut self, key: Option<u64>, order: u32, waiting: Option<(u32, u64, &[u8])>) {
        if let Some(joins) = self.joins.as_mut() {
            joins.add_order(key, order, waiting);
        }
    }

    /// Counts a row merged into the waiting order of `key`.
    pub(super) fn add_joined_line(&mut self, key: u64) {
        if let Some(joins) = self.joins.as_mut() {
            joins.add_line(key);
        }
    }

    /// The order an order-details row's id names, if any.
    pub(super) fn detail_target(&self, key: u64) -> Option<Target> {
        self.joins.as_ref()?.target(key)
    }

    /// Adds an amount-giving detail row's `amount` to `target` when that
    /// order waits for its amount (an order with its own amount keeps it).
    pub(super) fn add_detail_amount(&mut self, target: Target, amount: f64) {
        let takes = self.joins.as_mut().is_some_and(|joins| joins.take_amount(target));
        let i = target.order as usize;
        if takes && i < self.dataset.orders.len() {
            self.dataset.orders.add_to_amount(i, amount);
        }
    }

    /// Gives `target` the category of a detail row when it has none yet.
    pub(super) fn set_detail_category(&mut self, target: Target, name: &[u8]) {
        let i = target.order as usize;
        if self.dataset.orders.category().get(i) == Some(&NO_CATEGORY) {
            let category = self.category(name);
            self.dataset.orders.set_category(i, category);
        }
    }

    /// Notes that a file is read and its report is about to take position
    /// `report_index`: for an orders file awaiting amounts, so its rows can
    /// be settled; for an order-details file, its join counts.
    pub(super) fn joined_file_read(&mut self, part: JoinPart, report: &FileReport, report_index: usize) {
        let Some(joins) = self.joins.as_mut() else {
            return;
        };
        match part {
            JoinPart::Orders { awaiting: Some(file) } => {
                if let Some(file) = joins.files.get_mut(file as usize) {
                    file.report = Some(report_index);
                }
            }
            JoinPart::Details { amounts } => {
                let unmatched = report
                    .rejected_by_reason
                    .iter()
                    .find(|(r, _)| *r == RejectReason::UnknownOrder)
                    .map_or(0, |(_, n)| *n);
                self.report.joins.details.push(DetailJoin {
                    file: report.file.clone(),
                    gives_amounts: amounts,
                    rows_matched: report.rows_kept,
                    rows_unmatched: unmatched,
                });
            }
            JoinPart::Orders { awaiting: None } | JoinPart::None => {}
        }
    }

    /// The customer of a customers-file row with person key `person` and
    /// order-level id `id` (`docs/ingest/joins.md#one-customer-per-person`):
    /// the person's customer, known by the person key and by each of its
    /// order-level ids. True when `id` joined a person who already had
    /// another id (a merge). A customer met by its order-level id before
    /// its person takes the person key; an id already mapped stays with the
    /// first person it was mapped to.
    pub(super) fn person_customer(
        &mut self,
        person: &[u8],
        id: Option<&[u8]>,
        contacts: impl FnOnce() -> Vec<Vec<u8>>,
    ) -> (CustomerIdx, bool) {
        let person = Key::new(person);
        let known_id = id.and_then(|id| self.key_index.get(&Key::new(id)));
        let idx = match (self.known(&person), known_id) {
            (Some(idx), _) => idx,
            (None, Some(idx)) => {
                self.keyed_by_contact[idx as usize] = false;
                self.dataset
                    .customers
                    .set_key(idx as usize, String::from_utf8_lossy(person.bytes()).into_owned());
                self.key_index.insert(&person, idx);
                idx
            }
            (None, None) => self.customer_with_id(&person, contacts),
        };
        let Some(id) = id.filter(|_| known_id.is_none()) else {
            if known_id == Some(idx) {
                self.persons_with_id.insert(idx);
            }
            return (idx, false);
        };
        self.key_index.insert(&Key::new(id), idx);
        let merged = !self.persons_with_id.insert(idx);
        if merged {
            self.report.joins.customers_merged_by_person += 1;
        }
        (idx, merged)
    }

    /// The index of the customer with `key`, created when new.
    pub(super) fn customer(&mut self, key: &Key) -> CustomerIdx {
        match self.known(key) {
            Some(idx) => idx,
            None => self.create(key),
        }
    }

    /// The customer whose id is `id`; a new id joins the customer already
    /// known by one of its `contacts` (normalised email or phone) when that
    /// customer has no id yet, and otherwise registers the contacts as its own.
    pub(super) fn customer_with_id(&mut self, id: &Key, contacts: impl FnOnce() -> Vec<Vec<u8>>) -> CustomerIdx {
        if let Some(idx) = self.known(id) {
            return idx;
        }
        let contacts = contacts();
        // Each digested once, for the lookup and the insert below.
        let contacts: Vec<Key> = contacts.iter().map(|c| Key::new(c)).collect();
        let by_contact = contacts
            .iter()
            .filter_map(|c| self.key_index.get(c))
            .find(|&idx| self.keyed_by_contact[idx as usize]);
        let idx = match by_contact {
            Some(idx) => {
                self.report.customers_matched_by_contact += 1;
                self.keyed_by_contact[idx as usize] = false;
                self.dataset
                    .customers
                    .set_key(idx as usize, String::from_utf8_lossy(id.bytes()).into_owned());
                self.key_index.insert(id, idx);
                idx
            }
            None => self.create(id),
        };
        for contact in &contacts {
            self.contact_index.insert_new(contact, idx);
        }
        idx
    }

    /// The customer keyed by a normalised email or phone: the customer with an
    /// id who gave that contact, if any, else the one keyed by the contact.
    pub(super) fn customer_by_contact(&mut self, contact: &Key) -> CustomerIdx {
        if let Some(idx) = self.known(contact) {
            return idx;
        }
        if let Some(idx) = self.contact_index.get(contact) {
            self.report.customers_matched_by_contact += 1;
            self.key_index.insert(contact, idx);
            return idx;
        }
        let idx = self.create(contact);
        self.keyed_by_contact[idx as usize] = true;
        idx
    }

    /// Notes that a row's customer key (a contact when `by_contact`) will be
    /// looked up soon, in the table its lookup starts with
    /// (docs/ingest/speed.md#looking-ahead); the key's digest, when noting
    /// it worked one out.
    pub(super) fn note_ahead(&mut self, key: &Key, by_contact: bool) -> Option<Digest> {
        match by_contact && self.local_keys.is_some() {
            true => self.contact_index.note_ahead(key),
            false => self.key_index.note_ahead(key),
        }
        key.known_digest()
    }

    /// Reads what the lookups noted will read; how many were noted.
    pub(super) fn fetch_ahead(&mut self) -> usize {
        self.key_index.fetch_ahead() + self.contact_index.fetch_ahead()
    }

    /// The customer already known by `key` — an id, or a normalised e-mail
    /// or phone — without creating one (survey responses link to known
    /// customers only).
    pub(super) fn find_customer(&self, key: &[u8]) -> Option<CustomerIdx> {
        let key = Key::new(key);
        self.key_index.get(&key).or_else(|| self.contact_index.get(&key))
    }

    /// Starts the survey of a survey file: its questions, no responses yet.
    pub(super) fn start_survey(&mut self, schema: &FileSchema) {
        if let Some(survey) = &schema.survey {
            let questions = survey.questions.iter().map(SurveyQuestion::question).collect();
            self.dataset
                .surveys
                .push(Survey::new(&schema.file_name, survey.tool.name(), questions));
        }
    }

    /// Adds a response to the survey started last.
    pub(super) fn push_response(&mut self, customer: Option<CustomerIdx>, day: Option<Day>, answers: Vec<Answer>) {
        if let Some(survey) = self.dataset.surveys.last_mut() {
            survey.push_response(customer, day, answers);
        }
    }

    /// The customer known by `key`, if any.
    fn known(&mut self, key: &Key) -> Option<CustomerIdx> {
        self.key_index.find(key)
    }

    /// Adds a customer keyed by `key`.
    fn create(&mut self, key: &Key) -> CustomerIdx {
        let idx = self
            .dataset
            .customers
            .push(String::from_utf8_lossy(key.bytes()).into_owned());
        self.in_customer_file.push(false);
        self.keyed_by_contact.push(false);
        self.key_index.insert(key, idx);
        idx
    }

    /// Records that a customers-file row described `idx`; true when an earlier
    /// row already had (so this one is merged).
    pub(super) fn mark_in_customer_file(&mut self, idx: CustomerIdx) -> bool {
        std::mem::replace(&mut self.in_customer_file[idx as usize], true)
    }

    /// Sets the customer's acquisition source (first non-empty value wins).
    pub(super) fn set_source(&mut self, idx: CustomerIdx, source: &str) {
        let i = idx as usize;
        if self.dataset.customers.source().get(i) == Some(&None) {
            let value = self.sources.intern(&mut self.dataset.sources, source);
            self.dataset.customers.set_source(i, value);
        }
    }

    /// Sets the customer's occupation (first non-empty value wins).
    pub(super) fn set_occupation(&mut self, idx: CustomerIdx, occupation: &str) {
        let i = idx as usize;
        if self.dataset.customers.profile().occupation().get(i) == Some(&None) {
            let value = self.occupations.intern(&mut self.dataset.occupations, occupation);
            self.dataset.customers.profile_mut().fill_occupation(i, value);
        }
    }

    /// Sets the customer's region (first non-empty value wins).
    pub(super) fn set_region(&mut self, idx: CustomerIdx, region: &str) {
        let i = idx as usize;
        if self.dataset.customers.profile().region().get(i) == Some(&None) {
            let value = self.regions.intern(&mut self.dataset.regions, region);
            self.dataset.customers.profile_mut().fill_region(i, value);
        }
    }

    /// Sets the customer's signup date (earliest wins).
    pub(super) fn set_signup(&mut self, idx: CustomerIdx, day: Day) {
        let i = idx as usize;
        let earliest = self
            .dataset
            .customers
            .signup()
            .get(i)
            .copied()
            .flatten()
            .map_or(day, |d| d.min(day));
        self.dataset.customers.set_signup(i, Some(earliest));
    }

    /// Sets the customer's points balance (the last non-empty value wins).
    pub(super) fn set_points(&mut self, idx: CustomerIdx, points: f64) {
        self.dataset.customers.set_points(idx as usize, Some(points));
    }

    /// Stores a customer summary's totals for `idx`: its entry's position and
    /// the orders it replaced, or `None` when the customer already has totals
    /// with more orders (a customer listed twice keeps the fuller row, so
    /// two overlapping summaries do not count it twice).
    pub(super) fn set_totals(&mut self, idx: CustomerIdx, row: RowTotals) -> Option<(u32, u32)> {
        let totals = &mut self.dataset.totals;
        match self.totals_index.get(&idx) {
            Some(&slot) => {
                let s = slot as usize;
                let previous = *totals.orders().get(s)?;
                if previous > row.orders || (previous == row.orders && totals.spent()[s] >= row.spent) {
                    return None;
                }
                totals.replace(s, row.orders, row.spent, row.first, row.last);
                Some((slot, previous))
            }
            None => {
                let slot = u32::try_from(totals.len()).ok()?;
                totals.push(idx, row.orders, row.spent, row.first, row.last);
                self.totals_index.insert(idx, slot);
                Some((slot, 0))
            }
        }
    }

    /// The index of the category named `name` (trimmed bytes), created when
    /// new; [`NO_CATEGORY`] for an empty name or once the index space is full.
    pub(super) fn category(&mut self, name: &[u8]) -> CategoryIdx {
        if name.is_empty() {
            return NO_CATEGORY;
        }
        if let Some(&idx) = self.category_index.get(name) {
            return idx;
        }
        let Ok(idx) = CategoryIdx::try_from(self.dataset.categories.len()) else {
            return NO_CATEGORY;
        };
        if idx == NO_CATEGORY {
            return NO_CATEGORY;
        }
        self.dataset.categories.push(String::from_utf8_lossy(name).into_owned());
        self.category_index.insert(name.into(), idx);
        idx
    }

    /// Re-reads a file's ambiguous dates in the other day/month order, once
    /// its dates decided against the sampled guess: order dates, or signups
    /// (a signup another row made earlier stays).
    pub(super) fn reread_dates(&mut self, kind: FileKind, dates: &[AmbiguousDate]) {
        let customers = &mut self.dataset.customers;
        let orders = &mut self.dataset.orders;
        let events = &mut self.dataset.events;
        let totals = &mut self.dataset.totals;
        for date in dates {
            let i = date.target as usize;
            let guessed = |day: Option<&Day>| day == Some(&date.guessed);
            match kind {
                FileKind::Orders if guessed(orders.day().get(i)) => orders.set_day(i, date.other),
                FileKind::Events if guessed(events.day().get(i)) => events.set_day(i, date.other),
                FileKind::Customers => {
                    if guessed(customers.signup().get(i).and_then(Option::as_ref)) {
                        customers.set_signup(i, Some(date.other));
                    }
                }
                // Target 2·entry for the first order date, 2·entry + 1 for the last.
                FileKind::Summary if i.is_multiple_of(2) => {
                    if guessed(totals.first_day().get(i / 2).and_then(Option::as_ref)) {
                        totals.set_first_day(i / 2, date.other);
                    }
                }
                FileKind::Summary => {
                    if guessed(totals.last_day().get(i / 2).and_then(Option::as_ref)) {
                        totals.set_last_day(i / 2, date.other);
                    }
                }
                FileKind::Orders | FileKind::Events | FileKind::OrderDetails | FileKind::Survey | FileKind::Ignored => {
                }
            }
        }
    }

    /// Records a rejected row.
    pub(super) fn reject(&mut self, rejection: impl FnOnce() -> Rejection) {
        self.rejection_count += 1;
        if self.report.rejections.len() < MAX_KEPT_REJECTIONS {
            self.report.rejections.push(rejection());
        } else {
            self.report.rejections_truncated = true;
        }
    }

    /// Counts `n` rejected rows that were not kept (a range's rejections
    /// beyond the report's limit: the report was full by then).
    pub(super) fn count_unkept_rejections(&mut self, n: u64) {
        self.rejection_count += n;
        if n > 0 {
            self.report.rejections_truncated = true;
        }
    }

    /// True when the files read into this builder are joined to each other.
    pub(super) fn has_joins(&self) -> bool {
        self.joins.is_some()
    }

    /// Finishes: settles the joins, sets aside the summary totals of
    /// customers with order rows (orders win), counts orphan customers and
    /// hands out the dataset and report.
    pub fn finish(mut self) -> (Dataset, QualityReport) {
        if let Some(joins) = self.joins.take() {
            let mut rejected = Vec::new();
            joins.settle(&mut self.dataset, &mut self.report, |r| rejected.push(r));
            for rejection in rejected {
                self.reject(|| rejection);
            }
        }
        if !self.dataset.totals.is_empty() && !self.dataset.orders.is_empty() {
            let mut has_rows = vec![false; self.dataset.customers.len()];
            for &c in self.dataset.orders.customer() {
                if let Some(slot) = has_rows.get_mut(c as usize) {
                    *slot = true;
                }
            }
            let set_aside = self
                .dataset
                .totals
                .retain(|c| !has_rows.get(c as usize).copied().unwrap_or(false));
            self.report.summary_totals_set_aside = set_aside as u64;
        }
        if self.any_customer_file {
            let mut has_orders = vec![false; self.in_customer_file.len()];
            for &c in self.dataset.orders.customer() {
                has_orders[c as usize] = true;
            }
            self.report.orphan_customers = has_orders
                .iter()
                .zip(&self.in_customer_file)
                .filter(|(orders, listed)| **orders && !**listed)
                .count() as u64;
        }
        (self.dataset, self.report)
    }
}
