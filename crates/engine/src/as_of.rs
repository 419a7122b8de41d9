//! The as-of day against which recency is measured (docs/product.md#settings).

use crate::settings::Settings;
use segscope_model::date;
use segscope_model::{Dataset, Day};

/// The latest dated day of the data: of an order of any status (a customer
/// summary's last orders included) or an event; with none of those, of a signup; `None`
/// when nothing in the data is dated (a summary without order dates).
pub fn latest_dated_day(dataset: &Dataset) -> Option<Day> {
    let last_event = dataset.events.day().iter().copied().max();
    dataset
        .last_order_day()
        .max(last_event)
        .or_else(|| dataset.customers.signup().iter().flatten().copied().max())
}

/// The default as-of day: the day after [`latest_dated_day`]; day 0 when
/// nothing is dated (the summary then shows no as-of date).
pub fn default_as_of(dataset: &Dataset) -> Day {
    latest_dated_day(dataset).map_or(0, |day| day.saturating_add(1))
}

/// The as-of day in force: the settings' date if set, the default otherwise.
pub fn resolve_as_of(dataset: &Dataset, settings: &Settings) -> Day {
    settings.as_of.map_or_else(|| default_as_of(dataset), date::day_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_model::OrderStatus;

    #[test]
    fn defaults_to_the_day_after_the_latest_order() {
        let mut d = Dataset::default();
        assert_eq!(default_as_of(&d), 0);
        d.customers.push("a".into());
        d.customers.set_signup(0, Some(100));
        assert_eq!(default_as_of(&d), 101);
        d.orders.push(0, 40, 1.0, OrderStatus::Paid);
        d.orders.push(0, 60, 1.0, OrderStatus::Cancelled);
        assert_eq!(default_as_of(&d), 61);
        d.events.push(0, 70, segscope_model::EventKind::Like);
        assert_eq!(default_as_of(&d), 71);
    }

    #[test]
    fn settings_date_wins() {
        let d = Dataset::default();
        let settings = Settings {
            as_of: chrono::NaiveDate::from_ymd_opt(2024, 1, 5),
            ..Settings::default()
        };
        assert_eq!(resolve_as_of(&d, &settings), 19727);
    }
}
