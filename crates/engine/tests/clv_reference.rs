//! Reference test of the CLV models (docs/product.md#predicted-lifetime-value) on the CDNOW sample: 2,357
//! customers who first bought in 1997 Q1, with their orders to 1998-06-30,
//! and on the CDNOW master set they were drawn from (23,570 customers).
//! The files are not in the repository: `scripts/fetch-cdnow.sh` fetches
//! both (from the `lifetimes` wheel on PyPI) into one folder and prints the
//! sample's path; the master is the sibling file `CDNOW_master.txt`. Run
//! `CDNOW_SAMPLE="$(scripts/fetch-cdnow.sh)" cargo test -p segscope-engine --test clv_reference`.
//!
//! Published fits, calibration 1997-01-01 … 1997-09-30 (39 weeks), weeks:
//! - BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4
//!   (Fader, Hardie & Lee 2005, "Counting your customers the easy way",
//!   Marketing Science 24(2), section 5);
//! - Gamma-Gamma: p = 6.25, q = 3.74, γ = 15.44 (Fader & Hardie, "The
//!   Gamma-Gamma model of monetary value", 2013, on the 946 repeat buyers).
//!
//! Their summaries' conventions, which `analyze::clv::summary` follows (the
//! published per-customer data has x = 2, tₓ = 30.43, T = 38.86 for customer
//! 1): orders on one day are one transaction; x = distinct days − 1; tₓ and
//! T are days / 7 from the first day to the last purchase day and to
//! 1997-09-30 inclusive of that end day's orders; m̄ is the mean spend of the
//! repeat days.
//!
//! Maximum check: the `lifetimes` package (0.11.3, with scipy 1.17; its
//! `BetaGeoFitter` and `GammaGammaFitter` with their default start and
//! tolerance, weeks, the Gamma-Gamma model on the repeat buyers with
//! m̄ > 0) was run on the same summaries, and our fits must be at least as
//! likely as its fits. Both likelihoods are the full densities, constants
//! included, as `lifetimes` writes them (Gamma-Gamma: ln Γ(px+q) − ln Γ(px)
//! − ln Γ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ+m̄x), summed over
//! the repeat buyers; BG/NBD: FHL 2005 eq. 6 summed over all buyers). Its
//! Gamma-Gamma figure is that sum; its BG/NBD fit reports the likelihood of
//! times divided by the largest T, Σx·ln(max T) above the likelihood in
//! weeks, so the BG/NBD figures below are its likelihood function evaluated
//! on the times in weeks: like with like.
//!
//! The master set (`CDNOW_master.txt`: customer id, date YYYYMMDD, CDs,
//! dollars, one header line) is calibrated on all of it, to its last date
//! 1998-06-30: the calibration whose Gamma-Gamma fit `lifetimes` puts at
//! −49496.52 (to 1997-09-30 instead it is −40763.48). Its 11,515 repeat
//! buyers with spend leave out the one repeat buyer whose repeat days cost
//! $0 (ln 0: `lifetimes` cannot fit with that buyer either).

use segscope_engine::clv::summary::summarize;
use segscope_engine::clv::{self, bgnbd, gamma_gamma, ClvModel, ClvSettings, CustomerSummary, TimeUnit};
use segscope_model::date::day_from_ymd;
use segscope_model::{Customers, Dataset, Day, OrderStatus};
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

fn day(y: i32, m: u32, d: u32) -> Day {
    day_from_ymd(y, m, d).unwrap_or_else(|| panic!("bad date {y}-{m}-{d}"))
}

/// The orders of a CDNOW file: customer keys, and (customer, day, dollars)
/// rows in file order (ascending by customer, then day).
struct Orders {
    keys: Vec<String>,
    rows: Vec<(u32, Day, f64)>,
}

