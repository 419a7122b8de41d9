//! Lists for marketing tools from a Shopify customers export as Shopify
//! writes it (apostrophe-marked zips and phones, split names, country
//! codes): every column lands where the tool expects it, normalised, and
//! hashed values are the SHA-256 of the normalised text (digests computed
//! outside the engine with `sha256sum`).

use segscope_engine::settings::Settings;
use segscope_export::{activation_file, campaign_pack, contact_coverage, ActivationFormat, ActivationOptions};
use segscope_i18n::Lang;
use segscope_ingest::{read_file, sniff, DatasetBuilder};
use segscope_model::Dataset;
use std::io::Read;

const SHOPIFY_CUSTOMERS: &str = "../ingest/tests/fixtures/real/shopify-customers/customers_export.csv";

fn shopify() -> Dataset {
    let bytes = std::fs::read(SHOPIFY_CUSTOMERS).expect("fixture");
    let schema = sniff("customers_export.csv", &bytes, true).expect("sniff");
    let mut builder = DatasetBuilder::new();
    read_file(schema, &bytes, &mut builder).expect("read");
    builder.finish().0
}

fn list(d: &Dataset, format: ActivationFormat, hash: bool) -> (Vec<csv::StringRecord>, Vec<String>, u64, u64) {
    let analysis = segscope_engine::run(d, &Settings::default());
    let options = ActivationOptions {
        format,
        hash,
        phone_country: None,
        lang: Lang::En,
    };
    let file = activation_file(d, &analysis, 0..d.customers.len(), &options).expect("list");
    assert!(
        !file.bytes.starts_with("\u{feff}".as_bytes()),
        "no BOM for the tools' importers"
    );
    let mut reader = csv::Reader::from_reader(file.bytes.as_slice());
    let header = reader.headers().expect("header").iter().map(String::from).collect();
    let rows = reader.records().collect::<Result<Vec<_>, _>>().expect("rows");
    assert_eq!(rows.len() as u64, file.customers);
    (rows, header, file.customers, file.left_out)
}

fn row<'r>(rows: &'r [csv::StringRecord], column: usize, value: &str) -> &'r csv::StringRecord {
    rows.iter()
        .find(|r| &r[column] == value)
        .unwrap_or_else(|| panic!("{value} in {rows:?}"))
}

#[test]
fn meta_gets_every_identifier_normalised_from_shopify_columns() {
    let d = shopify();
    let (rows, header, customers, left_out) = list(&d, ActivationFormat::Meta, false);
    assert_eq!(header, ["email", "phone", "fn", "ln", "ct", "st", "zip", "country"]);
    assert_eq!(customers + left_out, d.customers.len() as u64);
    let ana = row(&rows, 0, "ana.souza@example.com");
    assert_eq!(
        ana.iter().skip(2).collect::<Vec<_>>(),
        ["ana", "souza", "sanfrancisco", "ca", "02100", "us"]
    );
    let grace = row(&rows, 0, "grace.oneil@example.com");
    assert_eq!(&grace[3], "oneil", "punctuation goes");
    let ines = row(&rows, 0, "ines.alvarez@example.com");
    assert_eq!((&ines[2], &ines[3]), ("inés", "álvarez"), "accents stay (UTF-8)");
    let farid = row(&rows, 2, "farid");
    assert_eq!(
        (&farid[0], &farid[1]),
        ("", "12065550106"),
        "a phone alone is a key; the ' marker goes"
    );
}

#[test]
fn meta_and_google_hash_what_they_match_on() {
    let d = shopify();
    let (meta, ..) = list(&d, ActivationFormat::Meta, true);
    let (google, header, ..) = list(&d, ActivationFormat::Google, true);
    assert_eq!(header, ["Email", "Phone", "First Name", "Last Name", "Country", "Zip"]);
    let email = "7fd726011aa08d90d14a923ea0e5e3edf63bfe14b51ee6f6429483118d197c9b"; // ana.souza@example.com
    assert!(meta.iter().any(|r| &r[0] == email));
    let ana = row(&google, 0, email);
    assert_eq!((&ana[4], &ana[5]), ("US", "02100"), "Google: country and zip in clear");
    assert!(
        meta.iter().all(|r| r.iter().all(|c| c.is_empty() || c.len() == 64)),
        "Meta hashes every column"
    );
    let farid_phone_meta = sha("12065550106");
    let farid_phone_google = sha("+12065550106");
    assert!(meta.iter().any(|r| r[1] == farid_phone_meta));
    assert!(google.iter().any(|r| r[1] == farid_phone_google));
}

