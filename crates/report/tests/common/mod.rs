//! Helpers shared by the chart tests of segscope-chart and segscope-report
//! (chart's tests include this file by path); snapshots live beside the
//! crate being tested.

use std::path::PathBuf;

/// Compares `actual` with the committed snapshot `tests/snapshots/<name>`;
/// `UPDATE_SNAPSHOTS=1` rewrites the snapshot instead.
pub fn check_snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing snapshot {}; run with UPDATE_SNAPSHOTS=1", path.display()));
    assert!(
        expected == actual,
        "chart {name} differs from its snapshot; review and run with UPDATE_SNAPSHOTS=1\n{actual}"
    );
}
