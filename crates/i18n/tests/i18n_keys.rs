//! Every text key the code looks up has an English and a Chinese entry: the
//! source of the app, the worker and core is scanned for literal keys passed
//! to `tr(…)` / `t(lang, …)` and for keys returned by `i18n_key()` methods.

use segscope_i18n::has;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
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
fn keys_in(text: &str) -> Vec<String> {
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

#[test]
fn every_key_the_code_uses_has_both_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in [
        "src",
        "crates/model/src",
        "crates/ingest/src",
        "crates/engine/src",
        "crates/chart/src",
        "crates/report/src",
        "crates/export/src",
        "crates/session/src",
        "crates/worker/src",
    ] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "source files found: {}", files.len());
    let mut checked = 0;
    let mut missing = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for key in keys_in(&text) {
            checked += 1;
            if !has(&key) {
                missing.push(format!("{} in {}", key, file.display()));
            }
        }
    }
    assert!(checked > 100, "keys checked: {checked}");
    assert!(missing.is_empty(), "keys without a text: {missing:#?}");
}
