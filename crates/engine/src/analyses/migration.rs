//! Segment migration (docs/product.md#analyses-and-charts): the same labelling scheme at two as-of dates,
//! as a transition matrix and the customers of each of its cells.
//!
//! Both dates are full analyses ([`super::run`]) under the same settings but
//! the as-of date, so a label here is exactly what the dashboard showed on
//! that day. A customer who has no paid order by a date has no RFM segment
//! and no tier there; such customers — including those not yet known at all
//! (no signup, order or event by then) — are in the "No purchase" state
//! (lifecycle: Potential), so first-time buyers show up as moving out of it.

use crate::settings::Settings;
use crate::texts::t;
use crate::{run, tier_display_name, Analysis, LifecycleStage, RfmSegment, TierStat};
use chrono::NaiveDate;
use segscope_i18n::Lang;
use segscope_model::date;
use segscope_model::{Dataset, Day};
use serde::{Deserialize, Serialize};

/// The most off-diagonal cells listed in [`Migration::top_moves`].
pub const TOP_MOVES: usize = 10;

/// The i18n key of the "No purchase" state of the RFM scheme.
const NO_PURCHASE_KEY: &str = "tier.none";

/// Which labels are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// RFM segments, then "No purchase".
    #[default]
    Rfm,
    /// Value tiers, best first, then "No purchase".
    Tier,
    /// Lifecycle stages, in funnel order.
    Lifecycle,
}

impl Scheme {
    /// The i18n key of the scheme's name (for the scheme select).
    pub fn i18n_key(self) -> &'static str {
        match self {
            Scheme::Rfm => "migration.scheme.rfm",
            Scheme::Tier => "migration.scheme.tier",
            Scheme::Lifecycle => "migration.scheme.lifecycle",
        }
    }
}

/// One scheme compared between two as-of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationRequest {
    /// Which labels to compare.
    pub scheme: Scheme,
    /// The earlier as-of date.
    pub from: NaiveDate,
    /// The later as-of date.
    pub to: NaiveDate,
}

/// The name of a state (a row or column of the matrix).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StateName {
    /// An i18n key (segment, lifecycle stage, "No purchase").
    Key(String),
    /// A value tier: the user's name, or the built-in English name when
    /// `is_default_name` is set (shown localized, like the dashboard does).
    Tier {
        /// The tier's name.
        name: String,
        /// True when the name is built in.
        is_default_name: bool,
        /// Position of the tier, best first.
        index: usize,
    },
}

impl StateName {
    /// The name to show in `lang`.
    pub fn display(&self, lang: Lang) -> String {
        match self {
            StateName::Key(key) => t(lang, key).to_string(),
            StateName::Tier {
                name,
                is_default_name,
                index,
            } => tier_display_name(
                &TierStat {
                    name: name.clone(),
                    is_default_name: *is_default_name,
                    index: *index,
                    customers: 0,
                    revenue: 0.0,
                    revenue_share: 0.0,
                    customer_share: 0.0,
                },
                lang,
            ),
        }
    }
}

/// Customers who moved from one state to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Move {
    /// State at the earlier date (index into [`Migration::states`]).
    pub from_state: usize,
    /// State at the later date.
    pub to_state: usize,
    /// How many customers.
    pub customers: u64,
}

/// The transition matrix between two as-of dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Migration {
    /// The scheme compared.
    pub scheme: Scheme,
    /// The earlier as-of date.
    pub from: NaiveDate,
    /// The later as-of date.
    pub to: NaiveDate,
    /// The states, in scheme order; the same for rows and columns.
    pub states: Vec<StateName>,
    /// `matrix[i][j]`: customers in state `i` at `from` and `j` at `to`.
    /// Every customer of the dataset is in exactly one cell.
    pub matrix: Vec<Vec<u64>>,
    /// Customers on the diagonal.
    pub stayed: u64,
    /// Customers off the diagonal.
    pub moved: u64,
    /// The largest non-empty off-diagonal cells, largest first (ties in
    /// row, then column order), at most [`TOP_MOVES`].
    pub top_moves: Vec<Move>,
}

/// Why a migration cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MigrationProblem {
    /// The earlier date is not before the later one.
    DatesNotInOrder,
    /// No customer has a signup, order or event on or before the earlier date.
    NoDataBefore,
}

impl MigrationProblem {
    /// The i18n key of the message for the user.
    pub fn i18n_key(self) -> &'static str {
        match self {
            MigrationProblem::DatesNotInOrder => "migration.problem.dates_not_in_order",
            MigrationProblem::NoDataBefore => "migration.problem.no_data_before",
        }
    }

    /// The message in `lang`.
    pub fn message(self, lang: Lang) -> String {
        t(lang, self.i18n_key()).to_string()
    }
}

/// Which filter the explorer applies: the customers of one matrix cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationFilter {
    /// The migration the cell belongs to.
    pub request: MigrationRequest,
    /// Row of the cell: the state at `from`.
    pub from_state: usize,
    /// Column of the cell: the state at `to`.
    pub to_state: usize,
}

/// Every customer's state at both dates under one scheme.
struct Transitions {
    states: Vec<StateName>,
    from: Vec<usize>,
    to: Vec<usize>,
}

