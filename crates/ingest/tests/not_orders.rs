//! Files that are not order files (docs/product.md#real-exports): a survey export and
//! a product list, from `fixtures/real/` (written by `fixtures/real/make/`).
//! Sniffing them must not end in an orders file with buyers: either the file
//! is not classified as orders, or reading it as orders yields no buyer with
//! a paid order. A sniff error (a clear sentence) is also acceptable. Nor may
//! they be read as a customer table (issue 12: a Google Forms export was
//! analysed as a customer list): whatever kind they are given, reading them
//! yields no customers.

use segscope_ingest::{read_file, sniff, DatasetBuilder, FileKind, SNIFF_BYTES};

fn fixture(family: &str, file: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/real/{family}/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The manifest's claim that this family is not orders, and its one file.
fn manifest(family: &str) -> (String, String) {
    let path = format!(
        "{}/tests/fixtures/real/{family}/expected.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: serde_json::Value = serde_json::from_str(&text).expect("expected.json");
    assert_eq!(
        json["not_orders"],
        serde_json::Value::Bool(true),
        "{family}: not_orders"
    );
    let file = json["files"][0].as_str().expect("files[0]").to_string();
    let kind = json["expected_kind"].as_str().expect("expected_kind").to_string();
    (file, kind)
}

/// Customers read from the file as sniffed (0 when sniffing or reading refused it).
fn customers_read(name: &str, bytes: &[u8]) -> usize {
    let whole = bytes.len() <= SNIFF_BYTES;
    let Ok(schema) = sniff(name, &bytes[..bytes.len().min(SNIFF_BYTES)], whole) else {
        return 0;
    };
    let kind = schema.kind;
    let mut builder = DatasetBuilder::new();
    if read_file(schema, bytes, &mut builder).is_err() {
        return 0;
    }
    let (dataset, _) = builder.finish();
    let n = dataset.customers.len();
    assert!(n == 0, "{name}: read as {kind:?} with {n} customers");
    n
}

/// Buyers with at least one paid order when the file is read as sniffed, or
/// `None` when sniffing refused the file or did not call it orders.
fn buyers_if_orders(name: &str, bytes: &[u8]) -> Option<usize> {
    let whole = bytes.len() <= SNIFF_BYTES;
    let schema = match sniff(name, &bytes[..bytes.len().min(SNIFF_BYTES)], whole) {
        Ok(schema) => schema,
        Err(_) => return None,
    };
    if schema.kind != FileKind::Orders {
        return None;
    }
    let mut builder = DatasetBuilder::new();
    if read_file(schema, bytes, &mut builder).is_err() {
        return None;
    }
    let (dataset, _) = builder.finish();
    let orders = &dataset.orders;
    let mut paid: Vec<_> = (0..orders.len())
        .filter(|&i| orders.status()[i].is_paid())
        .map(|i| orders.customer()[i])
        .collect();
    paid.sort_unstable();
    paid.dedup();
    Some(paid.len())
}

fn assert_not_orders(family: &str, kind: &str) {
    let (file, expected_kind) = manifest(family);
    assert_eq!(expected_kind, kind, "{family}: expected_kind");
    let bytes = fixture(family, &file);
    let buyers = buyers_if_orders(&file, &bytes);
    assert!(
        buyers.unwrap_or(0) == 0,
        "{family}/{file} was read as an orders file with {} buyers; it is a {kind}",
        buyers.unwrap_or(0)
    );
}

fn assert_no_customers(family: &str) {
    let (file, _) = manifest(family);
    assert_eq!(customers_read(&file, &fixture(family, &file)), 0);
}

#[test]
fn google_forms_survey_is_not_orders() {
    assert_not_orders("survey-google-forms", "survey");
}

#[test]
fn shopify_product_list_is_not_orders() {
    assert_not_orders("product-list-shopify", "product_list");
}

#[test]
fn google_forms_survey_is_not_a_customer_table() {
    assert_no_customers("survey-google-forms");
}

#[test]
fn shopify_product_list_is_not_a_customer_table() {
    assert_no_customers("product-list-shopify");
}
