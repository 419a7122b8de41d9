//! Every text key the code looks up has an English and a Chinese entry: the
//! sources of the engine crates and the worker are scanned (the app checks
//! its own keys against its own tables, src/texts/) for literal keys passed
//! to `tr(…)` / `t(lang, …)` and for keys returned by `i18n_key()` methods.

mod common;

use common::key_scan::{keys_in, rust_files};
use segscope_i18n::has;
use std::path::Path;

#[test]
fn every_key_the_code_uses_has_both_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in [
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
