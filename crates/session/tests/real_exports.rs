//! Real exports, read as a new user would (docs/product.md#real-exports, issue 12
//! must-deliver 9): every directory of `fixtures/real/` with an
//! `expected.json` is a platform family. Its files are sniffed with the
//! defaults (no manual mapping), read in the listed order, analysed with the
//! default settings, and the figures are compared with the manifest, whose
//! numbers come from the generating scripts' ground truth
//! (`fixtures/real/make/*.py`), not from this engine.
//!
//! The test reports every mismatch of every family in one table and then
//! fails, so it doubles as the progress board of the real-export work.

use segscope_engine::settings::Settings;
use segscope_engine::{self as analyze, Analysis};
use segscope_ingest::workbook::{is_workbook, sniff_first_sheet};
use segscope_ingest::FileKind;
use segscope_ingest::{sniff, FileSchema, IngestError, SNIFF_BYTES};
use segscope_model::date::format_day;
use segscope_session::{reading_order, Loader};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The figures compared, in table order, with their manifest keys.
const FIGURES: [&str; 5] = ["buyers", "paid_orders", "revenue_cents", "first_order", "last_order"];

fn real_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ingest/tests/fixtures/real")
}

/// The family directories (those holding an `expected.json`), sorted.
fn families() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(real_dir())
        .expect("fixtures/real")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// Sniffs one file the way the worker does (`crates/worker/src/source.rs`):
/// text files from their first [`SNIFF_BYTES`], workbooks from their first
/// readable sheet. Returns the schema and the bytes to feed the parser.
fn sniff_file(name: &str, bytes: &[u8]) -> Result<(FileSchema, Vec<u8>), String> {
    if is_workbook(&bytes[..bytes.len().min(SNIFF_BYTES)]) {
        return sniff_first_sheet(name, bytes).map_err(|e| problem(&e));
    }
    let prefix = &bytes[..bytes.len().min(SNIFF_BYTES)];
    sniff(name, prefix, bytes.len() <= SNIFF_BYTES)
        .map(|schema| (schema, bytes.to_vec()))
        .map_err(|e| problem(&e))
}

/// An ingest error without the file name (the table names the file).
fn problem(e: &IngestError) -> String {
    let mut s = format!("{:?}", e.problem);
    if let Some(row) = e.row {
        let _ = write!(s, " at row {row}");
    }
    if let Some(column) = &e.column {
        let _ = write!(s, " in column {column:?}");
    }
    s
}

/// What the engine made of one file: kind and the columns it chose.
fn describe(schema: &FileSchema) -> String {
    let roles: Vec<String> = schema
        .roles
        .iter()
        .filter_map(|r| r.column.map(|c| format!("{:?}={}", r.role, schema.headers[c])))
        .collect();
    format!(
        "{} → {:?}, {}, delimiter {:?}: {}",
        schema.file_name,
        schema.kind,
        schema.encoding,
        schema.delimiter as char,
        roles.join(", ")
    )
}

/// Sniffs every file of a family, as the mapping step shows them.
fn sniff_family(dir: &Path, files: &[String], log: &mut Vec<String>) -> Result<Vec<(FileSchema, Vec<u8>)>, String> {
    let mut sniffed = Vec::new();
    for name in files {
        let bytes = std::fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
        let (schema, body) = sniff_file(name, &bytes).map_err(|e| format!("{name}: sniff: {e}"))?;
        log.push(describe(&schema));
        sniffed.push((schema, body));
    }
    Ok(sniffed)
}

/// Reads and analyses one family in the engine's reading order, as the
/// worker does; the error names the file and step that failed.
fn run_family(sniffed: Vec<(FileSchema, Vec<u8>)>) -> Result<Analysis, String> {
    let schemas: Vec<FileSchema> = sniffed.iter().map(|(s, _)| s.clone()).collect();
    let mut loader = Loader::for_files(&schemas);
    let mut slots: Vec<Option<(FileSchema, Vec<u8>)>> = sniffed.into_iter().map(Some).collect();
    for i in reading_order(&schemas) {
        let Some((schema, body)) = slots[i].take() else {
            continue;
        };
        let name = schema.file_name.clone();
        let mut parser = loader
            .open(schema, body.len() as u64)
            .map_err(|e| format!("{name}: open: {}", problem(&e)))?;
        loader
            .feed(&mut parser, &body)
            .map_err(|e| format!("{name}: read: {}", problem(&e)))?;
        loader
            .close(parser)
            .map_err(|e| format!("{name}: close: {}", problem(&e)))?;
    }
    let (dataset, _quality) = loader.finish();
    Ok(analyze::run(&dataset, &Settings::default()))
}

/// The engine's value of each figure, as the manifest writes it.
fn figures_of(analysis: &Analysis) -> [Value; 5] {
    let kpis = &analysis.summary.kpis;
    let first = analysis.metrics.first_day().iter().flatten().min().copied();
    let last = analysis.metrics.last_day().iter().flatten().max().copied();
    let day = |d: Option<i32>| d.map_or(Value::Null, |d| Value::String(format_day(d)));
    [
        Value::from(kpis.buyers),
        Value::from(kpis.paid_orders),
        Value::from((kpis.revenue * 100.0).round() as i64),
        day(first),
        day(last),
    ]
}

