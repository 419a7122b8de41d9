//! Texts of the mapping step's evidence column.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    (
        "evidence.of_samples",
        "{share} of {n} samples",
        "{n} 个样本中占 {share}",
    ),
    ("mapping.evidence", "Values", "数值特征"),
    ("mapping.chosen_by", "Chosen by", "依据"),
];
