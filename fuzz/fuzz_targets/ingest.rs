//! Any bytes through the whole path a dropped file takes: sniff, a chunked
//! read (chunk size from the input, so chunk borders land anywhere), the
//! analysis and both exports. Errors are values; a panic is a bug. The
//! accounting of every file must balance.
#![no_main]

use libfuzzer_sys::fuzz_target;
use segscope_core::analyze;
use segscope_core::export::{analysis_json, customers_csv};
use segscope_core::ingest::{sniff, DatasetBuilder, FileParser};
use segscope_core::settings::Settings;

fuzz_target!(|input: &[u8]| {
    let Some((&control, bytes)) = input.split_first() else {
        return;
    };
    let chunk = 1 + usize::from(control & 0x3f) * 67;
    let name = ["f.csv", "f.tsv", "f.txt", "f.xlsx"][usize::from(control >> 6)];
    let Ok(schema) = sniff(name, bytes, true) else {
        return;
    };
    let mut builder = DatasetBuilder::new();
    let Ok(mut parser) = FileParser::new(schema) else {
        return;
    };
    parser.expect_bytes(bytes.len() as u64);
    for part in bytes.chunks(chunk) {
        if parser.feed(part, &mut builder).is_err() {
            return;
        }
    }
    let Ok(report) = parser.finish(&mut builder) else {
        return;
    };
    assert!(report.balances(), "rows read ≠ kept + rejected + duplicates: {report:?}");
    let (dataset, quality) = builder.finish();
    let analysis = analyze::run(&dataset, &Settings::default());
    assert_eq!(analysis.labels.tier.len(), dataset.customers.len());
    let csv = customers_csv(&dataset, &analysis);
    assert!(csv.starts_with("\u{feff}customer_id,"));
    let json = analysis_json(&analysis.summary, &quality, &Settings::default());
    assert!(json.starts_with('{'));
});
