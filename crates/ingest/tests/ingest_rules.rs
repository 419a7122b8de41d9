//! Rules of order rows found in real exports: continuation lines without a
//! status, Excel's `'` text marker on ids, guest id `0`, UCI cancellations.

use segscope_ingest::{read_file, sniff, DatasetBuilder};
use segscope_model::{Dataset, OrderStatus};

fn load(text: &str) -> Dataset {
    let schema = sniff("o.csv", text.as_bytes(), true).unwrap();
    let mut builder = DatasetBuilder::new();
    read_file(schema, text.as_bytes(), &mut builder).unwrap();
    builder.finish().0
}

#[test]
fn lines_without_a_status_join_their_order_whatever_its_status() {
    let d = load(
        "Name,Email,Financial Status,Created at,Total\n\
         #1001,a@x.com,refunded,2024-01-05,50\n\
         #1001,a@x.com,,2024-01-05,0\n\
         #1002,a@x.com,paid,2024-01-06,20\n\
         #1002,a@x.com,,2024-01-06,0\n",
    );
    assert_eq!(d.orders.len(), 2);
    assert_eq!(d.orders.status(), vec![OrderStatus::Refunded, OrderStatus::Paid]);
}

#[test]
fn excel_text_marker_is_dropped_and_guest_id_zero_falls_back_to_email() {
    let d = load(
        "customer_id,email,order_date,amount\n\
         '7310448301001,a@x.com,2024-01-05,10\n\
         7310448301001,a@x.com,2024-01-06,10\n\
         0,guest1@x.com,2024-01-07,5\n\
         0,Guest2@X.com,2024-01-07,5\n",
    );
    assert_eq!(d.customers.key(), vec!["7310448301001", "guest1@x.com", "guest2@x.com"]);
}

#[test]
fn only_uci_style_invoices_are_cancellations() {
    let d = load(
        "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n\
         536365,85123A,MUG,6,12/13/2010 08:26,2.55,17850,United Kingdom\n\
         C536379,D,Discount,-1,12/13/2010 09:41,27.50,14527,United Kingdom\n",
    );
    assert_eq!(d.orders.status(), vec![OrderStatus::Paid, OrderStatus::Cancelled]);
    let named = load("order_id,customer_id,order_date,amount,unit_price\nCX-1,A,2024-01-05,10,10\n");
    assert_eq!(named.orders.status(), vec![OrderStatus::Paid]);
}

#[test]
fn an_order_takes_the_category_of_its_first_line() {
    let d = load(
        "order_id,customer_id,order_date,amount,category\n\
         1,a,2024-01-05,10,shoes\n\
         1,a,2024-01-05,5,bags\n\
         2,b,2024-01-06,7,\n\
         3,b,2024-01-07,7,bags\n",
    );
    assert_eq!(d.categories, vec!["shoes", "bags"]);
    assert_eq!(d.orders.category(), vec![0, segscope_model::NO_CATEGORY, 1]);
}

#[test]
fn customer_points_are_read_from_a_points_column() {
    let text = "customer_id,signup_date,积分\nc1,2024-01-01,\"1,200\"\nc2,2024-01-02,\nc3,2024-01-03,x\n";
    let schema = sniff("c.csv", text.as_bytes(), true).unwrap();
    let mut builder = DatasetBuilder::new();
    read_file(schema, text.as_bytes(), &mut builder).unwrap();
    let d = builder.finish().0;
    assert_eq!(d.customers.points(), vec![Some(1200.0), None, None]);
}

#[test]
fn month_first_dates_after_the_samples_decide_the_whole_column() {
    // 300 rows of the ambiguous `12/1/2010` (as UCI Online Retail starts), then one
    // that only reads month-first: every date is 1 December, none is rejected.
    let mut text = String::from("InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n");
    for i in 0..300 {
        text.push_str(&format!("{},17850,12/1/2010 8:26,1,2.5\n", 536_365 + i));
    }
    text.push_str("999999,17850,12/13/2010 9:00,1,2.5\n");
    let schema = sniff("uci.csv", text.as_bytes(), true).unwrap();
    let mut builder = DatasetBuilder::new();
    let report = read_file(schema, text.as_bytes(), &mut builder).unwrap();
    assert_eq!(report.rows_rejected, 0);
    assert_eq!(report.date_order, Some(segscope_ingest::value::DateOrder::MonthFirst));
    assert_eq!(report.first_date.as_deref(), Some("2010-12-01"));
    assert_eq!(report.last_date.as_deref(), Some("2010-12-13"));
    let d = builder.finish().0;
    assert!(d.orders.day()[..300].iter().all(|&day| day == 14_944));
}

/// Reads the files in order into one dataset.
fn load_all(files: &[(&str, &str)]) -> (Dataset, segscope_ingest::QualityReport) {
    let mut builder = DatasetBuilder::new();
    for (name, text) in files {
        let schema = sniff(name, text.as_bytes(), true).unwrap();
        read_file(schema, text.as_bytes(), &mut builder).unwrap();
    }
    builder.finish()
}

const SHOP_CUSTOMERS: &str = "Customer ID,Email,Phone,Tags\n\
    '73101,Alice@Example.com,,vip\n\
    '73102,,+1 503 555 0142,\n\
    '73103,carol@example.com,,\n";
const SHOP_ORDERS: &str = "Name,Email,Phone,Financial Status,Created at,Total\n\
    #1001,alice@example.com,,paid,2024-01-05,10\n\
    #1002,,+1 (503) 555-0142,paid,2024-01-06,20\n\
    #1003,dave@example.com,,paid,2024-01-07,30\n";

#[test]
fn orders_keyed_by_email_or_phone_join_customers_keyed_by_id_in_either_file_order() {
    for files in [
        [("customers.csv", SHOP_CUSTOMERS), ("orders.csv", SHOP_ORDERS)],
        [("orders.csv", SHOP_ORDERS), ("customers.csv", SHOP_CUSTOMERS)],
    ] {
        let (d, q) = load_all(&files);
        let mut keys = d.customers.key().to_vec();
        keys.sort();
        assert_eq!(
            keys,
            vec!["73101", "73102", "73103", "dave@example.com"],
            "{:?}",
            files[0].0
        );
        assert_eq!(q.customers_matched_by_contact, 2);
        assert_eq!(q.orphan_customers, 1, "only dave has orders without a customer row");
    }
}

#[test]
fn two_ids_sharing_an_email_stay_two_customers() {
    let (d, _) = load_all(&[(
        "c.csv",
        "customer_id,email,signup_date\nA,same@x.com,2024-01-01\nB,same@x.com,2024-01-02\n",
    )]);
    assert_eq!(d.customers.key(), vec!["A", "B"]);
}
