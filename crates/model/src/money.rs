//! Money in whole cents (docs/product.md#per-customer-metrics): every sum,
//! ranking and comparison of paid amounts adds integers, so the browser and
//! the warehouse SQL (which sums `DECIMAL` cents) agree to the cent on ties.

/// An amount in cents: first rounded to millionths (the precision a text
/// export can carry), then to cents half away from zero. `2.675` (stored as
/// 2.67499…) is 268 cents, as `ROUND(CAST('2.675' AS DECIMAL(38, 6)), 2)` is
/// in SQL; non-finite amounts are 0; beyond ±9.2·10¹² units it saturates.
pub fn to_cents(amount: f64) -> i64 {
    if !amount.is_finite() {
        return 0;
    }
    let micros = (amount * 1e6).round() as i64;
    let half_up = |m: i64| m.saturating_add(5_000) / 10_000;
    if micros >= 0 {
        half_up(micros)
    } else {
        -half_up(micros.saturating_neg())
    }
}

/// Cents as currency units (`1090` → `10.9`): one correctly rounded division,
/// the same one SQL's `CAST(cents AS DOUBLE) / 100` performs.
pub fn from_cents(cents: i64) -> f64 {
    cents as f64 / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cents_round_the_written_decimal_half_away_from_zero() {
        assert_eq!(to_cents(10.9), 1090);
        assert_eq!(to_cents(2.675), 268);
        assert_eq!(to_cents(2.665), 267);
        assert_eq!(to_cents(0.005), 1);
        assert_eq!(to_cents(0.0049), 0);
        assert_eq!(to_cents(-2.675), -268);
        assert_eq!(to_cents(f64::NAN), 0);
        assert_eq!(to_cents(1e30), i64::MAX / 10_000);
        assert_eq!(from_cents(1090), 10.9);
        assert_eq!(from_cents(to_cents(0.1) + to_cents(0.2)), 0.3);
    }
}
