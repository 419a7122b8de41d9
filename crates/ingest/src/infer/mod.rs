//! What a file is and what its columns mean, from headers and values
//! together (docs/ingest/roles.md): each column's sample values are profiled,
//! the profile is summarised as evidence for the mapping step, the file kind
//! is decided from evidence, and columns are assigned to roles.

mod assign;
mod cell_shape;
mod evidence;
mod fit;
mod kind;
mod platform;
mod profile;
mod status_words;
mod survey;

pub use assign::{assign_roles, assign_roles_without_header};
pub(crate) use cell_shape::{cell_class, CellClass};
pub use evidence::{ColumnEvidence, ValueKind};
pub use kind::{classify, Classification, Finding};
pub use platform::Platform;
pub use profile::ColumnProfile;

/// Profiles every column of the sample rows, and counts in each column the
/// repeated cells whose rows have different dates in the first column of
/// dates (see [`ColumnProfile::repeats_on_other_days`]).
pub fn profile_columns(headers: &[String], samples: &[Vec<String>]) -> Vec<ColumnProfile> {
    let mut profiles: Vec<ColumnProfile> = (0..headers.len()).map(|c| ColumnProfile::of(samples, c)).collect();
    let Some(dates) = profiles.iter().position(|p| p.filled > 0 && p.share(p.dates) >= 0.8) else {
        return profiles;
    };
    for (column, profile) in profiles.iter_mut().enumerate() {
        if column == dates || profile.same_as_previous == 0 {
            continue;
        }
        profile.repeats_on_other_days = samples
            .windows(2)
            .filter(|pair| {
                let (before, row) = (&pair[0], &pair[1]);
                let (day_before, day) = (cell(before, dates), cell(row, dates));
                !cell(row, column).is_empty()
                    && cell(row, column) == cell(before, column)
                    && !day.is_empty()
                    && !day_before.is_empty()
                    && day != day_before
            })
            .count() as u32;
    }
    profiles
}

/// Cell `c` of `row`, trimmed ("" past its end).
fn cell(row: &[String], c: usize) -> &str {
    row.get(c).map_or("", |v| v.trim())
}
