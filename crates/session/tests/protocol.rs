//! The page↔worker messages survive the binary encoding unchanged: every
//! request and reply kind, with real contents from the demo dataset read
//! through the worker's own path (Loader → Session).

use chrono::NaiveDate;
use segscope_engine::analyses::migration::{MigrationRequest, Scheme};
use segscope_engine::custom::rules::{CmpOp, CustomSegments, Field, Mode, Node, SegmentRule, Test};
use segscope_engine::explore::CustomerQuery;
use segscope_engine::settings::{MemberLevel, Settings, SettingsError};
use segscope_export::ExportError;
use segscope_i18n::Lang;
use segscope_ingest::sniff::sniff;
use segscope_ingest::split::{range_start, read_range, Absorbed};
use segscope_model::progress::Stage;
use segscope_session::protocol::{
    decode, encode, split_payload, Failure, RangeReply, Reply, Request, SessionRequest, Sheet, SheetReply,
    SheetRequest, Timings,
};
use segscope_session::{Loader, Session};
use std::fmt::Debug;
use std::path::PathBuf;

fn demo_file(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../public/demo")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + Debug>(message: &T) {
    let bytes = encode(message);
    assert!(!bytes.is_empty());
    assert_eq!(decode::<T>(&bytes).as_ref(), Some(message));
}

fn rules() -> CustomSegments {
    CustomSegments {
        mode: Mode::OrderedExclusive {
            other_name: "Other".into(),
        },
        segments: vec![
            SegmentRule {
                name: "Recent".into(),
                rule: Node::cond(
                    Field::RecencyDays,
                    Test::Cmp {
                        op: CmpOp::Le,
                        value: 60.0,
                    },
                ),
            },
            SegmentRule {
                name: "Big".into(),
                rule: Node::cond(Field::Revenue, Test::Between { min: 100.0, max: 1e9 }),
            },
        ],
    }
}

fn query() -> CustomerQuery {
    CustomerQuery {
        search: "c".into(),
        descending: true,
        limit: 50,
        ..CustomerQuery::default()
    }
}

#[test]
fn every_request_survives_the_encoding() {
    let settings = Settings {
        custom_segments: rules(),
        as_of: NaiveDate::from_ymd_opt(2024, 6, 30),
        ..Settings::default()
    };
    let schema = sniff("orders.csv", &demo_file("orders.csv"), true).expect("sniff");
    for request in [
        Request::Inspect,
        Request::Reinspect {
            file: 2,
            encoding: "GBK".into(),
        },
        Request::ChooseSheet { file: 1, sheet: 3 },
        Request::Analyze {
            schemas: vec![schema.clone()],
            settings: settings.clone(),
        },
        Request::ReadRanges {
            schema,
            ranges: vec![(1234.0, 5678.0), (9012.0, 34567.0)],
        },
        Request::Session(SessionRequest::ChangeSettings(settings)),
    ]
    .into_iter()
    .chain(
        [
            SessionRequest::Customers(query()),
            SessionRequest::CustomerDetail(7),
            SessionRequest::WhatIf(vec![MemberLevel {
                name: "金卡".into(),
                min_points: 1234.5,
            }]),
            SessionRequest::ExportSelection(query()),
            SessionRequest::ExportSelectionLocalized(query(), Lang::Zh),
            SessionRequest::ExportSelectionXlsx(query(), Lang::En),
            SessionRequest::ExportCustomers,
            SessionRequest::ExportAnalysis,
            SessionRequest::Migration(MigrationRequest {
                scheme: Scheme::Lifecycle,
                from: NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default(),
                to: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default(),
            }),
            SessionRequest::RuleCounts(rules()),
            SessionRequest::Holdout { days: 90 },
            SessionRequest::Models,
        ]
        .map(Request::Session),
    ) {
        round_trip(&request);
    }
}

#[test]
fn a_download_travels_beside_its_reply_and_other_replies_whole() {
    let text = "\u{feff}customer_id,客户\n1,张三\n".to_string();
    let (head, payload) = split_payload(Reply::Download {
        file_name: "c.csv".into(),
        mime: "text/csv".into(),
        content: text.clone(),
    });
    assert_eq!(payload.as_deref(), Some(text.as_bytes()));
    assert_eq!(
        head,
        Reply::Download {
            file_name: "c.csv".into(),
            mime: "text/csv".into(),
            content: String::new()
        }
    );
    round_trip(&head);
    let (head, payload) = split_payload(Reply::DownloadBytes {
        file_name: "c.xlsx".into(),
        mime: "application/zip".into(),
        bytes: vec![80, 75, 3, 4],
    });
    assert_eq!(payload, Some(vec![80, 75, 3, 4]));
    assert!(matches!(head, Reply::DownloadBytes { ref bytes, .. } if bytes.is_empty()));
    assert_eq!(split_payload(Reply::SettingsKept), (Reply::SettingsKept, None));
}

