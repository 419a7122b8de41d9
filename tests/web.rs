//! wasm-bindgen tests that run in headless Chromium: the engine compiled to
//! WebAssembly reads a CSV and segments it exactly as natively.
#![cfg(target_arch = "wasm32")]

use segscope_engine as analyze;
use segscope_engine::settings::Settings;
use segscope_ingest::{read_file, sniff, DatasetBuilder};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ORDERS: &str = "order_id,customer_id,order_date,amount,status\n\
1,A,2024-01-05,100.00,paid\n\
2,A,2024-03-01,50.00,paid\n\
3,B,2024-02-10,\"1,200.50\",completed\n\
4,C,2024/3/15 10:00,20,refunded\n\
5,,2024-03-16,20,paid\n\
5,,2024-03-16,20,paid\n";

#[wasm_bindgen_test]
fn csv_is_read_cleaned_and_segmented_in_the_browser() {
    let schema = sniff("orders.csv", ORDERS.as_bytes(), true).expect("sniff");
    let mut builder = DatasetBuilder::new();
    let report = read_file(schema, ORDERS.as_bytes(), &mut builder).expect("read");
    assert_eq!(
        (
            report.rows_read,
            report.rows_kept,
            report.rows_rejected,
            report.duplicates_removed
        ),
        (6, 4, 1, 1)
    );
    let (dataset, _) = builder.finish();
    let analysis = analyze::run(&dataset, &Settings::default());
    let kpis = &analysis.summary.kpis;
    assert_eq!(kpis.customers, 3);
    assert_eq!(kpis.buyers, 2);
    assert!((kpis.revenue - 1350.5).abs() < 1e-9);
    assert_eq!(analysis.summary.as_of, "2024-03-16");
}
