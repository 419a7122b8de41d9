//! Segment migration: a hand-built dataset where we know who moves, matrix
//! totals against the analyses at both dates, the movers of a cell and the
//! explorer filter, problems instead of panics, the chart in en and zh, and
//! the totals on random data.

mod common;

use chrono::NaiveDate;
use proptest::prelude::*;
use segscope_engine::analyses::migration::{
    migrate, movers, Migration, MigrationFilter, MigrationProblem, MigrationRequest, Move, Scheme, StateName,
};
use segscope_engine::explore::{CustomerQuery, Explorer};
use segscope_engine::settings::{FixedCutoffs, Settings};
use segscope_engine::{run, LifecycleStage, RfmSegment};
use segscope_i18n::Lang;
use segscope_model::date::day_of;
use segscope_model::{Customers, Dataset, OrderStatus};
use segscope_report::migration_matrix;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const FROM: (i32, u32, u32) = (2024, 3, 1);
const TO: (i32, u32, u32) = (2024, 9, 1);

fn request(scheme: Scheme) -> MigrationRequest {
    MigrationRequest {
        scheme,
        from: date(FROM.0, FROM.1, FROM.2),
        to: date(TO.0, TO.1, TO.2),
    }
}

/// c0 bought monthly Sep–Feb and then stopped; c1 first bought in August;
/// c2 bought monthly Sep–Aug; c3 never bought; c4 bought only after the
/// second date; c5 bought once, long ago.
fn known() -> Dataset {
    let mut d = Dataset {
        customers: Customers::with_keys(
            ["faded", "new", "steady", "never", "later", "lost"]
                .map(String::from)
                .into(),
        ),
        ..Dataset::default()
    };
    let mut buy =
        |c: u32, (y, m, day): (i32, u32, u32)| d.orders.push(c, day_of(date(y, m, day)), 20.0, OrderStatus::Paid);
    for (y, m) in [(2023, 9), (2023, 10), (2023, 11), (2023, 12), (2024, 1), (2024, 2)] {
        buy(0, (y, m, 10));
    }
    buy(1, (2024, 8, 20));
    for k in 0..12u32 {
        buy(2, (2023 + (8 + k as i32) / 12, (8 + k) % 12 + 1, 5));
    }
    buy(4, (2024, 10, 1));
    buy(5, (2023, 1, 10));
    d
}

/// Fixed RFM cut-offs, so that segments do not depend on the other customers.
fn fixed() -> Settings {
    let mut s = Settings::default();
    s.rfm.fixed = Some(FixedCutoffs {
        recency_days: vec![30.0, 60.0, 90.0, 180.0],
        orders: vec![2.0, 3.0, 5.0, 10.0],
        revenue: vec![50.0, 100.0, 200.0, 400.0],
    });
    s
}

fn cell(m: &Migration, from: usize, to: usize) -> u64 {
    m.matrix[from][to]
}

#[test]
fn known_customers_move_between_rfm_segments() {
    let m = migrate(&known(), &fixed(), &request(Scheme::Rfm)).unwrap();
    let no_purchase = RfmSegment::ALL.len();
    assert_eq!(m.states.len(), no_purchase + 1);
    assert_eq!(m.states[no_purchase], StateName::Key("tier.none".into()));
    assert_eq!(m.states[no_purchase].display(Lang::Zh), "未购买");
    let (champions, at_risk, lost, new) = (
        RfmSegment::Champions.index(),
        RfmSegment::AtRisk.index(),
        RfmSegment::Lost.index(),
        RfmSegment::NewCustomers.index(),
    );
    assert_eq!(cell(&m, champions, at_risk), 1, "faded");
    assert_eq!(cell(&m, no_purchase, new), 1, "new buyer");
    assert_eq!(cell(&m, champions, champions), 1, "steady");
    assert_eq!(cell(&m, no_purchase, no_purchase), 2, "never and later");
    assert_eq!(cell(&m, lost, lost), 1, "lost");
    assert_eq!((m.stayed, m.moved), (4, 2));
    let top = |from_state, to_state| Move {
        from_state,
        to_state,
        customers: 1,
    };
    assert_eq!(m.top_moves, vec![top(champions, at_risk), top(no_purchase, new)]);

    let d = known();
    assert_eq!(movers(&d, &fixed(), &request(Scheme::Rfm), champions, at_risk), vec![0]);
    assert_eq!(movers(&d, &fixed(), &request(Scheme::Rfm), no_purchase, new), vec![1]);
    assert_eq!(
        movers(&d, &fixed(), &request(Scheme::Rfm), no_purchase, no_purchase),
        vec![3, 4]
    );
}

