//! Contacts travel from any file that maps them: an orders export keyed by
//! e-mail (and with a phone column) fills the customers' e-mail and phone as
//! written, and a customers file read before it wins; a blank contact falls
//! back to another column whose header names it.

use segscope_ingest::{read_file, sniff, DatasetBuilder};
use segscope_model::{ContactField, Dataset};

fn read(files: &[(&str, &str)]) -> Dataset {
    let mut builder = DatasetBuilder::new();
    for (name, text) in files {
        let schema = sniff(name, text.as_bytes(), true).expect("sniff");
        read_file(schema, text.as_bytes(), &mut builder).expect("read");
    }
    builder.finish().0
}

fn contact<'d>(d: &'d Dataset, key: &str) -> (Option<&'d str>, Option<&'d str>) {
    let i = d
        .customers
        .key()
        .iter()
        .position(|k| k == key)
        .unwrap_or_else(|| panic!("{key} in {:?}", d.customers.key()));
    let p = d.customers.profile();
    (
        p.contacts().get(i, ContactField::Email),
        p.contacts().get(i, ContactField::Phone),
    )
}

const ORDERS: &str = "Name,Email,Financial Status,Created at,Total,Phone\n\
                      #1001,Ana.Ruiz@Example.com,paid,2024-03-01 10:00:00 +0100,25.00,+34 600 111 222\n\
                      #1002,ana.ruiz@example.com,paid,2024-03-05 10:00:00 +0100,30.00,\n\
                      #1003,bo@example.com,paid,2024-03-06 10:00:00 +0100,12.00,\n";

#[test]
fn an_orders_export_keyed_by_email_carries_its_contacts_as_written() {
    let d = read(&[("orders_export.csv", ORDERS)]);
    assert_eq!(d.customers.len(), 2, "{:?}", d.customers.key());
    let ana = d
        .customers
        .key()
        .iter()
        .find(|k| k.starts_with("ana"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        contact(&d, &ana),
        (Some("Ana.Ruiz@Example.com"), Some("+34 600 111 222"))
    );
    assert_eq!(contact(&d, "bo@example.com"), (Some("bo@example.com"), None));
}

#[test]
fn a_customers_file_read_first_wins() {
    let customers = "customer_id,email,phone\nC1,ana@shop.example,+34 699 000 000\n";
    let orders = "order_id,customer_id,order_date,amount,email\n1,C1,2024-01-02,10.00,other@shop.example\n";
    let d = read(&[("customers.csv", customers), ("orders.csv", orders)]);
    assert_eq!(contact(&d, "C1"), (Some("ana@shop.example"), Some("+34 699 000 000")));
}

#[test]
fn a_blank_contact_falls_back_to_another_column_that_names_it() {
    let customers = "Customer ID,Accepts Email Marketing,Email,Phone,Default Address Phone\n\
                     'C1,yes,,,'+14155550101\n\
                     'C2,no,c2@shop.example,+1 212 555 0100,'+14155550102\n";
    let d = read(&[("customers_export.csv", customers)]);
    let keys: Vec<&str> = d.customers.key().iter().map(String::as_str).collect();
    let c1 = keys.iter().find(|k| k.contains("C1")).copied().unwrap_or_default();
    let c2 = keys.iter().find(|k| k.contains("C2")).copied().unwrap_or_default();
    assert_eq!(
        contact(&d, c1),
        (None, Some("+14155550101")),
        "yes/no is no e-mail; the address phone stands in"
    );
    assert_eq!(
        contact(&d, c2),
        (Some("c2@shop.example"), Some("+1 212 555 0100")),
        "the mapped column wins"
    );
}
