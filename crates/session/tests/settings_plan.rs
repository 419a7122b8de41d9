//! The session owns the pipeline: every settings change goes through
//! `Session::handle`, which recomputes only what the change makes stale, and
//! what it answers equals a fresh analysis under the new settings.

use segscope_engine::custom::rules::{CmpOp, Field, Node, SegmentRule, Test};
use segscope_engine::settings::{Settings, SettingsError};
use segscope_ingest::sniff::sniff;
use segscope_session::protocol::{Failure, Reply, SessionRequest};
use segscope_session::{Loader, Session};
use std::path::PathBuf;

/// A session with the bundled demo's customers and orders loaded and analysed
/// under `settings`.
fn demo_session(settings: &Settings) -> Session {
    let mut loader = Loader::new();
    for name in ["customers.csv", "orders.csv"] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../public/demo")
            .join(name);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let schema = sniff(name, &bytes, true).expect("sniff");
        let mut parser = loader.open(schema, bytes.len() as u64).expect("open");
        loader.feed(&mut parser, &bytes).expect("feed");
        loader.close(parser).expect("close");
    }
    let (dataset, quality) = loader.finish();
    let mut session = Session::new(|| 0.0);
    session.load(dataset, quality);
    assert!(matches!(
        session.ready(settings, 0.0, 1),
        Reply::Ready { models_stale: true, .. }
    ));
    session
}

fn change(session: &mut Session, edit: impl FnOnce(&mut Settings), from: &Settings) -> (Settings, Reply) {
    let mut settings = from.clone();
    edit(&mut settings);
    let reply = session.handle(SessionRequest::ChangeSettings(settings.clone()));
    (settings, reply)
}

fn models_fitted(session: &Session) -> bool {
    session.analysis().is_some_and(|(a, _)| a.models.is_some())
}

/// The summary of a new session that analysed the same files under `settings`.
fn fresh_summary(settings: &Settings) -> segscope_engine::Summary {
    let session = demo_session(settings);
    session.analysis().expect("analysis").0.summary.clone()
}

#[test]
fn each_change_recomputes_what_it_stales_and_equals_a_fresh_analysis() {
    let start = Settings::default();
    let mut session = demo_session(&start);
    assert!(matches!(session.handle(SessionRequest::Models), Reply::Models(_)));
    assert!(models_fitted(&session));

    let (playbook, reply) = change(
        &mut session,
        |s| {
            s.playbook
                .insert("seg.champions".into(), "Invite to the VIP evening".into());
        },
        &start,
    );
    assert_eq!(reply, Reply::SettingsKept);
    assert!(models_fitted(&session), "a playbook text refits nothing");

    let (weights, reply) = change(&mut session, |s| s.tiers.weight_aov = 0.9, &playbook);
    let Reply::Ready {
        summary, models_stale, ..
    } = reply
    else {
        panic!("a tier weight re-labels: {reply:?}");
    };
    assert!(!models_stale && models_fitted(&session), "tiers do not feed the models");
    assert_ne!(
        summary.tiers,
        fresh_summary(&start).tiers,
        "the edit must change the tiers"
    );
    assert_eq!(*summary, fresh_summary(&weights));

    let (custom, reply) = change(
        &mut session,
        |s| {
            s.custom_segments.segments.push(SegmentRule {
                name: "Big spenders".into(),
                rule: Node::cond(
                    Field::Revenue,
                    Test::Cmp {
                        op: CmpOp::Ge,
                        value: 200.0,
                    },
                ),
            })
        },
        &weights,
    );
    let Reply::Ready {
        summary, models_stale, ..
    } = reply
    else {
        panic!("a custom segment is evaluated: {reply:?}");
    };
    assert!(!models_stale);
    assert!(summary.custom.assigned.iter().any(|&n| n > 0), "{:?}", summary.custom);
    assert_eq!(*summary, fresh_summary(&custom));

    let (clusters, reply) = change(&mut session, |s| s.kmeans.k = Some(3), &custom);
    assert!(matches!(reply, Reply::Ready { models_stale: true, .. }), "{reply:?}");
    assert!(!models_fitted(&session), "new cluster settings drop the fit");
    let Reply::Models(models) = session.handle(SessionRequest::Models) else {
        panic!("models");
    };
    assert_eq!(models.clusters.map(|c| c.k).ok(), Some(3));

    let (_, reply) = change(&mut session, |s| s.rfm.scale = 9, &clusters);
    assert_eq!(
        reply,
        Reply::Failed(Failure::Settings(SettingsError::RfmScale { scale: 9 }))
    );
    let (_, reply) = change(&mut session, |_| (), &clusters);
    assert_eq!(reply, Reply::SettingsKept, "the invalid settings were not put in force");
}

#[test]
fn a_customer_index_from_the_page_is_checked() {
    let mut session = demo_session(&Settings::default());
    assert!(matches!(
        session.handle(SessionRequest::CustomerDetail(0)),
        Reply::CustomerDetail(_)
    ));
    assert_eq!(
        session.handle(SessionRequest::CustomerDetail(u32::MAX)),
        Reply::Failed(Failure::BadRequest)
    );
}

#[test]
fn without_data_settings_wait_for_the_next_analysis() {
    let mut session = Session::new(|| 0.0);
    let settings = Settings {
        as_of: chrono::NaiveDate::from_ymd_opt(2024, 1, 1),
        ..Settings::default()
    };
    assert_eq!(
        session.handle(SessionRequest::ChangeSettings(settings)),
        Reply::SettingsKept
    );
    assert_eq!(session.handle(SessionRequest::Models), Reply::Failed(Failure::NoData));
}
