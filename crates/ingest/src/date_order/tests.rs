//! The decision when every date is ambiguous, through the tracker (full
//! read) and through the sniff's samples (mapping step).

use super::convention::ConventionHint;
use super::plausibility::PlausibilityCue;
use super::reason::DateOrderReason;
use super::tracker::{DateDecision, DateOrderTracker};
use crate::sniff::sniff;
use crate::value::DateOrder;
use segscope_model::date::format_day;

/// Feeds `cells` through a tracker guessing `guess`, keeping each.
fn track(guess: DateOrder, convention: Option<ConventionHint>, cells: &[String]) -> DateDecision {
    let mut t = DateOrderTracker::with(guess, false, convention);
    for (i, cell) in cells.iter().enumerate() {
        if let Some(day) = t.read(cell.as_bytes()) {
            t.keep(day, Some(i as u32));
        }
    }
    t.decide()
}

/// `(year, month, day)` written `d/m/yyyy` or `m/d/yyyy`, with a time.
fn write(order: DateOrder, (y, m, d): (i32, u32, u32), time: &str) -> String {
    match order {
        DateOrder::DayFirst => format!("{d}/{m}/{y} {time}"),
        DateOrder::MonthFirst => format!("{m}/{d}/{y} {time}"),
    }
}

/// The UCI Online Retail opening: 1–5 December 2010, several rows a day, in time order.
fn uci_days() -> Vec<(i32, u32, u32)> {
    (1..=5).flat_map(|d| [(2010, 12, d); 4]).collect()
}

fn range(d: &DateDecision) -> Option<(String, String)> {
    d.range.map(|(a, b)| (format_day(a), format_day(b)))
}

#[test]
fn uci_month_first_dates_in_time_order_read_month_first() {
    let cells: Vec<String> = uci_days()
        .into_iter()
        .enumerate()
        .map(|(i, ymd)| write(DateOrder::MonthFirst, ymd, &format!("{}:26", 8 + i % 9)))
        .collect();
    assert_eq!(cells[0], "12/1/2010 8:26");
    let d = track(DateOrder::DayFirst, None, &cells);
    assert_eq!(d.order, Some(DateOrder::MonthFirst));
    let Some(DateOrderReason::Plausible(p)) = d.reason else {
        panic!("{:?}", d.reason);
    };
    assert_eq!(p.cue, PlausibilityCue::Span);
    assert_eq!(p.chosen.span_days, 4);
    assert_eq!(p.other.span_days, 120); // 12 January … 12 May
    assert_eq!(d.reread.len(), cells.len());
    assert_eq!(range(&d), Some(("2010-12-01".into(), "2010-12-05".into())));
}

#[test]
fn the_same_dates_written_day_first_read_day_first() {
    let cells: Vec<String> = uci_days()
        .into_iter()
        .map(|ymd| write(DateOrder::DayFirst, ymd, "10:00"))
        .collect();
    assert_eq!(cells[0], "1/12/2010 10:00");
    for guess in [DateOrder::DayFirst, DateOrder::MonthFirst] {
        let d = track(guess, Some(ConventionHint::MonthFirstPlatform), &cells);
        assert_eq!(d.order, Some(DateOrder::DayFirst));
        assert!(
            matches!(d.reason, Some(DateOrderReason::Plausible(_))),
            "{:?}",
            d.reason
        );
        assert_eq!(d.reread.is_empty(), guess == DateOrder::DayFirst);
        assert_eq!(range(&d), Some(("2010-12-01".into(), "2010-12-05".into())));
    }
}

#[test]
fn day_first_dates_up_to_the_12th_of_three_months_in_order_read_day_first() {
    let days: Vec<(i32, u32, u32)> = (1..=3).flat_map(|m| (1..=12).map(move |d| (2020, m, d))).collect();
    let cells: Vec<String> = days
        .iter()
        .map(|ymd| write(DateOrder::DayFirst, *ymd, "09:00"))
        .collect();
    let d = track(DateOrder::MonthFirst, None, &cells);
    assert_eq!(d.order, Some(DateOrder::DayFirst));
    let Some(DateOrderReason::Plausible(p)) = d.reason else {
        panic!("{:?}", d.reason);
    };
    assert!(p.chosen.span_days < p.other.span_days / 2, "{p:?}");
    assert_eq!(range(&d), Some(("2020-01-01".into(), "2020-03-12".into())));
}

#[test]
fn a_full_year_up_to_the_12th_decides_by_file_order() {
    // Both readings span the year; only day-first moves forward in small steps.
    let days: Vec<(i32, u32, u32)> = (1..=12).flat_map(|m| (1..=12).map(move |d| (2021, m, d))).collect();
    let cells: Vec<String> = days.iter().map(|ymd| write(DateOrder::DayFirst, *ymd, "")).collect();
    let d = track(DateOrder::MonthFirst, None, &cells);
    assert_eq!(d.order, Some(DateOrder::DayFirst));
    assert!(matches!(d.reason, Some(DateOrderReason::Plausible(p)) if p.cue == PlausibilityCue::FileOrder));
}