/// SHA-256 by the system's `sha256sum`, not by the engine.
fn sha(text: &str) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("sha256sum")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("sha256sum");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("output");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn mail_tools_need_an_email_and_get_the_labels() {
    let d = shopify();
    let coverage = contact_coverage(&d);
    assert_eq!(coverage.main_country.as_deref(), Some("US"));
    let (mailchimp, header, customers, left_out) = list(&d, ActivationFormat::Mailchimp, true);
    assert_eq!(
        header,
        ["Email Address", "First Name", "Last Name", "Phone Number", "Tags"]
    );
    assert_eq!(customers, coverage.emails);
    assert!(left_out >= 1, "Farid has no e-mail");
    assert!(mailchimp.iter().all(|r| r[0].contains('@')), "never hashed");
    assert!(mailchimp.iter().all(|r| !r[4].is_empty()));
    let (klaviyo, header, ..) = list(&d, ActivationFormat::Klaviyo, false);
    assert_eq!(header[0], "Email");
    assert!(klaviyo.iter().any(|r| !r[5].is_empty()), "value tier as a property");
    let (_, header, ..) = list(&d, ActivationFormat::Shopify, false);
    assert_eq!(header, ["First Name", "Last Name", "Email", "Phone", "Tags"]);
}

#[test]
fn the_campaign_pack_has_a_list_per_group_and_a_readme() {
    let d = shopify();
    let analysis = segscope_engine::run(&d, &Settings::default());
    let bytes = campaign_pack(&d, &analysis, Lang::Zh).expect("pack");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut readme = String::new();
    zip.by_name("README.txt")
        .expect("readme")
        .read_to_string(&mut readme)
        .expect("text");
    assert!(readme.contains("建议动作"), "{readme}");
    let lists = zip.len() - 1;
    let tiers = analysis.summary.tiers.iter().filter(|t| t.customers > 0).count();
    assert!(lists >= tiers && tiers >= 2, "a list per tier with customers at least");
    assert_eq!(
        readme.lines().filter(|l| l.ends_with(".csv")).count(),
        lists,
        "the README names every list"
    );
    let mut first = String::new();
    zip.by_index(0)
        .expect("a list")
        .read_to_string(&mut first)
        .expect("text");
    assert!(
        first.starts_with("\u{feff}客户ID"),
        "lists are the localized per-customer CSV"
    );
}

#[test]
fn phones_without_a_country_code_take_the_chosen_country() {
    let text = "customer_id,email,phone\nC1,,138 0013 8000\nC2,b@example.com,+44 7700 900123\n";
    let schema = sniff("customers.csv", text.as_bytes(), true).expect("sniff");
    let mut builder = DatasetBuilder::new();
    read_file(schema, text.as_bytes(), &mut builder).expect("read");
    let d = builder.finish().0;
    let coverage = contact_coverage(&d);
    assert_eq!(
        (coverage.phones, coverage.phones_without_country, coverage.main_country),
        (2, 1, None)
    );
    let analysis = segscope_engine::run(&d, &Settings::default());
    let meta = |phone_country: Option<&str>| {
        let options = ActivationOptions {
            format: ActivationFormat::Meta,
            hash: false,
            phone_country: phone_country.map(String::from),
            lang: Lang::En,
        };
        let file = activation_file(&d, &analysis, 0..d.customers.len(), &options).expect("list");
        (
            String::from_utf8(file.bytes).unwrap_or_default(),
            file.customers,
            file.left_out,
        )
    };
    let (text, customers, left_out) = meta(None);
    assert_eq!((customers, left_out), (1, 1), "{text}");
    assert!(text.contains("447700900123"));
    let (text, customers, left_out) = meta(Some("CN"));
    assert_eq!((customers, left_out), (2, 0));
    assert!(text.contains(",8613800138000,"), "{text}");
}