#[test]
fn known_customers_move_between_lifecycle_stages() {
    let m = migrate(&known(), &fixed(), &request(Scheme::Lifecycle)).unwrap();
    assert_eq!(m.states.len(), LifecycleStage::ALL.len());
    let at = |a: LifecycleStage, b: LifecycleStage| cell(&m, a.index(), b.index());
    use LifecycleStage::*;
    assert_eq!(at(Active, Churned), 1, "faded");
    assert_eq!(at(Potential, New), 1, "new buyer");
    assert_eq!(at(Active, Active), 1, "steady");
    assert_eq!(at(Potential, Potential), 2);
    assert_eq!(at(Churned, Churned), 1);
    assert_eq!((m.stayed, m.moved), (4, 2));
}

/// Row sums are the customers per state at the first date, column sums at the
/// second, for every scheme.
#[test]
fn rows_and_columns_add_up_to_the_analyses_at_both_dates() {
    let d = generated(150);
    let mut settings = Settings::default();
    settings.tiers.names = vec!["<b>Gold</b>".into(), "Medium".into(), "Low".into()];
    for scheme in [Scheme::Rfm, Scheme::Tier, Scheme::Lifecycle] {
        let req = request(scheme);
        let m = migrate(&d, &settings, &req).unwrap();
        let with = |day: NaiveDate| {
            run(
                &d,
                &Settings {
                    as_of: Some(day),
                    ..settings.clone()
                },
            )
        };
        let per_state = |date: NaiveDate| -> Vec<u64> {
            let a = with(date);
            match scheme {
                Scheme::Rfm => a
                    .summary
                    .segments
                    .iter()
                    .map(|s| s.customers)
                    .chain([a.labels.segment().iter().filter(|s| s.is_none()).count() as u64])
                    .collect(),
                Scheme::Tier => a.summary.tiers.iter().map(|t| t.customers).collect(),
                Scheme::Lifecycle => a.summary.lifecycle.stages.iter().map(|s| s.customers).collect(),
            }
        };
        let rows: Vec<u64> = m.matrix.iter().map(|r| r.iter().sum()).collect();
        let columns: Vec<u64> = (0..m.states.len())
            .map(|j| m.matrix.iter().map(|r| r[j]).sum())
            .collect();
        assert_eq!(rows, per_state(req.from), "{scheme:?}");
        assert_eq!(columns, per_state(req.to), "{scheme:?}");
        assert_eq!(m.stayed + m.moved, d.customers.len() as u64);
        assert!(m.moved > 0, "{scheme:?}");
        for (i, row) in m.matrix.iter().enumerate() {
            for (j, &n) in row.iter().enumerate() {
                assert_eq!(movers(&d, &settings, &req, i, j).len() as u64, n);
            }
        }
        if scheme == Scheme::Tier {
            assert_eq!(m.states[0].display(Lang::Zh), "<b>Gold</b>", "user tier name kept");
            assert_eq!(m.states[1].display(Lang::Zh), "Medium");
            assert_eq!(m.states[3].display(Lang::Zh), "未购买");
        }
    }
}

