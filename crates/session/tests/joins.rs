//! Several tables of one shop, joined (docs/ingest/joins.md): the Olist
//! layout — orders without amounts, customers mapping order-level ids to
//! persons, payments and order items keyed by order id — read in any drop
//! order gives the figures an independent reading of the fixture's rows
//! gives. The fixture rows are invented.

use proptest::prelude::*;
use segscope_ingest::error::Problem;
use segscope_ingest::quality::RejectReason;
use segscope_ingest::{sniff, FileKind, IngestError, QualityReport};
use segscope_model::date::format_day;
use segscope_model::Dataset;
use segscope_session::Loader;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

const CUSTOMERS: &str = "olist_customers_dataset.csv";
const ORDERS: &str = "olist_orders_dataset.csv";
const PAYMENTS: &str = "olist_order_payments_dataset.csv";
const ITEMS: &str = "olist_order_items_dataset.csv";

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../ingest/tests/fixtures/joins/olist")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A file as dropped: its name and text.
type File = (String, String);

fn files(names: &[&str]) -> Vec<File> {
    names.iter().map(|n| (n.to_string(), fixture(n))).collect()
}

/// Reads `files` the way the worker does: sniffed, then read in the
/// engine's reading order through one planned loader.
fn read(files: &[File]) -> Result<(Dataset, QualityReport), IngestError> {
    let schemas: Vec<_> = files
        .iter()
        .map(|(name, text)| sniff(name, text.as_bytes(), true).expect("sniff"))
        .collect();
    let contents: Vec<&[u8]> = files.iter().map(|(_, text)| text.as_bytes()).collect();
    Loader::read_all(&schemas, &contents)
}

/// The figures the tests compare.
#[derive(Debug, PartialEq, Eq)]
struct Figures {
    buyers: BTreeSet<String>,
    paid_orders: usize,
    revenue_cents: i64,
    first_order: String,
    last_order: String,
}

/// The figures of a dataset as the engine read it.
fn engine_figures(dataset: &Dataset) -> Figures {
    let orders = &dataset.orders;
    let paid: Vec<usize> = (0..orders.len()).filter(|&i| orders.status()[i].is_paid()).collect();
    let days: Vec<i32> = paid.iter().map(|&i| orders.day()[i]).collect();
    Figures {
        buyers: paid
            .iter()
            .map(|&i| dataset.customers.key()[orders.customer()[i] as usize].clone())
            .collect(),
        paid_orders: paid.len(),
        revenue_cents: paid.iter().map(|&i| (orders.amount()[i] * 100.0).round() as i64).sum(),
        first_order: days.iter().min().map(|d| format_day(*d)).unwrap_or_default(),
        last_order: days.iter().max().map(|d| format_day(*d)).unwrap_or_default(),
    }
}

