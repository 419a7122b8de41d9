//! Sheet names Excel accepts: at most 31 characters (UTF-16 units), none of
//! `[ ] : * ? / \`, not starting or ending with an apostrophe, not the reserved
//! "History", and unique within the workbook regardless of case.

/// Excel's limit on a sheet name's length.
const MAX_LEN: usize = 31;

/// A valid name from `wanted`, made unique against `taken` with " (2)",
/// " (3)", … (the base shortened to fit).
pub(super) fn unique_sheet_name(wanted: &str, taken: &[String]) -> String {
    let base = clean(wanted);
    let is_free = |name: &str| {
        !name.eq_ignore_ascii_case("History") && !taken.iter().any(|t| t.to_lowercase() == name.to_lowercase())
    };
    if is_free(&base) {
        return base;
    }
    (2..)
        .map(|n| {
            let suffix = format!(" ({n})");
            let stem = truncate(&base, MAX_LEN - suffix.len());
            format!("{}{suffix}", stem.trim_end_matches('\''))
        })
        .find(|name| is_free(name))
        .unwrap_or(base)
}

/// `wanted` with forbidden characters replaced, edges trimmed and the length
/// cut; "Sheet" when nothing is left.
fn clean(wanted: &str) -> String {
    let replaced: String = wanted
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let cut = truncate(replaced.trim().trim_matches('\''), MAX_LEN);
    let cut = cut.trim().trim_matches('\'');
    if cut.is_empty() {
        "Sheet".to_string()
    } else {
        cut.to_string()
    }
}

/// The longest prefix of `text` that fits in `units` UTF-16 units.
fn truncate(text: &str, units: usize) -> &str {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += c.len_utf16();
        if used > units {
            return &text[..at];
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned_cut_and_made_unique() {
        assert_eq!(unique_sheet_name("Can't Lose Them", &[]), "Can't Lose Them");
        assert_eq!(unique_sheet_name("a/b[c]:*?\\", &[]), "a_b_c_____");
        assert_eq!(unique_sheet_name("'quoted'", &[]), "quoted");
        assert_eq!(unique_sheet_name("  ", &[]), "Sheet");
        assert_eq!(unique_sheet_name("history", &[]), "history (2)");
        let long = "x".repeat(40);
        assert_eq!(unique_sheet_name(&long, &[]).len(), 31);
        let taken = vec!["x".repeat(31)];
        assert_eq!(unique_sheet_name(&long, &taken), format!("{} (2)", "x".repeat(27)));
        let taken = vec!["All".to_string(), "all (2)".to_string()];
        assert_eq!(unique_sheet_name("ALL", &taken), "ALL (3)");
        assert_eq!(unique_sheet_name(&"😀".repeat(20), &[]).chars().count(), 15);
    }
}
