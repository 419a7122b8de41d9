//! Writes the warehouse equality cases (docs/warehouse.md#tests): for each
//! case a folder with the input CSVs as a user would export them, the
//! browser's per-customer CSV (`expected.csv`, exactly the download),
//! full-precision scores and predictions (`precise.csv`) and the script of
//! every dialect, read through the same session the worker runs.
//! `scripts/warehouse-check.py` runs the scripts on real engines and
//! compares. Usage: `cargo run -p segscope-session --example warehouse_cases -- OUT`.

use chrono::NaiveDate;
use segscope_engine::clv::TimeUnit;
use segscope_engine::custom::rules::CustomSegments;
use segscope_engine::settings::{FixedCutoffs, MemberLevel, PointsSource, Settings};
use segscope_ingest::sniff;
use segscope_model::Dataset;
use segscope_session::protocol::{Reply, SessionRequest};
use segscope_session::{Loader, Session};
use segscope_warehouse::{Dialect, SourceTables};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One case: its files (name, text) and the settings of the analysis.
struct Case {
    name: String,
    files: Vec<(&'static str, String)>,
    settings: Settings,
}

/// A small deterministic generator (64-bit LCG), so the cases never change.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// A CSV cell, quoted when it needs to be.
fn cell(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Keys that sort differently by bytes, by case and by number.
const TRICKY_KEYS: [&str; 9] = ["Zeta", "zeta", "Ärger", "10", "9", "O'Brien", "客户一", "a, b", "Ωmega"];
const DAYS: [&str; 10] = [
    "2024-01-05",
    "2024-01-05 09:15:00",
    "2024-02-11",
    "2024-03-01",
    "2024-03-01 23:59:59",
    "2024-04-20",
    "2024-05-02",
    "2024-05-30",
    "2024-06-14",
    "2024-06-28",
];
const AMOUNTS: [&str; 9] = [
    "10.00", "20.00", "20.50", "0.10", "0.20", "0.30", "2.675", "99.99", "10",
];
const STATUSES: [&str; 13] = [
    "paid",
    "completed",
    "paid",
    "refunded",
    "cancelled",
    "wc-on-hold",
    "partially_refunded",
    "交易关闭",
    "Closed",
    "no refund",
    "",
    "pending",
    "Delivered",
];

/// Orders and customers with heavy ties, same-day orders, multi-line
/// orders, exact duplicate rows, rejected rows and customers without orders.
fn tied_shop(customers: usize, seed: u64) -> Vec<(&'static str, String)> {
    let mut rng = Lcg(seed);
    let mut keys: Vec<String> = TRICKY_KEYS.iter().map(|k| k.to_string()).collect();
    keys.extend((0..customers.saturating_sub(TRICKY_KEYS.len())).map(|i| format!("c{i:03}")));
    keys.truncate(customers.max(1));
    let mut orders = String::from("order_id,customer_id,order_date,amount,status\n");
    let mut order_id = 5000;
    for key in &keys {
        for _ in 0..rng.next(6) {
            order_id += 1;
            let day = DAYS[rng.next(DAYS.len())];
            let status = STATUSES[rng.next(STATUSES.len())];
            let lines = 1 + usize::from(rng.next(4) == 0);
            for _ in 0..lines {
                let amount = AMOUNTS[rng.next(AMOUNTS.len())];
                let row = format!("{order_id},{},{day},{amount},{}\n", cell(key), cell(status));
                orders.push_str(&row);
                if rng.next(12) == 0 {
                    orders.push_str(&row);
                }
            }
        }
    }
    // Rejected rows: no amount, no customer of a new order, a date that is no date.
    orders.push_str("9001,c001,2024-03-03,,paid\n9002,,2024-03-03,5.00,paid\n9003,c002,soon,5.00,paid\n");
    let mut people = String::from("customer_id,name,email,points\n");
    for (i, key) in keys.iter().enumerate() {
        let points = match rng.next(4) {
            0 => String::new(),
            1 => "n/a".into(),
            _ => (rng.next(30) * 250).to_string(),
        };
        let _ = writeln!(people, "{},Person {i},p{i}@example.com,{points}", cell(key));
    }
    for i in 0..3 {
        let _ = writeln!(people, "ghost{i},Ghost {i},g{i}@example.com,{}", 1000 * i);
    }
    vec![("orders.csv", orders), ("customers.csv", people)]
}

fn demo_files() -> Vec<(&'static str, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/demo");
    ["orders.csv", "customers.csv"]
        .into_iter()
        .map(|name| (name, std::fs::read_to_string(dir.join(name)).unwrap_or_default()))
        .collect()
}

/// Rules over every field the warehouse holds, with label names in both
/// languages, NOT groups and references; `mode` is the JSON of the mode.
fn rules(mode: &str) -> CustomSegments {
    let json = format!(
        r#"{{"mode": {mode}, "segments": [
        {{"name": "Big spenders", "rule": {{"all": [
            {{"cond": {{"field": "revenue", "test": {{"cmp": {{"op": "ge", "value": 40.5}}}}}}}},
            {{"cond": {{"field": "m_score", "test": {{"between": {{"min": 3.0, "max": 5.0}}}}}}}}]}}}},
        {{"name": "Slipping", "rule": {{"any": [
            {{"cond": {{"field": "lifecycle_stage", "test": {{"equals": " lapsing "}}}}}},
            {{"cond": {{"field": "rfm_segment", "test": {{"in_list": ["有流失风险", "hibernating"]}}}}}}]}}}},
        {{"name": "Top tiers, not slipping", "rule": {{"all": [
            {{"cond": {{"field": "value_tier", "test": {{"contains": "h"}}}}}},
            {{"not": {{"cond": {{"field": {{"segment": "Slipping"}}, "test": "is_set"}}}}}}]}}}},
        {{"name": "Recent, named eta", "rule": {{"any": [
            {{"cond": {{"field": "customer_id", "test": {{"contains": "ETA"}}}}}},
            {{"all": [
                {{"cond": {{"field": "last_order_date", "test": {{"within_days": 45}}}}}},
                {{"cond": {{"field": "first_order_date", "test": {{"after": "2024-02-10"}}}}}}]}}]}}}},
        {{"name": "No AOV or refunds", "rule": {{"any": [
            {{"cond": {{"field": "aov", "test": "is_empty"}}}},
            {{"cond": {{"field": "refunds", "test": {{"cmp": {{"op": "gt", "value": 0.0}}}}}}}},
            {{"cond": {{"field": "member_level", "test": {{"in_list": ["白银", "Gold"]}}}}}},
            {{"not": {{"cond": {{"field": "points", "test": {{"cmp": {{"op": "lt", "value": 750.0}}}}}}}}}}]}}}},
        {{"name": "Regulars", "rule": {{"all": [
            {{"cond": {{"field": "mean_interpurchase_days", "test": {{"cmp": {{"op": "le", "value": 60.0}}}}}}}},
            {{"cond": {{"field": "value_score", "test": {{"cmp": {{"op": "gt", "value": 0.3}}}}}}}},
            {{"cond": {{"field": "tenure_days", "test": "is_set"}}}}]}}}}
    ]}}"#
    );
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("the case rules: {e}"))
}