/// The data rows of a fixture file, split on commas (the fixtures quote nothing).
fn rows(name: &str) -> Vec<Vec<String>> {
    fixture(name)
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

/// `12.30` → 1230, without floating point.
fn cents(text: &str) -> i64 {
    let (units, fraction) = text.split_once('.').unwrap_or((text, "0"));
    let fraction = format!("{fraction:0<2}");
    units.parse::<i64>().expect("units") * 100 + fraction[..2].parse::<i64>().expect("cents")
}

/// The same figures read straight from the fixture's rows, by the rules of
/// docs/ingest/joins.md: amounts from payments when given, else price +
/// freight of the items; an order with no amount is no revenue; `canceled`
/// and `unavailable` orders are not paid; buyers counted per person.
fn oracle(with_payments: bool) -> (Figures, Counts) {
    let mut person = BTreeMap::new();
    let mut persons_seen = BTreeSet::new();
    let mut merged = 0;
    for row in rows(CUSTOMERS) {
        if !persons_seen.insert(row[1].clone()) {
            merged += 1;
        }
        person.insert(row[0].clone(), row[1].clone());
    }
    let orders: BTreeMap<String, (String, String, String)> = rows(ORDERS)
        .into_iter()
        .map(|r| (r[0].clone(), (r[1].clone(), r[2].clone(), r[3][..10].to_string())))
        .collect();
    let mut amounts: BTreeMap<String, i64> = BTreeMap::new();
    let (mut payments_matched, mut items_matched) = (0, 0);
    for row in rows(PAYMENTS) {
        if orders.contains_key(&row[0]) {
            payments_matched += 1;
            if with_payments {
                *amounts.entry(row[0].clone()).or_default() += cents(&row[4]);
            }
        }
    }
    for row in rows(ITEMS) {
        if orders.contains_key(&row[0]) {
            items_matched += 1;
            if !with_payments {
                *amounts.entry(row[0].clone()).or_default() += cents(&row[5]) + cents(&row[6]);
            }
        }
    }
    let paid: Vec<(&String, &(String, String, String))> = orders
        .iter()
        .filter(|(id, (_, status, _))| amounts.contains_key(*id) && status != "canceled" && status != "unavailable")
        .collect();
    let dates: Vec<&String> = paid.iter().map(|(_, (_, _, date))| date).collect();
    let figures = Figures {
        buyers: paid
            .iter()
            .map(|(_, (customer, _, _))| person.get(customer).unwrap_or(customer).clone())
            .collect(),
        paid_orders: paid.len(),
        revenue_cents: paid.iter().map(|(id, _)| amounts[*id]).sum(),
        first_order: dates.iter().min().map(|d| d.to_string()).unwrap_or_default(),
        last_order: dates.iter().max().map(|d| d.to_string()).unwrap_or_default(),
    };
    let counts = Counts {
        payments_matched,
        payments_unmatched: rows(PAYMENTS).len() - payments_matched,
        items_matched,
        items_unmatched: rows(ITEMS).len() - items_matched,
        orders_without_details: orders.keys().filter(|id| !amounts.contains_key(*id)).count(),
        merged_by_person: merged,
    };
    (figures, counts)
}

/// The join counts the tests compare.
#[derive(Debug, PartialEq, Eq)]
struct Counts {
    payments_matched: usize,
    payments_unmatched: usize,
    items_matched: usize,
    items_unmatched: usize,
    orders_without_details: usize,
    merged_by_person: usize,
}

fn detail(report: &QualityReport, file: &str) -> (bool, u64, u64) {
    let join = report
        .joins
        .details
        .iter()
        .find(|d| d.file == file)
        .expect("detail file");
    (join.gives_amounts, join.rows_matched, join.rows_unmatched)
}

#[test]
fn the_olist_files_are_classified_by_their_headers() {
    for (name, kind) in [
        (CUSTOMERS, FileKind::Customers),
        (ORDERS, FileKind::Orders),
        (PAYMENTS, FileKind::OrderDetails),
        (ITEMS, FileKind::OrderDetails),
    ] {
        assert_eq!(
            sniff(name, fixture(name).as_bytes(), true).expect("sniff").kind,
            kind,
            "{name}"
        );
    }
}

#[test]
fn payments_give_the_amounts_whatever_the_drop_order() {
    let (expected, counts) = oracle(true);
    // By hand from the fixture: o01 99.33 + o02 (50.00 + 18.59) + o03 120.10 +
    // o06 33.00 + o07 75.25; o04 is canceled, o05 has no payment.
    assert_eq!(expected.revenue_cents, 39_627);
    assert_eq!(expected.paid_orders, 5);
    let buyers: BTreeSet<String> = ["pA", "pB", "pE", "c99"].iter().map(|s| s.to_string()).collect();
    assert_eq!(expected.buyers, buyers);
    assert_eq!(
        (expected.first_order.as_str(), expected.last_order.as_str()),
        ("2017-10-02", "2018-07-10")
    );
    // o99 and o98 name no order; o05 has no payment; c01 and c03 are pA.
    assert_eq!(
        counts,
        Counts {
            payments_matched: 7,
            payments_unmatched: 1,
            items_matched: 7,
            items_unmatched: 1,
            orders_without_details: 1,
            merged_by_person: 1,
        }
    );
    for drop_order in [
        [CUSTOMERS, ORDERS, PAYMENTS, ITEMS],
        [ITEMS, PAYMENTS, ORDERS, CUSTOMERS],
        [PAYMENTS, CUSTOMERS, ITEMS, ORDERS],
        [ORDERS, ITEMS, CUSTOMERS, PAYMENTS],
    ] {
        let (dataset, report) = read(&files(&drop_order)).expect("read");
        assert_eq!(engine_figures(&dataset), expected, "{drop_order:?}");
        let (p_matched, p_unmatched) = (counts.payments_matched as u64, counts.payments_unmatched as u64);
        let (i_matched, i_unmatched) = (counts.items_matched as u64, counts.items_unmatched as u64);
        assert_eq!(detail(&report, PAYMENTS), (true, p_matched, p_unmatched));
        assert_eq!(detail(&report, ITEMS), (false, i_matched, i_unmatched));
        assert_eq!(
            report.joins.orders_without_details,
            counts.orders_without_details as u64
        );
        assert_eq!(report.joins.customers_merged_by_person, counts.merged_by_person as u64);
        assert_eq!(
            report.duplicate_customers_merged, 0,
            "a person's second id is no duplicate row"
        );
        assert_eq!(report.orphan_customers, 1, "c99 is in no customers file");
        for file in &report.files {
            assert!(file.balances(), "{file:?}");
        }
        let orders = report.files.iter().find(|f| f.file == ORDERS).expect("orders");
        assert_eq!((orders.rows_read, orders.rows_kept, orders.rows_rejected), (7, 6, 1));
        assert_eq!(orders.cancellations, 1);
        let unmatched: Vec<_> = report
            .rejections
            .iter()
            .map(|r| (r.file.as_str(), r.row, r.reason, r.value.as_str()))
            .collect();
        assert!(
            unmatched.contains(&(ORDERS, 6, RejectReason::NoOrderDetails, "o05")),
            "{unmatched:?}"
        );
        assert!(
            unmatched.contains(&(PAYMENTS, 9, RejectReason::UnknownOrder, "o99")),
            "{unmatched:?}"
        );
        assert!(
            unmatched.contains(&(ITEMS, 9, RejectReason::UnknownOrder, "o98")),
            "{unmatched:?}"
        );
        // One customer per person, shown by the person key; pD's only order had no payment.
        let keys: BTreeSet<&str> = dataset.customers.key().iter().map(String::as_str).collect();
        assert_eq!(keys, ["c99", "pA", "pB", "pC", "pD", "pE"].into_iter().collect());
        // The items still give each order its product.
        let first = dataset
            .categories
            .get(dataset.orders.category()[0] as usize)
            .map(String::as_str);
        assert_eq!(first, Some("prodX"), "o01's product");
    }
}

#[test]
fn items_alone_give_price_plus_freight() {
    let (expected, counts) = oracle(false);
    // o02: 29.90 + 8.00 + 22.69 + 8.00; the other orders as with payments.
    assert_eq!(expected.revenue_cents, 39_627);
    let (dataset, report) = read(&files(&[ITEMS, ORDERS, CUSTOMERS])).expect("read");
    assert_eq!(engine_figures(&dataset), expected);
    assert_eq!(detail(&report, ITEMS), (true, 7, 1));
    assert_eq!(
        report.joins.orders_without_details,
        counts.orders_without_details as u64
    );
}

#[test]
fn orders_without_amounts_need_their_details() {
    let err = read(&files(&[ORDERS, CUSTOMERS])).expect_err("no amounts");
    assert_eq!(err.problem, Problem::MissingColumn(segscope_ingest::Role::Amount));
    let err = read(&files(&[PAYMENTS, CUSTOMERS])).expect_err("no orders");
    assert_eq!(
        (err.file.as_str(), &err.problem),
        (PAYMENTS, &Problem::DetailsMatchNoOrder)
    );
    let en = err.message(segscope_i18n::Lang::En);
    assert!(en.contains("orders file"), "{en}");
}

#[test]
fn an_orders_file_with_amounts_keeps_them_and_takes_categories() {
    let orders = "order_id,customer_id,order_date,amount\no01,c01,2017-10-02,100.00\no02,c02,2018-01-15,70.00\n";
    let mut set = files(&[PAYMENTS, ITEMS]);
    set.push(("orders.csv".into(), orders.into()));
    let (dataset, report) = read(&set).expect("read");
    assert_eq!(engine_figures(&dataset).revenue_cents, 17_000);
    assert_eq!(dataset.categories[dataset.orders.category()[1] as usize], "prodY");
    assert_eq!(report.joins.orders_without_details, 0);
    assert_eq!(detail(&report, PAYMENTS), (true, 3, 5));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any drop order of the files (payments split in two files, as large
    /// exports are) gives the same dataset and report.
    #[test]
    fn any_drop_order_gives_the_same_dataset(order in Just((0..5usize).collect::<Vec<_>>()).prop_shuffle()) {
        let payments = fixture(PAYMENTS);
        let (header, body) = payments.split_once('\n').expect("header");
        let lines: Vec<&str> = body.lines().collect();
        let half = lines.len() / 2;
        let mut set = files(&[CUSTOMERS, ORDERS, ITEMS]);
        set.push(("payments_1.csv".into(), format!("{header}\n{}\n", lines[..half].join("\n"))));
        set.push(("payments_2.csv".into(), format!("{header}\n{}\n", lines[half..].join("\n"))));
        let canonical = read(&set).expect("read");
        let shuffled: Vec<File> = order.iter().map(|&i| set[i].clone()).collect();
        let again = read(&shuffled).expect("read");
        prop_assert_eq!(&again.0, &canonical.0);
        prop_assert_eq!(&again.1, &canonical.1);
        prop_assert_eq!(engine_figures(&again.0), oracle(true).0);
    }
}

#[test]
fn a_customer_known_by_its_order_level_id_takes_its_person_key() {
    let mut set = files(&[CUSTOMERS, ORDERS, PAYMENTS]);
    set.push(("a_profiles.csv".into(), "customer_id,name\nc01,Ana\n".into()));
    let (dataset, report) = read(&set).expect("read");
    let contacts = dataset.customers.profile().contacts();
    let ana = (0..contacts.len())
        .position(|c| contacts.get(c, segscope_model::ContactField::Name) == Some("Ana"))
        .expect("Ana");
    assert_eq!(dataset.customers.key()[ana], "pA");
    assert_eq!(dataset.customers.len(), 6);
    assert_eq!(report.joins.customers_merged_by_person, 1);
    assert_eq!(engine_figures(&dataset), oracle(true).0);
}
