//! A customers CSV answered by `Session::handle_streamed` arrives in pieces
//! that make exactly the file `Session::handle` answers whole; every other
//! reply is the same either way.

use segscope_engine::explore::CustomerQuery;
use segscope_engine::settings::Settings;
use segscope_i18n::Lang;
use segscope_ingest::sniff::sniff;
use segscope_session::protocol::{Reply, SessionRequest};
use segscope_session::{Loader, Session};
use std::path::PathBuf;

/// A session with the bundled demo loaded and analysed.
fn demo_session() -> Session {
    let names = ["customers.csv", "orders.csv"];
    let contents: Vec<Vec<u8>> = names
        .iter()
        .map(|name| {
            let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../public/demo")
                .join(name);
            std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect();
    let schemas: Vec<_> = names
        .iter()
        .zip(&contents)
        .map(|(name, bytes)| sniff(name, bytes, true).expect("sniff"))
        .collect();
    let slices: Vec<&[u8]> = contents.iter().map(Vec::as_slice).collect();
    let (dataset, quality) = Loader::read_all(&schemas, &slices).expect("read");
    let mut session = Session::new(|| 0.0);
    session.load(dataset, quality);
    assert!(matches!(
        session.ready(&Settings::default(), 0.0, 1),
        Reply::Ready { .. }
    ));
    session
}

fn content(reply: Reply) -> String {
    match reply {
        Reply::Download { content, .. } => content,
        other => panic!("not a download: {other:?}"),
    }
}

#[test]
fn a_streamed_customers_csv_is_the_whole_file_in_pieces() {
    let mut session = demo_session();
    let some = CustomerQuery {
        search: "a".into(),
        ..CustomerQuery::default()
    };
    for request in [
        SessionRequest::ExportCustomers,
        SessionRequest::ExportSelection(CustomerQuery::default()),
        SessionRequest::ExportSelectionLocalized(some, Lang::Zh),
    ] {
        let whole = content(session.handle(request.clone()));
        let mut pieces = String::new();
        let head = content(session.handle_streamed(request.clone(), &mut |piece| pieces.push_str(piece)));
        assert!(head.is_empty(), "{request:?}");
        assert!(whole.lines().count() > 100, "{request:?}");
        assert_eq!(pieces, whole, "{request:?}");
    }
}

#[test]
fn other_replies_are_not_streamed() {
    let mut session = demo_session();
    let whole = content(session.handle(SessionRequest::ExportAnalysis));
    let mut pieces = 0;
    let streamed = content(session.handle_streamed(SessionRequest::ExportAnalysis, &mut |_| pieces += 1));
    assert_eq!(pieces, 0);
    assert_eq!(streamed, whole);
}