fn show(v: &Value) -> String {
    match v {
        Value::Null => "—".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn real_exports_read_right_with_defaults() {
    let families = families();
    assert!(!families.is_empty(), "no family directory with an expected.json");
    // (family, figure, expected, got)
    let mut mismatches: Vec<[String; 4]> = Vec::new();
    // Mismatches of families whose manifest names a known gap: reported, not failed.
    let mut gaps: Vec<[String; 4]> = Vec::new();
    let mut board = String::new();
    for dir in &families {
        let text = std::fs::read_to_string(dir.join("expected.json")).expect("expected.json");
        let manifest: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let family = manifest["family"].as_str().unwrap_or("?").to_string();
        let files: Vec<String> = manifest["files"]
            .as_array()
            .expect("files")
            .iter()
            .map(|f| f.as_str().expect("file name").to_string())
            .collect();
        let mut log = Vec::new();
        let gap = manifest["known_gap"].as_str().map(str::to_string);
        let sniffed = sniff_family(dir, &files, &mut log);
        if manifest["not_orders"].as_bool() == Some(true) {
            // Not a customer table: every file must be set aside with a
            // finding, or read as what it is (a survey).
            let survey = manifest["expected_kind"].as_str() == Some("survey");
            let set_aside = sniffed.as_ref().is_ok_and(|files| {
                files.iter().all(|(s, _)| match survey {
                    true => s.kind == FileKind::Survey && s.survey.is_some(),
                    false => s.kind == FileKind::Ignored && s.finding.is_some(),
                })
            });
            let _ = writeln!(
                board,
                "{family}: {}",
                if set_aside {
                    "set aside with a finding"
                } else {
                    "NOT set aside"
                }
            );
            for line in &log {
                let _ = writeln!(board, "    {line}");
            }
            if !set_aside {
                mismatches.push([
                    family.clone(),
                    "kind".into(),
                    "Ignored with a finding".into(),
                    log.join("; "),
                ]);
            }
            continue;
        }
        let outcome = sniffed.and_then(run_family);
        let before = mismatches.len();
        let got: Vec<Value> = match outcome {
            Ok(analysis) => figures_of(&analysis).to_vec(),
            // Expected zeros: refusing the set with a message is right.
            Err(_) if manifest["buyers"].as_u64() == Some(0) => {
                let _ = writeln!(board, "{family}: refused with a message, as expected (no buyers)");
                continue;
            }
            Err(e) => {
                // One row for the whole family: nothing was analysed.
                let row = [family.clone(), "all five".into(), "read and analysed".into(), e];
                if gap.is_some() {
                    gaps.push(row);
                } else {
                    mismatches.push(row);
                }
                let _ = writeln!(board, "{family}: 0/{} right (not read)", FIGURES.len());
                for line in log {
                    let _ = writeln!(board, "    {line}");
                }
                continue;
            }
        };
        let mut right = Vec::new();
        for (figure, got) in FIGURES.iter().zip(&got) {
            let expected = manifest.get(*figure).cloned().unwrap_or(Value::Null);
            if expected == *got {
                right.push(*figure);
            } else {
                mismatches.push([family.clone(), figure.to_string(), show(&expected), show(got)]);
            }
        }
        if let Some(reason) = &gap {
            let rows: Vec<[String; 4]> = mismatches.drain(before..).collect();
            if rows.is_empty() {
                mismatches.push([
                    family.clone(),
                    "known_gap".into(),
                    "a gap".into(),
                    "all right now: remove known_gap".into(),
                ]);
            } else {
                let _ = writeln!(board, "{family}: known gap ({reason}): {} figures off", rows.len());
                gaps.extend(rows);
            }
        }
        let _ = writeln!(
            board,
            "{family}: {}/{} right{}",
            right.len(),
            FIGURES.len(),
            if right.is_empty() {
                String::new()
            } else {
                format!(" ({})", right.join(", "))
            }
        );
        for line in log {
            let _ = writeln!(board, "    {line}");
        }
    }
    if mismatches.is_empty() {
        println!("{board}");
        for gap in &gaps {
            println!("known gap: {}", gap.join(" | "));
        }
        return;
    }
    let header = ["family", "figure", "expected", "got"].map(String::from);
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in &mismatches {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut table = String::new();
    for row in std::iter::once(&header).chain(&mismatches) {
        let cells: Vec<String> = row.iter().zip(widths).map(|(cell, w)| format!("{cell:<w$}")).collect();
        let _ = writeln!(table, "| {} |", cells.join(" | "));
    }
    let failing: std::collections::BTreeSet<&String> = mismatches.iter().map(|m| &m[0]).collect();
    panic!(
        "{} mismatches in {} of {} families (fixtures/real/*/expected.json):\n{board}\n{table}",
        mismatches.len(),
        failing.len(),
        families.len()
    );
}
