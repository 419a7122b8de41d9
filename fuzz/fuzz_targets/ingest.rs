//! Any bytes through the whole path a dropped text file takes: sniff, a
//! chunked read (chunk size from the input, so chunk borders land anywhere),
//! the analysis and the exports. Errors are values; a panic is a bug. The
//! accounting of every file must balance.
//!
//! Input layout: byte 0 is a control byte — its low 6 bits pick the chunk
//! size (1 + k·65, so 1..=4096), its top 2 bits the file name
//! (`.csv`/`.tsv`/`.txt`/`.xlsx`; the name only appears in messages). The
//! rest is the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use segscope_engine as analyze;
use segscope_engine::settings::Settings;
use segscope_export::{
    activation_file, analysis_json, campaign_pack, contact_coverage, customers_csv, rejections_csv, ActivationFormat,
    ActivationOptions,
};
use segscope_i18n::Lang;
use segscope_ingest::{sniff, DatasetBuilder, FileParser, SNIFF_BYTES};

fuzz_target!(|input: &[u8]| {
    let Some((&control, bytes)) = input.split_first() else {
        return;
    };
    let chunk = 1 + usize::from(control & 0x3f) * 65;
    let name = ["f.csv", "f.tsv", "f.txt", "f.xlsx"][usize::from(control >> 6)];
    // As the worker does: sniff the first SNIFF_BYTES, then stream the whole file.
    let prefix = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let Ok(schema) = sniff(name, prefix, bytes.len() <= SNIFF_BYTES) else {
        return;
    };
    let mut builder = DatasetBuilder::new();
    let Ok(mut parser) = FileParser::new(schema) else {
        return;
    };
    parser.expect_bytes(bytes.len() as u64, &mut builder);
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
    for file in &quality.files {
        assert_eq!(
            file.rows_read,
            file.rows_kept + file.rows_rejected + file.duplicates_removed,
            "unbalanced file report: {file:?}"
        );
    }
    let settings = Settings::default();
    let analysis = analyze::run(&dataset, &settings);
    assert_eq!(analysis.labels.tier().len(), dataset.customers.len());
    let csv = customers_csv(&dataset, &analysis);
    assert!(csv.starts_with("\u{feff}customer_id,"));
    let json = analysis_json(&analysis, &quality, &settings);
    assert!(json.starts_with('{'));
    let _ = rejections_csv(&quality);
    // A list for a marketing tool (the format, hashing and phone country
    // chosen by the control byte): each customer is written or left out.
    let _ = contact_coverage(&dataset);
    let options = ActivationOptions {
        format: ActivationFormat::ALL[usize::from(control) % ActivationFormat::ALL.len()],
        hash: control & 1 == 0,
        phone_country: (control & 2 == 0).then(|| "CN".to_string()),
        lang: Lang::Zh,
    };
    if let Ok(file) = activation_file(&dataset, &analysis, 0..dataset.customers.len(), &options) {
        assert_eq!(file.customers + file.left_out, dataset.customers.len() as u64);
    }
    if control % 8 == 0 {
        let _ = campaign_pack(&dataset, &analysis, Lang::En);
    }
});