#[test]
fn the_explorer_lists_the_movers_of_a_cell() {
    let d = generated(150);
    let settings = Settings::default();
    let req = request(Scheme::Rfm);
    let m = migrate(&d, &settings, &req).unwrap();
    let analysis = run(&d, &settings);
    let mut explorer = Explorer::default();
    for top in &m.top_moves {
        let query = CustomerQuery {
            migration: Some(MigrationFilter {
                request: req,
                from_state: top.from_state,
                to_state: top.to_state,
            }),
            limit: 1000,
            ..CustomerQuery::default()
        };
        let mut picked = query.matching(&d, &analysis);
        picked.sort_unstable();
        assert_eq!(picked, movers(&d, &settings, &req, top.from_state, top.to_state));
        assert_eq!(explorer.page(&d, &analysis, &query).total, top.customers);
        assert!(!query.same_selection(&CustomerQuery::default()));
    }
    let json = r#"{"search":"","migration":{"request":{"scheme":"lifecycle","from":"2024-03-01","to":"2024-09-01"},"from_state":0,"to_state":1}}"#;
    let query: CustomerQuery = serde_json::from_str(json).unwrap();
    assert_eq!(query.migration.map(|f| f.request), Some(request(Scheme::Lifecycle)));
    let old: CustomerQuery = serde_json::from_str(r#"{"search":"x"}"#).unwrap();
    assert_eq!(old.migration, None);
}

#[test]
fn bad_requests_give_a_problem() {
    let d = known();
    let s = Settings::default();
    let mut req = request(Scheme::Tier);
    req.to = req.from;
    assert_eq!(migrate(&d, &s, &req), Err(MigrationProblem::DatesNotInOrder));
    req.to = date(2000, 1, 1);
    assert_eq!(migrate(&d, &s, &req), Err(MigrationProblem::DatesNotInOrder));
    let early = MigrationRequest {
        scheme: Scheme::Rfm,
        from: date(2020, 1, 1),
        to: date(2024, 1, 1),
    };
    assert_eq!(migrate(&d, &s, &early), Err(MigrationProblem::NoDataBefore));
    assert_eq!(
        migrate(&Dataset::default(), &s, &request(Scheme::Lifecycle)),
        Err(MigrationProblem::NoDataBefore)
    );
    assert!(movers(&d, &s, &early, 0, 0).is_empty());
    assert!(movers(&d, &s, &request(Scheme::Rfm), 99, 0).is_empty());
    let extreme = MigrationRequest {
        scheme: Scheme::Rfm,
        from: NaiveDate::MIN,
        to: NaiveDate::MAX,
    };
    assert_eq!(migrate(&d, &s, &extreme), Err(MigrationProblem::NoDataBefore));
    let far = MigrationRequest {
        to: NaiveDate::MAX,
        ..request(Scheme::Lifecycle)
    };
    assert_eq!(migrate(&d, &s, &far).map(|m| m.stayed + m.moved), Ok(6));
    for problem in [MigrationProblem::DatesNotInOrder, MigrationProblem::NoDataBefore] {
        for lang in [Lang::En, Lang::Zh] {
            assert_ne!(problem.message(lang), "??");
        }
    }
    let json = r#"{"scheme":"tier","from":"2024-03-01","to":"2024-09-01"}"#;
    assert_eq!(
        serde_json::from_str::<MigrationRequest>(json).ok(),
        Some(request(Scheme::Tier))
    );
}

#[test]
fn the_matrix_chart_renders_in_both_languages() {
    let d = generated(150);
    let mut settings = Settings::default();
    settings.tiers.names = vec!["<b>Gold</b>".into(), "Medium".into(), "Low".into()];
    let rfm = migrate(&d, &settings, &request(Scheme::Rfm)).unwrap();
    let tier = migrate(&d, &settings, &request(Scheme::Tier)).unwrap();
    for (lang, tag) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        for svg in [migration_matrix(&rfm, lang), migration_matrix(&tier, lang)] {
            assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
            assert!(!svg.contains("??") && !svg.contains("<b>"), "{svg}");
        }
        common::check_snapshot(&format!("migration_rfm_{tag}.svg"), &migration_matrix(&rfm, lang));
        common::check_snapshot(&format!("migration_tier_{tag}.svg"), &migration_matrix(&tier, lang));
    }
    let en = migration_matrix(&tier, Lang::En);
    assert!(en.contains("&lt;b&gt;Gold&lt;/b&gt;"), "user tier name escaped");
    let (i, j) = (rfm.top_moves[0].from_state, rfm.top_moves[0].to_state);
    let row: u64 = rfm.matrix[i].iter().sum();
    let share = format!("{:.1}%", rfm.matrix[i][j] as f64 / row as f64 * 100.0);
    let hover = format!(
        "Customers {} → {}: {} ({share} of {})",
        rfm.states[i].display(Lang::En),
        rfm.states[j].display(Lang::En),
        rfm.matrix[i][j],
        rfm.states[i].display(Lang::En)
    );
    assert!(
        migration_matrix(&rfm, Lang::En).contains(&hover),
        "hover gives both states, count and row share: {hover}"
    );
    let empty = Migration {
        matrix: vec![vec![0; rfm.states.len()]; rfm.states.len()],
        ..rfm
    };
    assert!(migration_matrix(&empty, Lang::Zh).starts_with("<svg"));
}

