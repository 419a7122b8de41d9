//! Finding the text keys a source tree looks up: literal keys passed to
//! `tr(…)` / `t(lang, …)` and keys returned by `i18n_key()` methods. Shared by
//! the key tests of segscope-i18n and of the app (which includes this file by
//! path).

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
