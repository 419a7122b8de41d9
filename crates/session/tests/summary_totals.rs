//! Customer summaries as value data (docs/ingest/summaries.md): a summary's
//! lifetime order count and spend count as its customers' orders and revenue
//! for the value metrics; orders rows win over a summary; recency-based
//! schemes leave undated buyers out and the summary says so.

use segscope_engine::settings::Settings;
use segscope_engine::{self as analyze, Analysis, RfmSegment};
use segscope_i18n::Lang;
use segscope_ingest::quality::RejectReason;
use segscope_ingest::{sniff, FileKind, QualityReport};
use segscope_model::Dataset;
use segscope_session::protocol::Failure;
use segscope_session::{Loader, Session};

/// Sniffs and reads `files` (name, text) in the engine's reading order.
fn read(files: &[(&str, &str)]) -> (Dataset, QualityReport) {
    let schemas: Vec<_> = files
        .iter()
        .map(|(name, text)| sniff(name, text.as_bytes(), true).expect("sniff"))
        .collect();
    let contents: Vec<&[u8]> = files.iter().map(|(_, text)| text.as_bytes()).collect();
    Loader::read_all(&schemas, &contents).expect("read")
}

fn analysed(files: &[(&str, &str)]) -> (Dataset, QualityReport, Analysis) {
    let (dataset, quality) = read(files);
    let analysis = analyze::run(&dataset, &Settings::default());
    (dataset, quality, analysis)
}

const SHOPIFY: &str = "Customer ID,First Name,Email,Total Spent,Total Orders,Tags\n\
    '101,Ana,ana@example.com,215.87,3,VIP\n\
    '102,Bruno,bruno@example.com,112.50,2,\n\
    '103,Carla,carla@example.com,0.00,0,prospect\n\
    '104,Diego,diego@example.com,45.75,1,\n";

#[test]
fn a_summary_alone_gives_value_metrics_and_says_recency_needs_dates() {
    let schema = sniff("customers_export.csv", SHOPIFY.as_bytes(), true).expect("sniff");
    assert_eq!(schema.kind, FileKind::Summary);
    let (dataset, quality, a) = analysed(&[("customers_export.csv", SHOPIFY)]);
    assert!(dataset.orders.is_empty());
    assert_eq!(quality.files[0].orders, 6);
    let k = &a.summary.kpis;
    assert_eq!((k.customers, k.buyers, k.paid_orders), (4, 3, 6));
    assert!((k.revenue - 374.12).abs() < 1e-9);
    assert!((k.aov - 374.12 / 6.0).abs() < 1e-9);
    assert!((k.repeat_rate - 2.0 / 3.0).abs() < 1e-12);
    // Value tiers: every buyer has a tier; the non-buyer is "No purchase".
    assert!(a.labels.tier()[..2]
        .iter()
        .chain(&a.labels.tier()[3..])
        .all(Option::is_some));
    assert_eq!(a.labels.tier()[2], None);
    // Recency-based schemes: no dates, no scores, no stage rows.
    assert_eq!(a.metrics.recency_days(), vec![None; 4]);
    assert!(a.labels.segment().iter().all(Option::is_none));
    assert!(a.labels.r().iter().all(|&r| r == 0));
    assert!(a.summary.segments.iter().all(|s| s.customers == 0));
    let staged: u64 = a.summary.lifecycle.stages.iter().map(|s| s.customers).sum();
    assert_eq!(staged, 1, "only the non-buyer has a stage");
    assert_eq!(a.summary.lifecycle.funnel.steps[..4], [4, 3, 2, 1]);
    // Nothing is dated: no as-of date is shown rather than 1970-01-01.
    assert_eq!(a.summary.as_of, "");
    assert_eq!(a.summary.default_as_of, "");
    assert_eq!(a.summary.undated_buyers, 3);
    assert_eq!(
        (
            a.summary.first_order_date.as_deref(),
            a.summary.last_order_date.as_deref()
        ),
        (None, None)
    );
    let notice = a.summary.undated_notice(Lang::En).expect("a notice");
    assert!(notice.contains("dated orders"), "{notice}");
    assert!(a.summary.undated_notice(Lang::Zh).is_some());
    // The session analyses it (no "no orders" refusal).
    let mut session = Session::new(|| 0.0);
    session.load(dataset, quality);
    assert!(session.analyze(&Settings::default()).is_ok());
}

