//! Special functions the CLV models need and Rust's standard library lacks:
//! the digamma function and the Gauss hypergeometric function ₂F₁ (ln Γ
//! comes from `libm`).

/// Most terms [`hyp2f1`] sums before giving up.
const MAX_TERMS: u32 = 200_000;

/// Relative size of the remaining tail at which [`hyp2f1`] stops.
const TOLERANCE: f64 = 1e-15;

/// ln Γ(x) for x > 0 (NaN otherwise).
pub(crate) fn ln_gamma(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        return f64::NAN;
    }
    libm::lgamma(x)
}

/// The digamma function ψ(x) = d ln Γ(x)/dx for x > 0 (NaN otherwise): the
/// recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series
/// ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) to k = 5 (error below 1e-13 there).
pub(crate) fn digamma(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 || x.is_infinite() {
        return f64::NAN;
    }
    let mut x = x;
    let mut shift = 0.0;
    while x < 10.0 {
        shift -= 1.0 / x;
        x += 1.0;
    }
    let f = 1.0 / (x * x);
    let series = f * (1.0 / 12.0 - f * (1.0 / 120.0 - f * (1.0 / 252.0 - f * (1.0 / 240.0 - f / 132.0))));
    shift + x.ln() - 0.5 / x - series
}

/// Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 by its power
/// series Σₙ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ. Summing stops once the terms shrink
/// geometrically (next-term ratio ρ < 1) and the tail bound |term|·ρ/(1 − ρ)
/// is below 1e-15 of the sum. `None` when z is outside [0, 1), c is a
/// non-positive integer the series meets, the sum overflows, or it has not
/// converged after 200 000 terms (z extremely close to 1).
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    series(a, b, c, z).map(|(sum, _)| sum)
}

/// How many terms after the first [`hyp2f1`] adds before it stops, the
/// bound a warehouse script sums to (docs/warehouse.md#predicted-lifetime-value).
pub fn hyp2f1_terms(a: f64, b: f64, c: f64, z: f64) -> Option<u32> {
    series(a, b, c, z).map(|(_, terms)| terms)
}

/// The sum of [`hyp2f1`] and the number of terms after the first it took.
fn series(a: f64, b: f64, c: f64, z: f64) -> Option<(f64, u32)> {
    if !((0.0..1.0).contains(&z) && a.is_finite() && b.is_finite() && c.is_finite()) {
        return None;
    }
    let mut term = 1.0_f64;
    let mut sum = 1.0_f64;
    for k in 0..MAX_TERMS {
        let n = f64::from(k);
        let denominator = (c + n) * (n + 1.0);
        if denominator == 0.0 {
            return None;
        }
        term *= (a + n) * (b + n) / denominator * z;
        sum += term;
        if !sum.is_finite() {
            return None;
        }
        if term == 0.0 {
            return Some((sum, k + 1));
        }
        let ratio = ((a + n + 1.0) * (b + n + 1.0) / ((c + n + 1.0) * (n + 2.0)) * z).abs();
        if ratio < 1.0 && (term * ratio / (1.0 - ratio)).abs() <= TOLERANCE * sum.abs() {
            return Some((sum, k + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: f64, y: f64, rel: f64) -> bool {
        (x - y).abs() <= rel * y.abs().max(1e-300)
    }

    #[test]
    fn digamma_matches_known_values() {
        let euler = 0.577_215_664_901_532_9;
        assert!(close(digamma(1.0), -euler, 1e-13));
        assert!(close(digamma(0.5), -euler - 2.0 * 2f64.ln(), 1e-13));
        assert!(close(digamma(10.0), 2.251_752_589_066_721, 1e-13));
        assert!(close(digamma(1e-3), -1000.0 - euler + 1.644_934 * 1e-3, 1e-8));
        assert!(digamma(0.0).is_nan() && digamma(-1.0).is_nan() && digamma(f64::NAN).is_nan());
    }

    #[test]
    fn digamma_is_the_derivative_of_ln_gamma() {
        for &x in &[0.3, 1.7, 4.2, 25.0, 300.0] {
            let h = 1e-5 * x;
            let numeric = (ln_gamma(x + h) - ln_gamma(x - h)) / (2.0 * h);
            assert!(close(digamma(x), numeric, 1e-7), "x = {x}");
        }
    }

    #[test]
    fn hyp2f1_matches_closed_forms() {
        for z in [0.0_f64, 0.1, 0.5, 0.9, 0.99] {
            // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z.
            let log_form = if z == 0.0 { 1.0 } else { -(1.0 - z).ln() / z };
            assert!(
                close(hyp2f1(1.0, 1.0, 2.0, z).unwrap_or(0.0), log_form, 1e-12),
                "z = {z}"
            );
            // ₂F₁(a, b; b; z) = (1 − z)^−a.
            let power = (1.0 - z).powf(-0.7);
            assert!(close(hyp2f1(0.7, 2.5, 2.5, z).unwrap_or(0.0), power, 1e-12), "z = {z}");
            // ₂F₁(½, 1; 3/2; z²)·… : arctanh(x)/x = ₂F₁(½, 1; 3/2; x²).
            let x = z.sqrt();
            let atanh = if x == 0.0 { 1.0 } else { x.atanh() / x };
            assert!(close(hyp2f1(0.5, 1.0, 1.5, z).unwrap_or(0.0), atanh, 1e-12), "z = {z}");
        }
        // A terminating series: ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1)).
        let (b, c, z) = (1.5, 2.5, 0.4);
        let poly = 1.0 - 2.0 * b * z / c + b * (b + 1.0) * z * z / (c * (c + 1.0));
        assert!(close(hyp2f1(-2.0, b, c, z).unwrap_or(0.0), poly, 1e-14));
    }

    #[test]
    fn hyp2f1_refuses_what_it_cannot_sum() {
        assert_eq!(hyp2f1(1.0, 1.0, 2.0, 1.0), None);
        assert_eq!(hyp2f1(1.0, 1.0, 2.0, -0.5), None);
        assert_eq!(hyp2f1(1.0, 1.0, -1.0, 0.5), None);
        assert_eq!(hyp2f1(f64::NAN, 1.0, 2.0, 0.5), None);
        assert_eq!(hyp2f1(1.0, 1.0, 2.0, f64::NAN), None);
    }
}
