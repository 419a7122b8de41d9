//! Prints the warehouse script (docs/warehouse.md) for the orders and
//! customers CSVs of a folder, analysed with the default settings and the
//! models fitted, as the app's dialog would write it; for timing the script
//! on large files. Usage: `cargo run --release -p segscope-session --example
//! warehouse_script -- DIR [duckdb|postgres|spark|bigquery] > script.sql`.

use segscope_engine::settings::Settings;
use segscope_ingest::sniff;
use segscope_session::protocol::{Reply, SessionRequest};
use segscope_session::{Loader, Session};
use segscope_warehouse::{Dialect, SourceTables};
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| ".".into()));
    let dialect = args
        .next()
        .and_then(|d| Dialect::from_id(&d))
        .unwrap_or(Dialect::DuckDb);
    let files: Vec<(String, Vec<u8>)> = ["orders.csv", "customers.csv"]
        .iter()
        .filter_map(|name| Some((name.to_string(), std::fs::read(dir.join(name)).ok()?)))
        .collect();
    let schemas: Vec<_> = files
        .iter()
        .map(|(name, bytes)| sniff(name, bytes, true).unwrap_or_else(|e| panic!("{name}: {e:?}")))
        .collect();
    let contents: Vec<&[u8]> = files.iter().map(|(_, bytes)| bytes.as_slice()).collect();
    let (dataset, quality) = Loader::read_all(&schemas, &contents).expect("read the files");
    let mut session = Session::new(|| 0.0);
    session.load(dataset, quality);
    session.analyze(&Settings::default()).expect("analyse");
    match session.handle(SessionRequest::WarehouseSql(
        dialect,
        SourceTables::from_schemas(&schemas),
    )) {
        Reply::Download { content, .. } => print!("{content}"),
        other => panic!("no script: {other:?}"),
    }
}
