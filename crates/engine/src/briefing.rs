//! The report's first page (docs/product.md#report): the three RFM segments
//! that matter most — the best customers to protect, the most revenue to win
//! back, the most buyers to grow — each with its size, revenue share and
//! trend over the last quarter.

use crate::analyses::migration::has_data_by;
use crate::settings::Settings;
use crate::{RfmSegment, SegmentStat};
use chrono::{Duration, NaiveDate};
use segscope_model::date::day_of;
use segscope_model::Dataset;
use serde::{Deserialize, Serialize};

/// How many days back the trend of a segment looks.
pub const TREND_DAYS: i64 = 90;

/// Why a segment is on the first page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// The best customers: keep them.
    Protect,
    /// Customers slipping away with much revenue: bring them back.
    WinBack,
    /// Recent buyers who could become loyal: grow them.
    Grow,
}

impl Priority {
    /// The priorities in page order.
    pub const ALL: [Priority; 3] = [Priority::Protect, Priority::WinBack, Priority::Grow];

    /// The i18n key of the priority's name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            Priority::Protect => "briefing.protect",
            Priority::WinBack => "briefing.win_back",
            Priority::Grow => "briefing.grow",
        }
    }

    /// The segments this priority chooses from, and whether it picks the one
    /// with the most revenue (else the one with the most buyers).
    fn candidates(self) -> (&'static [RfmSegment], bool) {
        use RfmSegment::*;
        match self {
            Priority::Protect => (&[Champions, LoyalCustomers], true),
            Priority::WinBack => (&[CantLoseThem, AtRisk, AboutToSleep, NeedAttention], true),
            Priority::Grow => (&[PotentialLoyalists, NewCustomers, Promising], false),
        }
    }
}

/// One segment on the first page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FocusSegment {
    /// Why it is there.
    pub priority: Priority,
    /// The segment.
    pub segment: RfmSegment,
    /// Buyers in it now.
    pub customers: u64,
    /// Their share of all buyers.
    pub customer_share: f64,
    /// Their share of revenue.
    pub revenue_share: f64,
    /// Buyers in it [`TREND_DAYS`] before the as-of date, under the same
    /// settings; `None` when nothing was dated that early.
    pub customers_before: Option<u64>,
}

/// The segments of the first page, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Briefing {
    /// At most one segment per [`Priority`], in [`Priority::ALL`] order; a
    /// priority without a buyer in its segments is left out.
    pub focus: Vec<FocusSegment>,
    /// The date the trend compares with.
    pub trend_from: NaiveDate,
}

/// The first page for the analysis as of `as_of` whose segment totals are
/// `segments`.
pub fn briefing(dataset: &Dataset, settings: &Settings, as_of: NaiveDate, segments: &[SegmentStat]) -> Briefing {
    let trend_from = as_of - Duration::days(TREND_DAYS);
    // One analysis at the earlier date, under the same settings (nothing to
    // compare with when no customer is known by then).
    let before = has_data_by(dataset, day_of(trend_from)).then(|| {
        let earlier = Settings {
            as_of: Some(trend_from),
            ..settings.clone()
        };
        crate::run(dataset, &earlier).summary.segments
    });
    let customers_before = |segment: RfmSegment| {
        let stats = before.as_ref()?;
        Some(stats.iter().find(|s| s.segment == segment).map_or(0, |s| s.customers))
    };
    let focus = Priority::ALL
        .into_iter()
        .filter_map(|priority| {
            let (candidates, by_revenue) = priority.candidates();
            // Reversed, so that among equals the first in table order wins.
            let stat = segments
                .iter()
                .rev()
                .filter(|s| candidates.contains(&s.segment) && s.customers > 0)
                .max_by(|a, b| match by_revenue {
                    true => a.revenue_share.total_cmp(&b.revenue_share),
                    false => a.customers.cmp(&b.customers),
                })?;
            Some(FocusSegment {
                priority,
                segment: stat.segment,
                customers: stat.customers,
                customer_share: stat.customer_share,
                revenue_share: stat.revenue_share,
                customers_before: customers_before(stat.segment),
            })
        })
        .collect();
    Briefing { focus, trend_from }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::paid;
    use segscope_model::date::date_of;

    /// Thirty buyers over a year, every mix of recency (five steps of 70
    /// days) and frequency (one to six orders).
    fn shop() -> (Dataset, NaiveDate) {
        let start = day_of(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
        let keys: Vec<String> = (0..30).map(|i| format!("c{i}")).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let mut orders = Vec::new();
        for c in 0..30u32 {
            let (frequency, offset) = (1 + c as i32 % 6, (c as i32 / 6) * 70);
            orders.extend((0..frequency).map(|k| (c, start + 359 - offset - 5 * k, 50.0 + f64::from(c))));
        }
        (paid(&keys, &orders), date_of(start + 360))
    }

    #[test]
    fn one_segment_per_priority_with_its_trend() {
        let (dataset, as_of) = shop();
        let settings = Settings {
            as_of: Some(as_of),
            ..Settings::default()
        };
        let analysis = crate::run(&dataset, &settings);
        let b = briefing(&dataset, &settings, as_of, &analysis.summary.segments);
        assert_eq!(b.trend_from, as_of - Duration::days(TREND_DAYS));
        let priorities: Vec<Priority> = b.focus.iter().map(|f| f.priority).collect();
        let mut expected = priorities.clone();
        expected.dedup();
        assert_eq!(priorities, expected, "at most one segment per priority, in order");
        for f in &b.focus {
            let (candidates, _) = f.priority.candidates();
            assert!(candidates.contains(&f.segment), "{f:?}");
            let stat = analysis
                .summary
                .segments
                .iter()
                .find(|s| s.segment == f.segment)
                .unwrap();
            assert_eq!((f.customers, f.revenue_share), (stat.customers, stat.revenue_share));
            // Orders were dated 90 days earlier, so every trend is known.
            assert!(f.customers_before.is_some());
        }
        assert_eq!(priorities, Priority::ALL, "{b:?}");
    }

    #[test]
    fn nothing_to_say_without_buyers() {
        let dataset = paid(&["a"], &[]);
        let as_of = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        let b = briefing(&dataset, &Settings::default(), as_of, &[]);
        assert!(b.focus.is_empty());
    }
}
