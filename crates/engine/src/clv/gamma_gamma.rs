//! The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV:
//! using iso-value curves for customer base analysis", JMR 42(4); Fader &
//! Hardie's note "The Gamma-Gamma model of monetary value", 2013): a
//! customer's spends are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers,
//! so the mean m̄ of x repeat spends has density
//! Γ(px+q)/(Γ(px)Γ(q)) · γ^q m̄^(px−1) x^(px) / (γ + m̄x)^(px+q).
//! Fitted by maximum likelihood on the repeat buyers (x > 0, m̄ > 0).

use super::compensated::Sum;
use super::optimize::minimize;
use super::special::{digamma, ln_gamma};
use super::summary::CustomerSummary;
use serde::{Deserialize, Serialize};

/// Iterations the optimiser may use.
const MAX_ITERATIONS: u32 = 500;

/// Fitted Gamma-Gamma parameters (γ in the data's currency).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GammaGammaFit {
    /// Shape of each customer's spend distribution.
    pub p: f64,
    /// Shape of the Gamma distribution of spend scales across customers.
    pub q: f64,
    /// Scale of the Gamma distribution of spend scales across customers.
    pub gamma: f64,
    /// Log-likelihood at the fit, over the repeat buyers.
    pub log_likelihood: f64,
    /// Optimiser iterations used.
    pub iterations: u32,
    /// True when the optimiser found a point where the gradient vanishes.
    pub converged: bool,
}

impl GammaGammaFit {
    /// Expected spend per purchase given the customer's history:
    /// (γ + m̄x)p/(px + q − 1), a weighted mean of the population mean
    /// γp/(q − 1) and the customer's own m̄ (the population mean for x = 0).
    /// `None` where the mean is infinite (px + q ≤ 1).
    pub fn expected_spend(&self, customer: &CustomerSummary) -> Option<f64> {
        let x = f64::from(customer.frequency);
        let m = if customer.frequency > 0 && customer.monetary.is_finite() {
            customer.monetary.max(0.0)
        } else {
            0.0
        };
        let denominator = self.p * x + self.q - 1.0;
        let value = (self.gamma + m * x) * self.p / denominator;
        (denominator > 0.0 && value.is_finite()).then_some(value)
    }
}

/// Customers the spend model learns from: repeat buyers with a positive,
/// finite mean spend.
pub fn is_spend_sample(customer: &CustomerSummary) -> bool {
    customer.frequency > 0 && customer.monetary > 0.0 && customer.monetary.is_finite()
}

/// The Gamma-Gamma log-likelihood of the repeat buyers among `customers`
/// (see [`is_spend_sample`]) at (p, q, γ); NaN for non-positive parameters.
pub fn log_likelihood(p: f64, q: f64, gamma: f64, customers: &[CustomerSummary]) -> f64 {
    if !(p > 0.0 && q > 0.0 && gamma > 0.0) {
        return f64::NAN;
    }
    evaluate(&Groups::of(customers, 1.0), [p, q, gamma], &mut [0.0; 3])
}

/// Fits the Gamma-Gamma model to the repeat buyers among `customers` by
/// maximum likelihood (BFGS on the log-parameters, spends scaled to mean 1);
/// `None` when there is no repeat buyer with spend.
pub fn fit(customers: &[CustomerSummary]) -> Option<GammaGammaFit> {
    let (count, total) = customers
        .iter()
        .filter(|c| is_spend_sample(c))
        .fold((0.0, 0.0), |(n, sum), c| (n + 1.0, sum + c.monetary));
    if count == 0.0 {
        return None;
    }
    let mean = total / count;
    let groups = Groups::of(customers, 1.0 / mean);
    let objective = |theta: &[f64; 3], grad: &mut [f64; 3]| {
        let p = theta.map(f64::exp);
        let mut g = [0.0; 3];
        let ll = evaluate(&groups, p, &mut g);
        for i in 0..3 {
            grad[i] = -g[i] * p[i] / groups.customers;
        }
        -ll / groups.customers
    };
    let min = minimize(objective, [0.0; 3], None, MAX_ITERATIONS);
    let [p, q, gamma] = min.x.map(f64::exp);
    Some(GammaGammaFit {
        p,
        q,
        gamma: gamma * mean,
        // Dividing spends by `mean` multiplies each density by `mean`.
        log_likelihood: -min.value * groups.customers - mean.ln() * groups.customers,
        iterations: min.iterations,
        converged: min.converged,
    })
}

