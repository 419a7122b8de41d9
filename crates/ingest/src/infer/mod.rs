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

pub use assign::assign_roles;
pub use evidence::{ColumnEvidence, ValueKind};
pub use kind::{classify, Classification, Finding};
pub use platform::Platform;
pub use profile::ColumnProfile;

/// Profiles every column of the sample rows.
pub fn profile_columns(headers: &[String], samples: &[Vec<String>]) -> Vec<ColumnProfile> {
    (0..headers.len()).map(|c| ColumnProfile::of(samples, c)).collect()
}
