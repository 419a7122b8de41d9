//! Finding the text keys a source tree looks up: literal keys passed to
//! `tr(…)` / `t(lang, …)` and keys returned by `i18n_key()` methods, for the
//! key test [`texts!`](crate::texts) gives every crate and for the app's.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literal starting right after `at` in `text`, if `at` opens one.
fn literal_at(text: &str, at: usize) -> Option<&str> {
    let rest = text[at..].strip_prefix('"')?;
    rest.find('"').map(|end| &rest[..end])
}

/// Literal keys in one source file.
pub fn keys_in(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for opener in ["tr(", "t(lang, ", "t(self.lang, ", "t(Lang::En, ", "t(Lang::Zh, "] {
        for (at, _) in text.match_indices(opener) {
            let starts_a_word = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric() && c != '_');
            if !starts_a_word {
                continue;
            }
            if let Some(key) = literal_at(text, at + opener.len()) {
                keys.push(key.to_string());
            }
        }
    }
    if text.contains("fn i18n_key") {
        for (at, _) in text.match_indices("=> \"") {
            if let Some(key) = literal_at(text, at + 3).filter(|k| k.contains('.') && !k.contains(' ')) {
                keys.push(key.to_string());
            }
        }
    }
    keys
}

/// The keys the sources under `src` look up that `has` does not know, each
/// with its file.
pub fn unknown_keys(src: &Path, has: fn(&str) -> bool) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut unknown = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for key in keys_in(&text) {
            if !has(&key) {
                unknown.push(format!("{key} in {}", file.display()));
            }
        }
    }
    unknown
}

/// Keys of `entries` that repeat or lack a language.
pub fn filling_problems<'a>(entries: impl Iterator<Item = &'a (&'a str, &'a str, &'a str)>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut problems = Vec::new();
    for (key, en, zh) in entries {
        if !seen.insert(*key) {
            problems.push(format!("{key} twice"));
        }
        if en.trim().is_empty() || zh.trim().is_empty() {
            problems.push(format!("{key} lacks a language"));
        }
    }
    problems
}