fn cases() -> Vec<Case> {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    let mut cases = vec![Case {
        name: "ties".into(),
        files: tied_shop(60, 7),
        settings: Settings {
            custom_segments: rules(r#""tags""#),
            ..Settings::default()
        },
    }];
    for n in [1, 2, 3, 5, 7] {
        cases.push(Case {
            name: format!("tiny-{n}"),
            files: tied_shop(n, 100 + n as u64),
            settings: Settings::default(),
        });
    }
    let mut past = Settings {
        as_of: date(2024, 4, 15),
        custom_segments: rules(r#"{"ordered_exclusive": {"other_name": "Everyone else"}}"#),
        ..Settings::default()
    };
    past.rfm.scale = 3;
    past.lifecycle.active_window_days = Some(45);
    past.lifecycle.new_days = 30;
    past.membership.points_source = PointsSource::Revenue;
    past.membership.points_per_currency_unit = 2.5;
    past.membership.levels = vec![
        MemberLevel {
            name: "Basic".into(),
            min_points: 0.0,
        },
        MemberLevel {
            name: "Plus".into(),
            min_points: 50.25,
        },
        MemberLevel {
            name: "Élite".into(),
            min_points: 200.0,
        },
    ];
    cases.push(Case {
        name: "past-as-of".into(),
        files: tied_shop(80, 21),
        settings: past,
    });
    let mut fixed = Settings {
        custom_segments: rules(r#""tags""#),
        ..Settings::default()
    };
    fixed.rfm.scale = 4;
    fixed.rfm.fixed = Some(FixedCutoffs {
        recency_days: vec![30.0, 90.0, 150.0],
        orders: vec![2.0, 3.0, 5.0],
        revenue: vec![20.0, 40.5, 100.0],
    });
    fixed.tiers.weight_aov = 0.5;
    fixed.tiers.weight_orders = 0.25;
    fixed.tiers.weight_revenue = 0.25;
    fixed.tiers = fixed.tiers.with_cutoffs(vec![0.1, 0.3, 0.6]);
    fixed.tiers.names = vec!["Gold".into(), "Silver's".into(), "Bronze".into(), "".into()];
    cases.push(Case {
        name: "fixed-cutoffs".into(),
        files: tied_shop(90, 33),
        settings: fixed,
    });
    for scale in [3, 4] {
        let mut quantiles = Settings::default();
        quantiles.rfm.scale = scale;
        cases.push(Case {
            name: format!("scale-{scale}"),
            files: tied_shop(70, 40 + u64::from(scale)),
            settings: quantiles,
        });
    }
    cases.push(Case {
        name: "demo".into(),
        files: demo_files(),
        settings: Settings::default(),
    });
    let mut days = Settings {
        as_of: date(2024, 3, 31),
        custom_segments: rules(r#"{"ordered_exclusive": {"other_name": "Rest"}}"#),
        ..Settings::default()
    };
    days.clv.time_unit = TimeUnit::Days;
    days.clv.horizon_months = 6;
    days.clv.monthly_discount = 0.02;
    days.rfm.scale = 4;
    cases.push(Case {
        name: "demo-days".into(),
        files: demo_files(),
        settings: days,
    });
    cases
}

/// Reads the files as the worker does and analyses them under `settings`.
fn session_of(files: &[(&'static str, String)], settings: &Settings) -> (Session, SourceTables) {
    let schemas: Vec<_> = files
        .iter()
        .map(|(name, text)| sniff(name, text.as_bytes(), true).expect("sniff"))
        .collect();
    let contents: Vec<&[u8]> = files.iter().map(|(_, text)| text.as_bytes()).collect();
    let (dataset, quality) = Loader::read_all(&schemas, &contents).expect("read the case's files");
    let mut session = Session::new(|| 0.0);
    session.load(dataset, quality);
    session.analyze(settings).expect("analyze");
    (session, SourceTables::from_schemas(&schemas))
}

/// Full-precision money, value scores and predictions, one row per customer key.
fn precise(dataset: &Dataset, session: &Session) -> String {
    let mut out = String::from("customer_id,revenue,aov,value_score,p_alive,expected_purchases,clv\n");
    let Some((analysis, _)) = session.analysis() else {
        return out;
    };
    let number = |v: Option<f64>| v.map(|v| format!("{v:?}")).unwrap_or_default();
    for (i, key) in dataset.customers.key().iter().enumerate() {
        let [p, e, c] = analysis.models.as_ref().map_or([None; 3], |m| m.predictions(i));
        let score = analysis.labels.value_score().get(i).copied().flatten();
        let metrics = &analysis.metrics;
        let orders = metrics.orders().get(i).copied().unwrap_or(0);
        let aov = metrics.aov().get(i).copied().filter(|_| orders > 0);
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{}",
            cell(key),
            number(metrics.revenue().get(i).copied()),
            number(aov),
            number(score),
            number(p),
            number(e),
            number(c)
        );
    }
    out
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/warehouse-cases".into()),
    );
    for case in cases() {
        let dir = out.join(&case.name);
        std::fs::create_dir_all(&dir).expect("create the case folder");
        for (name, text) in &case.files {
            write(&dir.join(name), text);
        }
        let (mut session, source) = session_of(&case.files, &case.settings);
        let Reply::Download { content, .. } = session.handle(SessionRequest::ExportCustomers) else {
            panic!("{}: no per-customer CSV", case.name);
        };
        write(&dir.join("expected.csv"), &content);
        for dialect in Dialect::ALL {
            match session.handle(SessionRequest::WarehouseSql(dialect, source.clone())) {
                Reply::Download { content, .. } => write(&dir.join(format!("{}.sql", dialect.id())), &content),
                other => panic!("{}: {other:?}", case.name),
            }
        }
        let dataset = session.dataset().cloned().unwrap_or_default();
        write(&dir.join("precise.csv"), &precise(&dataset, &session));
        println!("{}", dir.display());
    }
}
