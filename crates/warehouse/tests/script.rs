//! The warehouse script's shape (docs/warehouse.md): the four dialects come
//! from one template and differ only where a dialect hook writes; settings
//! and rules show in the header; bad names give a message, not a script.
//! Whether the scripts compute the browser's labels is checked on real
//! engines by scripts/warehouse-check.py.

use segscope_engine::custom::rules::CustomSegments;
use segscope_engine::settings::Settings;
use segscope_engine::{run, Analysis};
use segscope_ingest::sniff;
use segscope_model::{Customers, Dataset, OrderStatus};
use segscope_warehouse::{script, unreproduced, Dialect, LineAmounts, SourceTables};

fn dataset() -> Dataset {
    let mut d = Dataset {
        customers: Customers::with_keys(["Zeta", "zeta", "Ärger", "10", "9"].map(String::from).to_vec()),
        ..Dataset::default()
    };
    for (c, day, amount) in [
        (0, 19_000, 10.0),
        (0, 19_010, 20.5),
        (1, 19_005, 0.3),
        (2, 19_020, 99.99),
        (3, 19_020, 10.0),
    ] {
        d.orders.push(c, day, amount, OrderStatus::Paid);
    }
    d.orders.push(4, 19_021, 5.0, OrderStatus::Refunded);
    d
}

fn rules(json: &str) -> CustomSegments {
    serde_json::from_str(json).expect("rules")
}

fn analysed(settings: &Settings) -> (Dataset, Analysis) {
    let d = dataset();
    let mut analysis = run(&d, settings);
    let (assignment, _) = segscope_engine::custom::evaluate(&d, &analysis, &settings.custom_segments);
    analysis.custom = assignment;
    (d, analysis)
}

fn written(dialect: Dialect, settings: &Settings) -> String {
    let (d, analysis) = analysed(settings);
    let source = SourceTables {
        order_id: Some("Order ID".into()),
        status: Some("Financial Status".into()),
        customers_table: Some("shop.customers".into()),
        points: Some("points".into()),
        ..SourceTables::default()
    };
    script(dialect, &source, &d, &analysis, settings).expect("a script")
}

/// What only a dialect hook writes, per dialect.
fn hook_marks(dialect: Dialect) -> &'static [&'static str] {
    match dialect {
        Dialect::DuckDb => &[
            "//",
            "TRY_CAST",
            "VARCHAR",
            "DOUBLE",
            "date_diff",
            "contains(",
            "regexp_matches",
            "range(",
            "%",
            "DuckDB",
            "\"",
            "DECIMAL",
            "CONCAT_WS",
            "ROW_NUMBER() OVER ()",
            "''",
            "MATERIALIZED",
        ],
        Dialect::Postgres => &[
            "/ (",
            "~",
            "TEXT",
            "DOUBLE PRECISION",
            "COLLATE",
            "strpos",
            "generate_series",
            "%",
            "PostgreSQL",
            "\"",
            "DECIMAL",
            " - ",
            "CONCAT_WS",
            "ROW_NUMBER() OVER ()",
        ],
        Dialect::Spark => &[
            "DIV",
            "TRY_CAST",
            "STRING",
            "DOUBLE",
            "datediff",
            "instr",
            "RLIKE",
            "sequence",
            "MOD(",
            "Spark",
            "`",
            "DECIMAL",
            "\\'",
            "CONCAT_WS",
            "monotonically_increasing_id",
        ],
        Dialect::BigQuery => &[
            "DIV(",
            "SAFE_CAST",
            "STRING",
            "FLOAT64",
            "INT64",
            "DATE_DIFF",
            "BYTES",
            "STRPOS",
            "REGEXP_CONTAINS",
            "GENERATE_ARRAY",
            "MOD(",
            "BigQuery",
            "`",
            "NUMERIC",
            "\\'",
            "ARRAY_TO_STRING",
            "ROW_NUMBER() OVER ()",
        ],
    }
}