#[test]
fn orders_win_over_a_summary_and_nothing_is_counted_twice() {
    let orders = "customer_id,order_date,amount\n101,2024-01-05,50.00\n101,2024-02-05,70.00\n";
    let (dataset, quality, a) = analysed(&[("orders.csv", orders), ("customers_export.csv", SHOPIFY)]);
    assert_eq!(quality.summary_totals_set_aside, 1);
    assert_eq!(dataset.totals.len(), 3);
    let k = &a.summary.kpis;
    // 101 from its order rows (2 orders, 120); 102 and 104 from the summary.
    assert_eq!((k.buyers, k.paid_orders), (3, 5));
    assert!((k.revenue - (120.0 + 112.50 + 45.75)).abs() < 1e-9);
    // The dated buyer is scored; the two undated ones are not.
    assert_eq!(a.summary.undated_buyers, 2);
    let scored = a.labels.segment().iter().filter(|s| s.is_some()).count();
    assert_eq!(scored, 1);
    assert!(a
        .summary
        .undated_notice(Lang::En)
        .is_some_and(|n| n.starts_with("2 of 3")));
}

#[test]
fn a_summary_with_order_dates_is_scored_like_orders() {
    let text = "customer_id,total_spent,order_count,first_order_date,last_order_date\n\
        a,300,3,2024-01-01,2024-03-01\n\
        b,20,1,,2024-02-10\n\
        c,0,0,,\n";
    let (_, _, a) = analysed(&[("summary.csv", text)]);
    assert_eq!(a.summary.undated_buyers, 0);
    assert_eq!(a.summary.undated_notice(Lang::En), None);
    // As of the day after the latest last order: 2024-03-02.
    assert_eq!(a.summary.as_of, "2024-03-02");
    assert_eq!(a.summary.first_order_date.as_deref(), Some("2024-01-01"));
    assert_eq!(a.summary.last_order_date.as_deref(), Some("2024-03-01"));
    assert_eq!(a.metrics.recency_days(), vec![Some(1), Some(21), None]);
    // One order: its first and last dates are the same day.
    assert_eq!(a.metrics.tenure_days(), vec![Some(61), Some(21), None]);
    assert_eq!(a.metrics.mean_interpurchase_days()[0], Some(30.0));
    assert!(a.labels.segment()[0].is_some() && a.labels.segment()[1].is_some());
    assert_eq!(a.labels.segment()[2], None::<RfmSegment>);
}

#[test]
fn an_earlier_as_of_leaves_out_totals_it_cannot_split() {
    let text = "customer_id,total_spent,order_count,last_order_date\na,30,2,2024-03-01\nb,10,1,2024-01-10\nc,5,1,\n";
    let (dataset, _) = read(&[("summary.csv", text)]);
    let settings = Settings {
        as_of: chrono::NaiveDate::from_ymd_opt(2024, 2, 1),
        ..Settings::default()
    };
    let a = analyze::run(&dataset, &settings);
    assert_eq!(a.metrics.orders(), vec![0, 1, 1]);
    assert_eq!(a.summary.kpis.buyers, 2);
}

#[test]
fn a_summary_without_buyers_still_says_there_are_no_orders() {
    let text = "Customer ID,Email,Total Spent,Total Orders\n'1,a@example.com,0.00,0\n";
    let (dataset, quality) = read(&[("customers_export.csv", text)]);
    let mut session = Session::new(|| 0.0);
    session.load(dataset, quality);
    assert!(matches!(session.analyze(&Settings::default()), Err(Failure::NoOrders)));
}

#[test]
fn bad_totals_are_rejected_and_a_customer_listed_twice_counts_once() {
    let text = "Customer ID,Email,Total Spent,Total Orders\n\
        '1,a@example.com,10.00,1\n\
        '2,b@example.com,5.00,many\n\
        '3,c@example.com,-4.00,1\n";
    let (dataset, quality) = read(&[("customers_export.csv", text)]);
    let file = &quality.files[0];
    assert_eq!((file.rows_kept, file.rows_rejected, file.negative_amounts), (2, 1, 1));
    let bad = file
        .rejected_by_reason
        .iter()
        .find(|(r, _)| *r == RejectReason::BadAmount);
    assert_eq!(bad.map(|(_, n)| *n), Some(1));
    assert_eq!(dataset.totals.spent(), vec![10.0, 0.0]);
    // The same shop's summary dropped twice (one row updated): the fuller row counts.
    let again = "Customer ID,Email,Total Spent,Total Orders\n'1,a@example.com,25.00,2\n";
    let (dataset, _) = read(&[("a.csv", text), ("b.csv", again)]);
    let a = analyze::run(&dataset, &Settings::default());
    assert_eq!((a.summary.kpis.buyers, a.summary.kpis.paid_orders), (2, 3));
    assert!((a.summary.kpis.revenue - 25.0).abs() < 1e-9);
}