#[test]
fn shuffled_rows_in_a_compact_span_still_decide() {
    let mut days = uci_days();
    // A fixed shuffle: every 7th element modulo the length.
    let n = days.len();
    days = (0..n).map(|i| days[(i * 7) % n]).collect();
    let cells: Vec<String> = days.iter().map(|ymd| write(DateOrder::MonthFirst, *ymd, "")).collect();
    let d = track(DateOrder::DayFirst, None, &cells);
    assert_eq!(d.order, Some(DateOrder::MonthFirst));
    assert!(matches!(d.reason, Some(DateOrderReason::Plausible(p)) if p.cue == PlausibilityCue::Span));
}

#[test]
fn undecidable_dates_keep_the_guess_and_say_so() {
    // 3 April and 4 March, or 4 March and 3 April: the same either way.
    let cells: Vec<String> = ["3/4/2010", "4/3/2010", "3/4/2010", "4/3/2010"]
        .map(String::from)
        .to_vec();
    let d = track(DateOrder::DayFirst, None, &cells);
    assert_eq!(
        (d.order, d.reason),
        (Some(DateOrder::DayFirst), Some(DateOrderReason::Default))
    );
    // One repeated date: no pattern at all; the headers' convention decides.
    let cells = vec!["12/1/2010 8:26".to_string(); 50];
    let d = track(DateOrder::DayFirst, Some(ConventionHint::MonthFirstPlatform), &cells);
    assert_eq!(
        (d.order, d.reason),
        (
            Some(DateOrder::MonthFirst),
            Some(DateOrderReason::Convention(ConventionHint::MonthFirstPlatform))
        )
    );
    assert_eq!(d.reread.len(), 50);
    // No year-last date at all: no order and no reason.
    let d = track(DateOrder::DayFirst, None, &["2010-12-01".to_string()]);
    assert_eq!((d.order, d.reason), (None, None));
}

#[test]
fn a_fixed_order_is_the_users_choice() {
    let mut t = DateOrderTracker::with(DateOrder::MonthFirst, true, None);
    if let Some(day) = t.read(b"1/12/2010") {
        t.keep(day, Some(0));
    }
    let d = t.decide();
    assert_eq!(
        (d.order, d.reason),
        (Some(DateOrder::MonthFirst), Some(DateOrderReason::UserChoice))
    );
}

fn sniff_orders(header: &str, cells: &[String]) -> (DateOrder, DateOrderReason) {
    let mut text = format!("{header}\n");
    for (i, cell) in cells.iter().enumerate() {
        text.push_str(&format!("c{},{cell},{}.5\n", i % 7, 10 + i));
    }
    let Ok(s) = sniff("o.csv", text.as_bytes(), true) else {
        panic!("a plain orders file sniffs");
    };
    (s.date_order, s.date_order_reason)
}

#[test]
fn the_sniff_decides_from_the_samples_with_the_same_reasons() {
    let header = "customer_id,order_date,amount";
    let month_first: Vec<String> = uci_days()
        .into_iter()
        .map(|ymd| write(DateOrder::MonthFirst, ymd, "8:26"))
        .collect();
    let (order, reason) = sniff_orders(header, &month_first);
    assert_eq!(order, DateOrder::MonthFirst);
    assert!(
        matches!(reason, DateOrderReason::Plausible(p) if p.chosen.span_days == 4),
        "{reason:?}"
    );
    let day_first: Vec<String> = uci_days()
        .into_iter()
        .map(|ymd| write(DateOrder::DayFirst, ymd, "8:26"))
        .collect();
    assert_eq!(sniff_orders(header, &day_first).0, DateOrder::DayFirst);
    let proof = vec!["25/01/2024".to_string(), "03/02/2024".to_string()];
    assert_eq!(
        sniff_orders(header, &proof),
        (
            DateOrder::DayFirst,
            DateOrderReason::Proven {
                day_first: 1,
                month_first: 0
            }
        )
    );
    let one_day = vec!["12/1/2010".to_string(); 3];
    assert_eq!(
        sniff_orders(header, &one_day),
        (DateOrder::DayFirst, DateOrderReason::Default)
    );
    assert_eq!(
        sniff_orders("Cliente,Fecha,Importe", &one_day),
        (
            DateOrder::DayFirst,
            DateOrderReason::Convention(ConventionHint::DayFirstLanguage)
        )
    );
}

#[test]
fn auto_after_a_choice_decides_from_the_samples_again() {
    let mut text = String::from("customer_id,order_date,amount\n");
    for ymd in uci_days() {
        text.push_str(&format!("c1,{},5\n", write(DateOrder::MonthFirst, ymd, "")));
    }
    let Ok(mut s) = sniff("o.csv", text.as_bytes(), true) else {
        panic!("a plain orders file sniffs");
    };
    (s.date_order, s.date_order_fixed) = (DateOrder::DayFirst, true);
    s.redecide_date_order();
    assert!(!s.date_order_fixed);
    assert_eq!(s.date_order, DateOrder::MonthFirst);
    assert!(matches!(s.date_order_reason, DateOrderReason::Plausible(_)));
}