/// Repeat buyers with equal (x, m̄): `count` of them.
struct Group {
    x: u32,
    monetary: f64,
    ln_monetary: f64,
    count: f64,
}

/// The spend sample grouped, ascending by x.
struct Groups {
    rows: Vec<Group>,
    customers: f64,
}

impl Groups {
    /// Groups the spend sample with spends multiplied by `scale`.
    fn of(customers: &[CustomerSummary], scale: f64) -> Groups {
        let mut keys: Vec<(u32, u64)> = customers
            .iter()
            .filter(|c| is_spend_sample(c))
            .map(|c| (c.frequency, (c.monetary * scale).to_bits()))
            .collect();
        keys.sort_unstable();
        let mut rows: Vec<Group> = Vec::new();
        for (x, monetary) in keys {
            let monetary = f64::from_bits(monetary);
            match rows.last_mut() {
                Some(g) if g.x == x && g.monetary == monetary => g.count += 1.0,
                _ => rows.push(Group {
                    x,
                    monetary,
                    ln_monetary: monetary.ln(),
                    count: 1.0,
                }),
            }
        }
        let customers = rows.iter().map(|g| g.count).sum();
        Groups { rows, customers }
    }
}

/// Log-likelihood of `groups` at (p, q, γ); writes its gradient with respect
/// to them into `grad`. The ln Γ and ψ terms are computed once per distinct x.
fn evaluate(groups: &Groups, params: [f64; 3], grad: &mut [f64; 3]) -> f64 {
    let [p, q, gamma] = params;
    let (ln_gamma_q, psi_q, ln_scale) = (ln_gamma(q), digamma(q), gamma.ln());
    let mut current = None;
    let (mut ln_ratio, mut psi_pxq, mut psi_px, mut ln_x) = (0.0, 0.0, 0.0, 0.0);
    let mut ll = Sum::default();
    let mut g = [Sum::default(); 3];
    for row in &groups.rows {
        let x = f64::from(row.x);
        let px = p * x;
        if current != Some(row.x) {
            current = Some(row.x);
            ln_ratio = ln_gamma(px + q) - ln_gamma(px);
            psi_pxq = digamma(px + q);
            psi_px = digamma(px);
            ln_x = x.ln();
        }
        let total = gamma + row.monetary * x;
        let ln_total = total.ln();
        let n = row.count;
        ll.add(
            n * (ln_ratio - ln_gamma_q + q * ln_scale + (px - 1.0) * row.ln_monetary + px * ln_x - (px + q) * ln_total),
        );
        g[0].add(n * x * (psi_pxq - psi_px + row.ln_monetary + ln_x - ln_total));
        g[1].add(n * (psi_pxq - psi_q + ln_scale - ln_total));
        g[2].add(n * (q / gamma - (px + q) / total));
    }
    *grad = g.map(Sum::value);
    ll.value()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn buyer(frequency: u32, monetary: f64) -> CustomerSummary {
        CustomerSummary {
            frequency,
            recency: 1.0,
            age: 2.0,
            monetary,
        }
    }

    #[test]
    fn log_likelihood_matches_hand_computed_values() {
        const LL_A: f64 = -3.551_189_164_140;
        const LL_B: f64 = -7.855_999_555_853;
        // Computed independently with Python's math.lgamma from the density above.
        let (p, q, gamma) = (6.25, 3.74, 15.44);
        let a = [buyer(2, 22.345)];
        assert!((log_likelihood(p, q, gamma, &a) - LL_A).abs() < 1e-9);
        let b = [buyer(9, 120.5)];
        assert!((log_likelihood(p, q, gamma, &b) - LL_B).abs() < 1e-9);
        // One-time buyers and zero spends are not in the spend sample.
        let all = [a[0], b[0], buyer(0, 0.0), buyer(3, 0.0), a[0]];
        assert!((log_likelihood(p, q, gamma, &all) - (2.0 * LL_A + LL_B)).abs() < 1e-9);
        assert!(log_likelihood(p, -1.0, gamma, &all).is_nan());
    }

    #[test]
    fn gradient_matches_finite_differences() {
        let groups = Groups::of(&[buyer(1, 10.0), buyer(1, 30.0), buyer(4, 18.0), buyer(12, 25.0)], 1.0);
        let params = [2.0, 3.5, 12.0];
        let mut grad = [0.0; 3];
        evaluate(&groups, params, &mut grad);
        for i in 0..3 {
            let h = 1e-6 * params[i];
            let (mut up, mut down) = (params, params);
            up[i] += h;
            down[i] -= h;
            let numeric = (evaluate(&groups, up, &mut [0.0; 3]) - evaluate(&groups, down, &mut [0.0; 3])) / (2.0 * h);
            assert!(
                (grad[i] - numeric).abs() < 1e-6 * numeric.abs().max(1.0),
                "{i}: {grad:?} vs {numeric}"
            );
        }
    }

    #[test]
    fn expected_spend_shrinks_towards_the_population_mean() {
        let fit = GammaGammaFit {
            p: 6.25,
            q: 3.74,
            gamma: 15.44,
            log_likelihood: 0.0,
            iterations: 0,
            converged: true,
        };
        let population = 15.44 * 6.25 / 2.74;
        let none = fit.expected_spend(&buyer(0, 0.0)).unwrap_or(0.0);
        assert!((none - population).abs() < 1e-12);
        let few = fit.expected_spend(&buyer(1, 100.0)).unwrap_or(0.0);
        let many = fit.expected_spend(&buyer(20, 100.0)).unwrap_or(0.0);
        assert!(population < few && few < many && many < 100.0);
        let heavy = GammaGammaFit { q: 0.9, ..fit };
        assert_eq!(heavy.expected_spend(&buyer(0, 0.0)), None);
    }

    #[test]
    fn fit_is_a_maximum_and_rescaling_spend_rescales_gamma_only() {
        // Drawn from the model with p = 4, q = 5, γ = 20 (integer shapes: sums of exponentials).
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut exponential = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            -((f64::from((state >> 33) as u32) + 0.5) / 4_294_967_296.0).ln()
        };
        let mut customers = Vec::new();
        for i in 0..1000u32 {
            let x = i % 6 + 1;
            let nu = (0..5).map(|_| exponential()).sum::<f64>() / 20.0;
            let total = (0..4 * x).map(|_| exponential()).sum::<f64>() / nu;
            customers.push(buyer(x, total / f64::from(x)));
        }
        let Some(f) = fit(&customers) else {
            panic!("no fit");
        };
        assert!(f.converged, "{f:?}");
        let ll = log_likelihood(f.p, f.q, f.gamma, &customers);
        assert!(
            (ll - f.log_likelihood).abs() < 1e-6 * ll.abs(),
            "{ll} vs {}",
            f.log_likelihood
        );
        for (i, factor) in [(0, 1.01), (1, 0.99), (2, 1.01)] {
            let mut p = [f.p, f.q, f.gamma];
            p[i] *= factor;
            assert!(log_likelihood(p[0], p[1], p[2], &customers) < ll);
        }
        let cents: Vec<CustomerSummary> = customers
            .iter()
            .map(|c| buyer(c.frequency, c.monetary * 100.0))
            .collect();
        let Some(g) = fit(&cents) else {
            panic!("no fit");
        };
        assert!((g.p / f.p - 1.0).abs() < 1e-5 && (g.q / f.q - 1.0).abs() < 1e-5);
        assert!((g.gamma / (100.0 * f.gamma) - 1.0).abs() < 1e-5);
    }

    #[test]
    fn no_spend_sample_gives_no_fit() {
        assert_eq!(fit(&[]), None);
        assert_eq!(fit(&[buyer(0, 5.0), buyer(2, 0.0), buyer(2, f64::NAN)]), None);
    }
}