fn words(line: &str) -> Vec<&str> {
    line.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn dialects_differ_only_where_a_hook_writes() {
    let settings = Settings {
        custom_segments: rules(
            r#"{"mode": "tags", "segments": [{"name": "Mike's", "rule": {"cond": {"field": "customer_id", "test": {"contains": "eta"}}}}]}"#,
        ),
        ..Settings::default()
    };
    let duck = written(Dialect::DuckDb, &settings);
    for dialect in [Dialect::Postgres, Dialect::Spark, Dialect::BigQuery] {
        let other = written(dialect, &settings);
        let (a, b): (Vec<&str>, Vec<&str>) = (duck.lines().collect(), other.lines().collect());
        assert_eq!(a.len(), b.len(), "{dialect:?}: the same steps, line for line");
        for (x, y) in a.iter().zip(&b) {
            if x == y {
                continue;
            }
            assert!(
                !x.trim_start().starts_with("--") || x.contains("DuckDB"),
                "{dialect:?}: comments are shared: {x}"
            );
            let hooked = |line: &str, d: Dialect| hook_marks(d).iter().any(|m| line.contains(m));
            assert!(
                // A hook may write nothing in DuckDB (byte order is its
                // default): then the other line only adds to its words.
                (hooked(y, dialect) && (hooked(x, Dialect::DuckDb) || words(x).iter().all(|w| words(y).contains(w))))
                    || (hooked(x, Dialect::DuckDb) && words(y).iter().all(|w| words(x).contains(w))),
                "{dialect:?}: a line differs without a hook:\n  {x}\n  {y}"
            );
        }
    }
}

#[test]
fn the_header_states_settings_and_what_is_left_out() {
    let settings = Settings {
        custom_segments: rules(
            r#"{"mode": {"ordered_exclusive": {"other_name": "Rest"}}, "segments": [
                {"name": "By source", "rule": {"cond": {"field": "source", "test": {"equals": "ads"}}}},
                {"name": "Big", "rule": {"cond": {"field": "revenue", "test": {"cmp": {"op": "ge", "value": 20.0}}}}}]}"#,
        ),
        ..Settings::default()
    };
    let sql = written(Dialect::Postgres, &settings);
    assert!(sql.starts_with("-- Segscope warehouse script for PostgreSQL."));
    assert!(sql.contains("key 3·AOV + 3·orders + 4·revenue"), "{sql}");
    assert!(sql.contains("cut-offs 1/5, 1/2"));
    assert!(sql.contains("By source"), "the rule on a missing field is named");
    assert!(
        sql.contains("custom_segments is NULL"),
        "ordered segments need every rule"
    );
    assert!(
        sql.contains("\"shop\".\"customers\""),
        "a dotted table path is quoted part by part"
    );
    assert!(!sql.contains("NTILE") && !sql.contains("PERCENT_RANK"));
    assert!(sql.contains("RANK() OVER (ORDER BY recency_days DESC) - 1"));
}

#[test]
fn a_blank_column_name_is_a_message_not_a_script() {
    let settings = Settings::default();
    let (d, analysis) = analysed(&settings);
    let source = SourceTables {
        amount: " ".into(),
        ..SourceTables::default()
    };
    let error = script(Dialect::DuckDb, &source, &d, &analysis, &settings).expect_err("no script");
    assert!(error.to_string().contains("amount"), "{error}");
    assert!(error.message(segscope_i18n::Lang::Zh).contains("名称"));
}

#[test]
fn formats_the_script_cannot_read_are_named() {
    let day_first = "order_id,customer_id,order_date,amount\n1,a,05/01/2024,\"12,50\"\n2,b,06/01/2024,\"7,00\"\n";
    let iso = "order_id,customer_id,order_date,amount\n1,a,2024-01-05 10:00,12.50\n2,b,2024-01-06,7\n";
    let gaps = |text: &str| unreproduced(&[sniff("orders.csv", text.as_bytes(), true).expect("sniff")]);
    assert_eq!(gaps(day_first), vec!["warehouse.gap.formats"]);
    assert_eq!(gaps(iso), Vec::<&str>::new());
}

#[test]
fn the_dialog_starts_from_the_mapped_columns() {
    let orders = "Name,Email,Financial Status,Created at,Lineitem name,Total\n#1001,a@example.com,paid,2024-01-05 10:00:00 -0500,Mug,12.00\n#1001,a@example.com,,2024-01-05 10:00:00 -0500,Cup,\n";
    let people = "Customer ID,First Name,Email,Points\n7,Ann,a@example.com,120\n";
    let schemas = vec![
        sniff("orders_export.csv", orders.as_bytes(), true).expect("sniff orders"),
        sniff("customers.csv", people.as_bytes(), true).expect("sniff customers"),
    ];
    let source = SourceTables::from_schemas(&schemas);
    assert_eq!(source.orders_table, "orders");
    assert_eq!(source.order_id.as_deref(), Some("Name"));
    assert_eq!(source.order_date, "Created at");
    assert_eq!(source.amount, "Total");
    assert_eq!(source.status.as_deref(), Some("Financial Status"));
    assert_eq!(
        source.lines,
        LineAmounts::OncePerOrder,
        "Shopify puts the total on the first line"
    );
    assert_eq!(source.customers_table.as_deref(), Some("customers"));
    assert_eq!(source.points.as_deref(), Some("Points"));
    assert_eq!(source.order_customer, "Email", "keyed by e-mail without an id column");
    assert_eq!(
        unreproduced(&schemas),
        vec!["warehouse.gap.contact_keys"],
        "and the dialog says so"
    );
}