/// Parses the whitespace-separated lines of either file: the sample's
/// customer id, second (dense) id, date YYYYMMDD, number of CDs, dollar
/// amount; or the master's customer id, date, CDs, dollars. A header line
/// (first field not a number) is skipped.
fn parse(text: &str) -> Orders {
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut keys = Vec::new();
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if !fields[0].bytes().all(|b| b.is_ascii_digit()) {
            assert_eq!(n, 0, "line {}: {line:?}", n + 1);
            continue;
        }
        let (key, date, amount) = match fields.len() {
            5 => (fields[1], fields[2], fields[4]),
            4 => (fields[0], fields[1], fields[3]),
            _ => panic!("line {}: {line:?}", n + 1),
        };
        let parsed = (date.len() == 8)
            .then(|| {
                Some(day(
                    date[..4].parse().ok()?,
                    date[4..6].parse().ok()?,
                    date[6..].parse().ok()?,
                ))
            })
            .flatten();
        let Some(d) = parsed else {
            panic!("line {}: bad date {date:?}", n + 1);
        };
        let amount: f64 = amount.parse().unwrap_or_else(|_| panic!("line {}: bad amount", n + 1));
        let next = u32::try_from(keys.len()).unwrap_or(u32::MAX);
        let c = *index.entry(key.to_string()).or_insert_with(|| {
            keys.push(key.to_string());
            next
        });
        rows.push((c, d, amount));
    }
    Orders { keys, rows }
}

impl Orders {
    /// The orders as paid orders of a dataset.
    fn dataset(&self) -> Dataset {
        let mut dataset = Dataset {
            customers: Customers::with_keys(self.keys.clone()),
            ..Dataset::default()
        };
        for &(c, d, amount) in &self.rows {
            dataset.orders.push(c, d, amount, OrderStatus::Paid);
        }
        dataset
    }

    /// Every customer's summary as of `end`, in weeks (the summaries the
    /// models are fitted on).
    fn summaries(&self, end: Day) -> Vec<CustomerSummary> {
        let mut by_customer = vec![Vec::new(); self.keys.len()];
        for &(c, d, amount) in &self.rows {
            by_customer[c as usize].push((d, amount));
        }
        by_customer
            .into_iter()
            .filter_map(|mut orders| {
                orders.sort_by_key(|&(d, _)| d);
                summarize(orders, end, TimeUnit::Weeks)
            })
            .collect()
    }
}

/// Reads the file at `path` (from `CDNOW_SAMPLE`, or beside it).
fn read(path: &Path) -> Orders {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e} (scripts/fetch-cdnow.sh fetches it)",
            path.display()
        )
    });
    parse(&text)
}

/// Asserts that `got` is within 0.2 % of the `published` value. The published
/// values are rounded (r = 0.243 to ±0.21 %, q = 3.74 to ±0.13 %, the others
/// to less): 0.2 % holds because the maxima (r = 0.24259, q = 3.74422) are
/// 0.17 % and 0.11 % off.
fn assert_within_0_2_percent(name: &str, got: f64, published: f64) {
    let error = (got - published).abs() / published;
    println!("{name}: {got:.4} (published {published}, {:.3} % off)", 100.0 * error);
    assert!(error <= 0.002, "{name} = {got}, published {published}");
}

/// The sample's path from `CDNOW_SAMPLE`. Without it the test is skipped on a
/// developer's machine, but fails under CI (`CI` set), where `scripts/test`
/// always fetches the sample: a reference check must not pass by not running.
fn sample_path() -> Option<String> {
    match std::env::var("CDNOW_SAMPLE") {
        Ok(path) => Some(path),
        Err(_) if std::env::var_os("CI").is_some() => {
            panic!("CI is set but CDNOW_SAMPLE is not: run scripts/fetch-cdnow.sh and set CDNOW_SAMPLE to its path")
        }
        Err(_) => {
            println!("skipped: run scripts/fetch-cdnow.sh and set CDNOW_SAMPLE to the path it prints");
            None
        }
    }
}

/// The master set's path: `CDNOW_master.txt` beside the sample, which
/// `scripts/fetch-cdnow.sh` extracts with it. Skipped or failing like
/// [`sample_path`] when `CDNOW_SAMPLE` is not set; a missing file fails.
fn master_path() -> Option<std::path::PathBuf> {
    sample_path().map(|sample| Path::new(&sample).with_file_name("CDNOW_master.txt"))
}

/// What `lifetimes` 0.11.3 reached on the same summaries (see the module
/// comment): its parameters and its log-likelihood there.
struct Lifetimes {
    bgnbd: [f64; 4],
    bgnbd_log_likelihood: f64,
    gamma_gamma: [f64; 3],
    gamma_gamma_log_likelihood: f64,
}

/// Two log-likelihoods within this share of each other are a tie: the
/// rounding of a sum over thousands of customers (a few units of 1e-16 per
/// term; differences of up to 4e-12 seen here, 4e-16 of the sums) leaves
/// nothing to choose between them. An optimiser stopping at a gradient of
/// 1e-5 instead of 1e-8 falls short by 4e-8 on the master's Gamma-Gamma fit,
/// eight times this.
const TIE: f64 = 1e-13;