/// `n` customers with a deterministic mix of order histories over 2023–2024.
fn generated(n: u32) -> Dataset {
    let mut d = Dataset {
        customers: Customers::with_keys((0..n).map(|i| format!("c{i}")).collect()),
        ..Dataset::default()
    };
    let start = day_of(date(2023, 1, 1));
    for c in 0..n {
        let first = start + ((c * 37) % 600) as i32;
        let count = c % 7;
        let gap = 15 + (c * 13) % 90;
        for k in 0..count {
            let amount = 10.0 + f64::from((c * 31 + k * 7) % 200);
            d.orders.push(c, first + (k * gap) as i32, amount, OrderStatus::Paid);
        }
    }
    d
}

fn small_dataset() -> impl Strategy<Value = Dataset> {
    (
        1usize..30,
        prop::collection::vec((0usize..30, 0i32..400, 1u32..500), 0..80),
    )
        .prop_map(|(n, orders)| {
            let mut d = Dataset {
                customers: Customers::with_keys((0..n).map(|i| format!("c{i}")).collect()),
                ..Dataset::default()
            };
            for (c, day, amount) in orders {
                d.orders
                    .push((c % n) as u32, 19_000 + day, f64::from(amount), OrderStatus::Paid);
            }
            d
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_customer_is_in_exactly_one_cell(
        d in small_dataset(),
        scheme in prop::sample::select(vec![Scheme::Rfm, Scheme::Tier, Scheme::Lifecycle]),
        from in 0i32..420,
        length in -20i32..420,
    ) {
        let day = |k: i32| segscope_model::date::date_of(19_000 + k);
        let req = MigrationRequest { scheme, from: day(from), to: day(from + length) };
        match migrate(&d, &Settings::default(), &req) {
            Ok(m) => {
                let total: u64 = m.matrix.iter().flatten().sum();
                let diagonal: u64 = (0..m.states.len()).map(|i| m.matrix[i][i]).sum();
                prop_assert_eq!(total, d.customers.len() as u64);
                prop_assert_eq!(m.stayed, diagonal);
                prop_assert_eq!(m.stayed + m.moved, total);
                prop_assert!(m.matrix.iter().all(|row| row.len() == m.states.len()));
                prop_assert!(m.top_moves.len() <= 10);
                prop_assert!(m.top_moves.windows(2).all(|w| w[0].customers >= w[1].customers));
                prop_assert!(m.top_moves.iter().all(|t| t.from_state != t.to_state && t.customers > 0));
                if m.top_moves.len() < 10 {
                    prop_assert_eq!(m.top_moves.iter().map(|t| t.customers).sum::<u64>(), m.moved);
                }
            }
            Err(MigrationProblem::DatesNotInOrder) => prop_assert!(length <= 0),
            Err(MigrationProblem::NoDataBefore) => {
                prop_assert!(d.orders.day().iter().all(|&o| o > 19_000 + from));
            }
        }
    }
}