#[test]
fn a_sheet_read_by_the_workbook_worker_survives_the_trip() {
    let csv = demo_file("orders.csv");
    let schema = sniff("orders.csv", &csv, true).expect("sniff");
    let error = sniff("book.xlsx", b"PK\x03\x04garbage", true).expect_err("not a table");
    for reply in [Some(Ok(Sheet { schema, csv })), Some(Err(error)), None] as [SheetReply; 3] {
        round_trip(&reply);
    }
    round_trip(&SheetRequest { sheet: Some(2) });
    round_trip(&SheetRequest { sheet: None });
}

#[test]
fn a_range_read_by_a_helper_merges_the_same_after_the_trip() {
    let bytes = demo_file("orders.csv");
    let schema = sniff("orders.csv", &bytes, true).expect("sniff");
    let from = bytes.len() / 2;
    let start = from + range_start(&bytes[from..], &schema).expect("a line break");
    let part = read_range(schema.clone(), &bytes[start..], true).expect("range");
    let reply: RangeReply = decode(&encode(&Some(part))).expect("decodes");
    let part = reply.expect("a part");
    let mut loader = Loader::new();
    let mut parser = loader.open(schema.clone(), bytes.len() as u64).expect("open");
    loader.feed(&mut parser, &bytes[..start]).expect("feed");
    assert_eq!(loader.absorb(&mut parser, &part), Absorbed::Merged);
    loader.close(parser).expect("close");
    let (whole, _) = Loader::read_all(&[schema], &[&bytes]).expect("read");
    assert_eq!(loader.finish().0, whole);
}

#[test]
fn every_reply_survives_the_encoding() {
    let mut loader = Loader::new();
    let mut inspected = Vec::new();
    for name in ["customers.csv", "orders.csv", "events.csv"] {
        let bytes = demo_file(name);
        let schema = sniff(name, &bytes, true).expect("sniff");
        inspected.push(Ok(schema.clone()));
        let mut parser = loader.open(schema, bytes.len() as u64).expect("open");
        loader.feed(&mut parser, &bytes).expect("feed");
        loader.close(parser).expect("close");
    }
    let bad = sniff("empty.csv", b"", true);
    assert!(bad.is_err());
    inspected.push(bad.clone());
    let (dataset, quality) = loader.finish();
    let mut session = Session::new(|| 0.0);
    session.load(dataset, quality);
    let settings = Settings {
        custom_segments: rules(),
        ..Settings::default()
    };
    let (analysis, quality) = session.analyze(&settings).expect("analysis");
    let ready = Reply::Ready {
        summary: Box::new(analysis.summary.clone()),
        quality: Box::new(quality.clone()),
        timings: Timings {
            parse_ms: 12.5,
            analyze_ms: 3.25,
            read_workers: 2,
        },
        models_stale: true,
    };
    let models = session.models().expect("models");
    let page = session
        .customers(&CustomerQuery {
            limit: 50,
            ..CustomerQuery::default()
        })
        .expect("page");
    assert!(!page.rows.is_empty());
    let detail = session.customer_detail(0).expect("detail");
    let what_if = session.what_if(&settings.membership.levels).expect("what-if");
    let migration = session
        .migration(&MigrationRequest {
            scheme: Scheme::Rfm,
            from: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default(),
            to: NaiveDate::from_ymd_opt(2024, 6, 1).unwrap_or_default(),
        })
        .expect("migration");
    let counts = session.rule_counts(&rules()).expect("counts");
    let holdout = session.holdout(60).expect("holdout");
    let json = session.analysis_json().expect("json");
    for reply in [
        Reply::Started,
        Reply::SettingsKept,
        Reply::Progress {
            stage: Stage::Parsing,
            fraction: 0.5,
        },
        Reply::Inspected { files: inspected },
        Reply::Reinspected { file: 1, schema: bad },
        ready,
        Reply::Models(Box::new(models)),
        Reply::Customers(page),
        Reply::CustomerDetail(Box::new(detail)),
        Reply::WhatIf(what_if),
        Reply::Migration(Box::new(migration)),
        Reply::RuleCounts(counts),
        Reply::Holdout(Box::new(holdout)),
        Reply::DownloadPiece,
        Reply::Download {
            file_name: "segscope-analysis.json".into(),
            mime: "application/json".into(),
            content: json,
        },
        Reply::Failed(Failure::Settings(SettingsError::TierNames { cutoffs: 2 })),
        Reply::DownloadBytes {
            file_name: "segscope-customers-selection.xlsx".into(),
            mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".into(),
            bytes: vec![0x50, 0x4b, 0x03, 0x04, 0, 255],
        },
        Reply::Failed(Failure::NoData),
        Reply::Failed(Failure::ReadFailed { file: "x.csv".into() }),
        Reply::Failed(Failure::Export(ExportError::TooLarge)),
        Reply::Failed(Failure::Export(ExportError::Write("deflate".into()))),
    ] {
        round_trip(&reply);
    }
}

#[test]
fn garbage_is_no_message() {
    assert_eq!(decode::<Request>(&[]), None);
    assert_eq!(decode::<Request>(&[0xff, 0xff, 0xff]), None);
    assert_eq!(decode::<Reply>(b"\"Started\""), None);
}