/// Asserts that our likelihood functions give `lifetimes`' figures at its
/// parameters (the same formulas), that our fits report the likelihood at
/// their parameters, and that our fits in `model` are at least as likely as
/// `lifetimes`' (up to a [`TIE`]). Both sides are evaluated by the same
/// function on the same summaries, so no difference between the two
/// implementations' ln Γ enters the comparison.
fn assert_at_least_as_likely_as_lifetimes(model: &ClvModel, summaries: &[CustomerSummary], theirs: &Lifetimes) {
    let (bg, gg) = (model.bgnbd, model.gamma_gamma);
    let [r, alpha, a, b] = theirs.bgnbd;
    let bg_theirs = bgnbd::log_likelihood(r, alpha, a, b, summaries);
    let bg_ours = bgnbd::log_likelihood(bg.r, bg.alpha, bg.a, bg.b, summaries);
    let [p, q, gamma] = theirs.gamma_gamma;
    let gg_theirs = gamma_gamma::log_likelihood(p, q, gamma, summaries);
    let gg_ours = gamma_gamma::log_likelihood(gg.p, gg.q, gg.gamma, summaries);
    println!(
        "BG/NBD LL: ours {bg_ours:.9}, lifetimes {bg_theirs:.9} (its own figure {:.9}), ours − lifetimes = {:.2e}",
        theirs.bgnbd_log_likelihood,
        bg_ours - bg_theirs
    );
    println!(
        "Gamma-Gamma LL: ours {gg_ours:.9}, lifetimes {gg_theirs:.9} (its own figure {:.9}), ours − lifetimes = {:.2e}",
        theirs.gamma_gamma_log_likelihood,
        gg_ours - gg_theirs
    );
    assert!((bg_theirs - theirs.bgnbd_log_likelihood).abs() < 1e-6, "{bg_theirs}");
    assert!(
        (gg_theirs - theirs.gamma_gamma_log_likelihood).abs() < 1e-6,
        "{gg_theirs}"
    );
    assert!((bg.log_likelihood - bg_ours).abs() < 1e-6, "{bg:?}");
    assert!((gg.log_likelihood - gg_ours).abs() < 1e-6, "{gg:?}");
    assert!(
        bg_ours >= bg_theirs - TIE * bg_theirs.abs(),
        "BG/NBD: {bg_ours} < lifetimes' {bg_theirs}"
    );
    assert!(
        gg_ours >= gg_theirs - TIE * gg_theirs.abs(),
        "Gamma-Gamma: {gg_ours} < lifetimes' {gg_theirs}"
    );
}

#[test]
fn cdnow_fits_match_the_published_parameters() {
    let Some(path) = sample_path() else {
        return;
    };
    let orders = read(Path::new(&path));
    let data = orders.dataset();
    assert_eq!(data.customers.len(), 2357, "customers in the CDNOW sample");
    assert_eq!(data.orders.len(), 6919, "orders in the CDNOW sample");

    let settings = ClvSettings {
        time_unit: TimeUnit::Weeks,
        ..ClvSettings::default()
    };
    let end = day(1997, 9, 30);
    let started = Instant::now();
    let model = clv::fit(&data, end, &settings).unwrap_or_else(|p| panic!("no fit: {p:?}"));
    println!("fit and predictions: {:?}", started.elapsed());
    let (bg, gg) = (model.bgnbd, model.gamma_gamma);
    println!("BG/NBD {bg:?}\nGamma-Gamma {gg:?}");
    assert_eq!(model.buyers, 2357);
    assert_eq!(model.repeat_buyers, 946, "the Gamma-Gamma note's repeat buyers");
    assert_within_0_2_percent("r", bg.r, 0.243);
    assert_within_0_2_percent("alpha", bg.alpha, 4.414);
    assert_within_0_2_percent("a", bg.a, 0.793);
    assert_within_0_2_percent("b", bg.b, 2.426);
    assert!((bg.log_likelihood - -9582.4).abs() < 0.05, "LL = {}", bg.log_likelihood);
    assert_within_0_2_percent("p", gg.p, 6.25);
    assert_within_0_2_percent("q", gg.q, 3.74);
    assert_within_0_2_percent("gamma", gg.gamma, 15.44);
    assert_at_least_as_likely_as_lifetimes(
        &model,
        &orders.summaries(end),
        &Lifetimes {
            bgnbd: [
                0.242_594_543_421_067_15,
                4.413_602_716_077_372,
                0.792_921_833_347_843_3,
                2.425_905_728_721_623_7,
            ],
            bgnbd_log_likelihood: -9_582.429_206_674,
            gamma_gamma: [6.249_572_277_638_951, 3.744_224_674_757_774, 15.443_521_018_351_717],
            gamma_gamma_log_likelihood: -4_055.917_694_802,
        },
    );

    // Every buyer gets predictions; probabilities are probabilities.
    assert!(model
        .p_alive
        .iter()
        .all(|p| p.is_some_and(|p| (0.0..=1.0).contains(&p))));
    assert!(model.clv.iter().all(|v| v.is_some_and(|v| v >= 0.0 && v.is_finite())));
}

