//! The one-line summary of a column's values that the mapping step shows
//! ("dates, 100 % of 200 samples") (docs/ingest/roles.md#value-evidence).

use super::profile::ColumnProfile;
use serde::{Deserialize, Serialize};

/// What most of a column's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValueKind {
    /// Dates or timestamps.
    Dates,
    /// Money amounts.
    Money,
    /// E-mail addresses.
    Emails,
    /// Phone numbers.
    Phones,
    /// Order status words.
    Statuses,
    /// Event names.
    Events,
    /// Whole numbers.
    WholeNumbers,
    /// Ids (codes without spaces).
    Ids,
    /// Other text.
    Text,
    /// No values in the samples.
    Empty,
}

impl ValueKind {
    /// The i18n key of the kind's description.
    pub fn i18n_key(self) -> &'static str {
        match self {
            ValueKind::Dates => "evidence.dates",
            ValueKind::Money => "evidence.money",
            ValueKind::Emails => "evidence.emails",
            ValueKind::Phones => "evidence.phones",
            ValueKind::Statuses => "evidence.statuses",
            ValueKind::Events => "evidence.events",
            ValueKind::WholeNumbers => "evidence.whole_numbers",
            ValueKind::Ids => "evidence.ids",
            ValueKind::Text => "evidence.text",
            ValueKind::Empty => "evidence.empty",
        }
    }
}

/// What a column's sample values look like: the kind of most of them, its
/// share of the filled cells, and how many cells were looked at.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ColumnEvidence {
    /// What most values are.
    pub kind: ValueKind,
    /// Share of the filled sample cells of that kind, 0–1.
    pub share: f32,
    /// Filled sample cells looked at.
    pub samples: u32,
}

impl ColumnEvidence {
    /// Summarises a profile: the first kind, in order of how telling it is,
    /// that at least 80 % of the filled cells have (else the strongest).
    pub fn of(p: &ColumnProfile) -> Self {
        if p.filled == 0 {
            return ColumnEvidence {
                kind: ValueKind::Empty,
                share: 0.0,
                samples: 0,
            };
        }
        let whole = if p.share(p.small_integers) >= 0.8 {
            p.small_integers
        } else {
            0
        };
        let candidates = [
            (ValueKind::Emails, p.emails),
            (ValueKind::Dates, p.dates),
            (ValueKind::Money, p.money),
            (ValueKind::Phones, p.phones),
            (ValueKind::Statuses, if p.distinct <= 15 { p.status_words } else { 0 }),
            (ValueKind::Events, if p.distinct <= 60 { p.event_words } else { 0 }),
            (ValueKind::WholeNumbers, whole.max(p.numbers.min(p.small_integers))),
            (ValueKind::Ids, p.id_like),
            (ValueKind::Text, p.with_letters),
        ];
        let pick = candidates
            .iter()
            .find(|(_, n)| p.share(*n) >= 0.8)
            .or_else(|| candidates.iter().max_by_key(|(_, n)| *n))
            .copied()
            .unwrap_or((ValueKind::Text, 0));
        ColumnEvidence {
            kind: pick.0,
            share: p.share(pick.1),
            samples: p.filled,
        }
    }
}