/// The transition matrix of `request` (the other settings as given).
pub fn migrate(
    dataset: &Dataset,
    settings: &Settings,
    request: &MigrationRequest,
) -> Result<Migration, MigrationProblem> {
    let transitions = transitions(dataset, settings, request)?;
    let n = transitions.states.len();
    let mut matrix = vec![vec![0u64; n]; n];
    for (&i, &j) in transitions.from.iter().zip(&transitions.to) {
        if let Some(cell) = matrix.get_mut(i).and_then(|row| row.get_mut(j)) {
            *cell += 1;
        }
    }
    let stayed: u64 = (0..n).map(|i| matrix[i][i]).sum();
    let total: u64 = matrix.iter().flatten().sum();
    let mut top_moves: Vec<Move> = (0..n)
        .flat_map(|i| (0..n).map(move |j| (i, j)))
        .filter(|&(i, j)| i != j && matrix[i][j] > 0)
        .map(|(i, j)| Move {
            from_state: i,
            to_state: j,
            customers: matrix[i][j],
        })
        .collect();
    // A stable sort keeps row, then column order among equal cells.
    top_moves.sort_by_key(|m| std::cmp::Reverse(m.customers));
    top_moves.truncate(TOP_MOVES);
    Ok(Migration {
        scheme: request.scheme,
        from: request.from,
        to: request.to,
        states: transitions.states,
        matrix,
        stayed,
        moved: total - stayed,
        top_moves,
    })
}

/// The customers (indices, ascending) in state `from_state` at `request.from`
/// and `to_state` at `request.to`; none when the request has a problem or a
/// state does not exist.
pub fn movers(
    dataset: &Dataset,
    settings: &Settings,
    request: &MigrationRequest,
    from_state: usize,
    to_state: usize,
) -> Vec<u32> {
    let Ok(transitions) = transitions(dataset, settings, request) else {
        return Vec::new();
    };
    (0u32..)
        .zip(transitions.from.iter().zip(&transitions.to))
        .filter(|&(_, (&i, &j))| i == from_state && j == to_state)
        .map(|(c, _)| c)
        .collect()
}

/// Checks the request, runs both analyses and reads each customer's state.
fn transitions(
    dataset: &Dataset,
    settings: &Settings,
    request: &MigrationRequest,
) -> Result<Transitions, MigrationProblem> {
    if request.from >= request.to {
        return Err(MigrationProblem::DatesNotInOrder);
    }
    if !has_data_by(dataset, date::day_of(request.from)) {
        return Err(MigrationProblem::NoDataBefore);
    }
    let at = |date: NaiveDate| {
        run(
            dataset,
            &Settings {
                as_of: Some(date),
                ..settings.clone()
            },
        )
    };
    let (earlier, later) = (at(request.from), at(request.to));
    Ok(Transitions {
        states: states(request.scheme, &later),
        from: state_of_each(request.scheme, &earlier),
        to: state_of_each(request.scheme, &later),
    })
}

/// True when some customer has a signup, order or event on or before `day`.
pub(crate) fn has_data_by(dataset: &Dataset, day: Day) -> bool {
    let n = dataset.customers.len();
    let known = |customer: u32, d: Day| d <= day && (customer as usize) < n;
    dataset.customers.signup().iter().flatten().any(|&d| d <= day)
        || (dataset.orders.customer().iter().zip(dataset.orders.day())).any(|(&c, &d)| known(c, d))
        || (dataset.events.customer().iter().zip(dataset.events.day())).any(|(&c, &d)| known(c, d))
}

/// The states of `scheme`; tier names come from `analysis` (its settings).
fn states(scheme: Scheme, analysis: &Analysis) -> Vec<StateName> {
    let key = |k: &str| StateName::Key(k.to_string());
    match scheme {
        Scheme::Rfm => RfmSegment::ALL
            .iter()
            .map(|s| key(s.i18n_key()))
            .chain(std::iter::once(key(NO_PURCHASE_KEY)))
            .collect(),
        Scheme::Tier => analysis
            .summary
            .tiers
            .iter()
            .map(|tier| StateName::Tier {
                name: tier.name.clone(),
                is_default_name: tier.is_default_name,
                index: tier.index,
            })
            .collect(),
        Scheme::Lifecycle => LifecycleStage::ALL.iter().map(|s| key(s.i18n_key())).collect(),
    }
}

/// Each customer's state index under `scheme` in `analysis`; "No purchase"
/// is the last state of the RFM and tier schemes.
fn state_of_each(scheme: Scheme, analysis: &Analysis) -> Vec<usize> {
    let labels = &analysis.labels;
    match scheme {
        Scheme::Rfm => {
            let none = RfmSegment::ALL.len();
            labels
                .segment
                .iter()
                .map(|s| s.map_or(none, RfmSegment::index))
                .collect()
        }
        Scheme::Tier => {
            // The summary lists every tier, then "No purchase".
            let none = analysis.summary.tiers.len().saturating_sub(1);
            labels
                .tier
                .iter()
                .map(|tier| tier.map_or(none, |i| (i as usize).min(none)))
                .collect()
        }
        Scheme::Lifecycle => labels.lifecycle.iter().map(|s| s.index()).collect(),
    }
}