#[test]
fn cdnow_master_fits_reach_the_maximum_lifetimes_reaches() {
    let Some(path) = master_path() else {
        return;
    };
    let orders = read(&path);
    let data = orders.dataset();
    assert_eq!(data.customers.len(), 23_570, "customers in the CDNOW master set");
    assert_eq!(data.orders.len(), 69_659, "orders in the CDNOW master set");

    let settings = ClvSettings {
        time_unit: TimeUnit::Weeks,
        ..ClvSettings::default()
    };
    let end = day(1998, 6, 30);
    let started = Instant::now();
    let model = clv::fit(&data, end, &settings).unwrap_or_else(|p| panic!("no fit: {p:?}"));
    println!("fit and predictions: {:?}", started.elapsed());
    println!("BG/NBD {:?}\nGamma-Gamma {:?}", model.bgnbd, model.gamma_gamma);
    assert_eq!(model.buyers, 23_570);
    assert_eq!(model.repeat_buyers, 11_515);
    assert_at_least_as_likely_as_lifetimes(
        &model,
        &orders.summaries(end),
        &Lifetimes {
            bgnbd: [
                0.267_127_774_557_681,
                5.986_492_517_523_865,
                0.483_516_914_828_021_2,
                2.111_608_102_583_357,
            ],
            bgnbd_log_likelihood: -173_425.916_293_217,
            gamma_gamma: [5.086_044_107_247_533, 3.995_120_739_012_149_7, 21.252_237_644_879_557],
            gamma_gamma_log_likelihood: -49_496.524_203_054,
        },
    );
    // `lifetimes`' −49496.52 is −49496.524203 rounded: the maximum itself is
    // below −49496.52, so "at least −49496.52" cannot hold literally; ours is
    // the same figure to the last place shown.
    let ours = model.gamma_gamma.log_likelihood;
    println!("Gamma-Gamma LL: ours {ours:.2}, lifetimes −49496.52");
    assert!((ours - -49_496.52).abs() < 0.005, "Gamma-Gamma LL = {ours}");
}

#[test]
fn cdnow_holdout_purchases_match_the_prediction() {
    let Some(path) = sample_path() else {
        return;
    };
    let data = read(Path::new(&path)).dataset();
    // Holdout 1997-10-01 … 1998-06-30: 273 days = 39 weeks.
    let settings = ClvSettings::default();
    let check = clv::holdout_check(&data, day(1998, 6, 30), 273, &settings).unwrap_or_else(|p| panic!("{p:?}"));
    println!("holdout: predicted {:.1}, actual {}", check.predicted, check.actual);
    for b in &check.by_frequency {
        println!(
            "  x = {}{}: {} customers, predicted {:.3}, actual {:.3} per customer",
            b.frequency,
            if b.frequency == 7 { "+" } else { "" },
            b.customers,
            b.predicted / f64::from(b.customers.max(1)),
            b.actual as f64 / f64::from(b.customers.max(1)),
        );
    }
    assert_eq!(check.calibration_end, day(1997, 9, 30));
    assert_eq!(check.customers, 2357);
    assert_within_0_2_percent("holdout r (same fit as the calibration)", check.fit.r, 0.243);
    // 1,882 repeat purchase days happened in the holdout. BG/NBD's conditional
    // expectations (FHL 2005 eq. 10) sum to 1,653.4 of them (12 % low; the
    // model under-predicts CDNOW's light repeat buyers, cf. FHL 2005 fig. 4).
    // The total was checked against an independent evaluation of eq. 10 with
    // the direct ₂F₁ series in Python (1653.409 at these parameters).
    assert_eq!(check.actual, 1882);
    assert!((check.predicted - 1653.41).abs() < 0.5, "predicted {}", check.predicted);
}
