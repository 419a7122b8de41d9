//! The settings of the CLV prediction (docs/product.md#predicted-lifetime-value).

use super::summary::TimeUnit;
use crate::texts::t;
use segscope_i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest horizon offered, in months.
pub const MAX_HORIZON_MONTHS: u32 = 120;

/// Fewest repeat buyers a fit may be asked to settle for.
pub const MIN_REPEAT_BUYERS: u32 = 3;

/// How CLV is predicted.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClvSettings {
    /// Time unit of the models' rates and of T, tₓ.
    pub time_unit: TimeUnit,
    /// Months (of 30 days) ahead that purchases and CLV cover.
    pub horizon_months: u32,
    /// Discount rate per month (0.01 = 1 %).
    pub monthly_discount: f64,
    /// Fewest repeat buyers (with spend) needed before a fit is tried.
    pub min_repeat_buyers: u32,
}

impl Default for ClvSettings {
    fn default() -> Self {
        ClvSettings {
            time_unit: TimeUnit::Weeks,
            horizon_months: 12,
            monthly_discount: 0.01,
            min_repeat_buyers: 20,
        }
    }
}

impl ClvSettings {
    /// Checks that every value is usable; returns the first problem found.
    pub fn validate(&self) -> Result<(), ClvSettingsError> {
        if !(1..=MAX_HORIZON_MONTHS).contains(&self.horizon_months) {
            return Err(ClvSettingsError::Horizon {
                months: self.horizon_months,
            });
        }
        if !(0.0..1.0).contains(&self.monthly_discount) {
            return Err(ClvSettingsError::MonthlyDiscount);
        }
        if self.min_repeat_buyers < MIN_REPEAT_BUYERS {
            return Err(ClvSettingsError::TooFewRepeatBuyers {
                min_repeat_buyers: self.min_repeat_buyers,
            });
        }
        Ok(())
    }

    /// The settings with out-of-range values clamped into range (a NaN
    /// discount becomes 0), so an unchecked value never panics.
    pub(crate) fn clamped(&self) -> ClvSettings {
        let monthly_discount = if self.monthly_discount.is_finite() {
            self.monthly_discount.clamp(0.0, 0.99)
        } else {
            0.0
        };
        ClvSettings {
            time_unit: self.time_unit,
            horizon_months: self.horizon_months.clamp(1, MAX_HORIZON_MONTHS),
            monthly_discount,
            min_repeat_buyers: self.min_repeat_buyers.max(MIN_REPEAT_BUYERS),
        }
    }
}

/// Why CLV settings cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClvSettingsError {
    /// The horizon is outside 1..=[`MAX_HORIZON_MONTHS`] months.
    Horizon {
        /// The horizon asked for, in months.
        months: u32,
    },
    /// The monthly discount rate is not in [0, 1) (or not a number).
    MonthlyDiscount,
    /// Fewer repeat buyers than [`MIN_REPEAT_BUYERS`] would be enough for a fit.
    TooFewRepeatBuyers {
        /// The number asked for.
        min_repeat_buyers: u32,
    },
}

impl ClvSettingsError {
    /// The problem as a sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ClvSettingsError::Horizon { .. } => {
                t(lang, "settings.problem.clv_horizon").replace("{max}", &MAX_HORIZON_MONTHS.to_string())
            }
            ClvSettingsError::MonthlyDiscount => t(lang, "settings.problem.clv_discount").to_string(),
            ClvSettingsError::TooFewRepeatBuyers { .. } => {
                t(lang, "settings.problem.clv_repeat_buyers").replace("{min}", &MIN_REPEAT_BUYERS.to_string())
            }
        }
    }
}

impl fmt::Display for ClvSettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ClvSettingsError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_match_the_spec() {
        let s = ClvSettings::default();
        assert_eq!(s.validate(), Ok(()));
        assert_eq!((s.horizon_months, s.monthly_discount), (12, 0.01));
    }

    #[test]
    fn out_of_range_values_are_reported_and_clamped() {
        let bad = [
            ClvSettings {
                horizon_months: 0,
                ..ClvSettings::default()
            },
            ClvSettings {
                monthly_discount: f64::NAN,
                ..ClvSettings::default()
            },
            ClvSettings {
                monthly_discount: -0.1,
                ..ClvSettings::default()
            },
            ClvSettings {
                min_repeat_buyers: 1,
                ..ClvSettings::default()
            },
        ];
        for s in bad {
            assert!(s.validate().is_err(), "{s:?}");
            assert_eq!(s.clamped().validate(), Ok(()), "{s:?}");
        }
    }

    #[test]
    fn problems_read_as_before_in_both_languages() {
        let horizon = ClvSettingsError::Horizon { months: 0 };
        assert_eq!(horizon.message(Lang::En), "The CLV horizon must be 1 to 120 months.");
        assert_eq!(horizon.message(Lang::Zh), "CLV 预测期必须为 1 到 120 个月。");
        let discount = ClvSettingsError::MonthlyDiscount;
        assert_eq!(
            discount.message(Lang::En),
            "The monthly discount rate must be at least 0 % and below 100 %."
        );
        assert_eq!(discount.message(Lang::Zh), "月折现率必须大于等于 0%,且小于 100%。");
        let repeat = ClvSettingsError::TooFewRepeatBuyers { min_repeat_buyers: 1 };
        assert_eq!(repeat.to_string(), "A CLV fit needs at least 3 repeat buyers.");
        assert_eq!(repeat.message(Lang::Zh), "CLV 拟合至少需要 3 位复购客户。");
    }

    #[test]
    fn missing_fields_take_their_defaults() {
        let s: Result<ClvSettings, _> = serde_json::from_str(r#"{"time_unit":"days"}"#);
        assert_eq!(
            s.ok(),
            Some(ClvSettings {
                time_unit: TimeUnit::Days,
                ..ClvSettings::default()
            })
        );
    }
}
