//! The BG/NBD purchase model (Fader, Hardie & Lee 2005, "Counting your
//! customers the easy way: an alternative to the Pareto/NBD model",
//! Marketing Science 24(2)): while alive a customer buys at a Poisson rate
//! λ ~ Gamma(r, α); after each purchase they drop out with probability
//! p ~ Beta(a, b). Fitted by maximum likelihood on (x, tₓ, T).
//!
//! Speed: customers with equal (x, tₓ, T) are grouped and weighted, and the
//! Gamma and Beta function ratios, which depend on x only, are running sums
//! over x (ln Γ(r+x) − ln Γ(r) = Σₖ₍ₓ ln(r+k), and likewise for the Beta
//! terms), so one evaluation costs about four logarithms per group.

use super::compensated::Sum;
use super::optimize::{minimize, Minimum};
use super::special::{digamma, hyp2f1, ln_gamma};
use super::summary::{CustomerSummary, TimeUnit};
use serde::{Deserialize, Serialize};

/// Iterations the optimiser may use.
const MAX_ITERATIONS: u32 = 500;

/// Times are scaled so that the oldest customer's T is this (as the Python
/// `lifetimes` package does), which makes the starting point (1, 1, 1, 1)
/// sensible in days and weeks alike.
const SCALED_MAX_AGE: f64 = 10.0;

/// Inputs with at least twice this many summaries are first fitted on an
/// evenly spaced sample of about this many, whose optimum starts the full fit
/// (a few iterations then instead of dozens).
const WARM_START_SAMPLE: usize = 10_000;

/// Beyond this jump in x the running sums restart from ln Γ and ψ.
const SUM_JUMP: u32 = 64;

/// Fitted BG/NBD parameters (rates per [`BgNbdFit::time_unit`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BgNbdFit {
    /// Shape of the Gamma distribution of purchase rates.
    pub r: f64,
    /// Scale (in time units) of the Gamma distribution of purchase rates.
    pub alpha: f64,
    /// First shape of the Beta distribution of dropout probabilities.
    pub a: f64,
    /// Second shape of the Beta distribution of dropout probabilities.
    pub b: f64,
    /// Log-likelihood at the fit (FHL 2005 eq. 6 summed over customers).
    pub log_likelihood: f64,
    /// Optimiser iterations used.
    pub iterations: u32,
    /// True when the optimiser found a point where the gradient vanishes.
    pub converged: bool,
    /// The time unit of α and of every time given to the predictions.
    pub time_unit: TimeUnit,
}

impl BgNbdFit {
    /// P(alive | x, tₓ, T) (FHL 2005 eq. 11): 1 for x = 0, else
    /// 1 / (1 + a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)).
    pub fn p_alive(&self, customer: &CustomerSummary) -> f64 {
        if customer.frequency == 0 {
            return 1.0;
        }
        let x = f64::from(customer.frequency);
        let ln_odds = (self.a / (self.b + x - 1.0)).ln()
            + (self.r + x) * ((self.alpha + customer.age).ln() - (self.alpha + customer.recency).ln());
        1.0 / (1.0 + ln_odds.exp())
    }

    /// Expected purchases in the next `t` time units given the customer's
    /// history (FHL 2005 eq. 10): P(alive) × [`Self::expected_if_alive`].
    /// `None` where the hypergeometric series fails (see [`hyp2f1`]).
    pub fn expected_purchases(&self, customer: &CustomerSummary, t: f64) -> Option<f64> {
        Some(self.p_alive(customer) * self.expected_if_alive(customer.frequency, customer.age, t)?)
    }

    /// Expected purchases in the next `t` units of a customer alive now with
    /// x repeat purchases and age T:
    /// (a+b+x−1)/(a−1) · [1 − (1−z)^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)],
    /// z = t/(α+T+t). By Euler's transformation the bracket is
    /// 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose series converges
    /// fast and cannot overflow for large x. At a = 1 (a removable
    /// singularity) a is taken as 1 + 1e-6.
    pub(crate) fn expected_if_alive(&self, frequency: u32, age: f64, t: f64) -> Option<f64> {
        if t == 0.0 {
            return Some(0.0);
        }
        let a = self.a_in_outlook();
        let x = f64::from(frequency);
        let kept = (self.alpha + age) / (self.alpha + age + t);
        let [sa, sb, sc] = self.outlook_series(frequency);
        let series = hyp2f1(sa, sb, sc, t / (self.alpha + age + t))?;
        let value = (a + self.b + x - 1.0) / (a - 1.0) * (1.0 - kept.powf(a - 1.0) * series);
        value.is_finite().then_some(value.max(0.0))
    }

    /// The `a` the outlook uses: `a`, or 1 + 1e-6 within 1e-6 of the
    /// removable singularity at 1.
    pub fn a_in_outlook(&self) -> f64 {
        if (self.a - 1.0).abs() < 1e-6 {
            1.0 + 1e-6
        } else {
            self.a
        }
    }

    /// The parameters (A, B, C) of the ₂F₁ series in
    /// [`Self::expected_if_alive`] for x repeat purchases:
    /// (a+b−1−r, a−1, a+b+x−1), with `a` from [`Self::a_in_outlook`].
    pub fn outlook_series(&self, frequency: u32) -> [f64; 3] {
        let a = self.a_in_outlook();
        let (r, b, x) = (self.r, self.b, f64::from(frequency));
        [a + b - 1.0 - r, a - 1.0, a + b + x - 1.0]
    }
}

/// The BG/NBD log-likelihood of `customers` at (r, α, a, b), times in the
/// customers' unit; NaN for non-positive parameters. Summaries with
/// non-finite times, or tₓ outside [0, T], are left out.
pub fn log_likelihood(r: f64, alpha: f64, a: f64, b: f64, customers: &[CustomerSummary]) -> f64 {
    if !(r > 0.0 && alpha > 0.0 && a > 0.0 && b > 0.0) {
        return f64::NAN;
    }
    evaluate(&Groups::of(customers, 1.0), [r, alpha, a, b], &mut [0.0; 4])
}

/// Fits the BG/NBD model to `customers` by maximum likelihood (BFGS on the
/// log-parameters from (1, 1, 1, 1), times scaled so the largest T is 10,
/// warm-started on a sample for large inputs); `None` when no summary is
/// usable.
pub fn fit(customers: &[CustomerSummary], time_unit: TimeUnit) -> Option<BgNbdFit> {
    let max_age = customers
        .iter()
        .filter(|c| usable(c))
        .fold(0.0_f64, |m, c| m.max(c.age));
    let scale = if max_age > 0.0 { SCALED_MAX_AGE / max_age } else { 1.0 };
    let groups = Groups::of(customers, scale);
    if groups.customers == 0.0 {
        return None;
    }
    // On large inputs, most iterations happen on an evenly spaced sample first.
    let stride = customers.len() / WARM_START_SAMPLE;
    let (start, curvature, warm_up) = if stride >= 2 {
        let sample: Vec<CustomerSummary> = customers.iter().step_by(stride).copied().collect();
        let warm = maximise(&Groups::of(&sample, scale), [0.0; 4], None);
        (warm.x, Some(warm.inverse_hessian), warm.iterations)
    } else {
        ([0.0; 4], None, 0)
    };
    let min = maximise(&groups, start, curvature);
    let [r, alpha, a, b] = min.x.map(f64::exp);
    Some(BgNbdFit {
        r,
        alpha: alpha / scale,
        a,
        b,
        // Scaling times by s multiplies each customer's likelihood by s^−x.
        log_likelihood: -min.value * groups.customers + scale.ln() * groups.repeats,
        iterations: warm_up + min.iterations,
        converged: min.converged,
        time_unit,
    })
}

/// Maximises the likelihood of `groups` from log-parameters `start`.
fn maximise(groups: &Groups, start: [f64; 4], curvature: Option<[[f64; 4]; 4]>) -> Minimum<4> {
    let objective = |theta: &[f64; 4], grad: &mut [f64; 4]| {
        let p = theta.map(f64::exp);
        let mut g = [0.0; 4];
        let ll = evaluate(groups, p, &mut g);
        for i in 0..4 {
            grad[i] = -g[i] * p[i] / groups.customers;
        }
        -ll / groups.customers
    };
    minimize(objective, start, curvature, MAX_ITERATIONS)
}

/// A summary the likelihood can use: finite T and 0 ≤ tₓ ≤ T.
fn usable(c: &CustomerSummary) -> bool {
    c.age.is_finite() && c.recency >= 0.0 && c.recency <= c.age
}

/// Customers with equal (x, tₓ, T): `count` of them; tₓ and T are indexes
/// into [`Groups::times`].
struct Group {
    x: u32,
    recency: u32,
    age: u32,
    count: f64,
}

/// The usable summaries grouped, ascending by x.
struct Groups {
    rows: Vec<Group>,
    /// The distinct times (tₓ and T values), ascending: few (one per day of
    /// history), so ln(α + t) is taken once per time, not per customer.
    times: Vec<f64>,
    /// Number of customers.
    customers: f64,
    /// Σ x over customers.
    repeats: f64,
}

impl Groups {
    /// Groups the usable summaries with times multiplied by `scale`.
    fn of(customers: &[CustomerSummary], scale: f64) -> Groups {
        // `+ 0.0` turns −0 into 0, so equal times have equal bits.
        let bits = |t: f64| (t * scale + 0.0).to_bits();
        let usable: Vec<&CustomerSummary> = customers.iter().filter(|c| usable(c)).collect();
        let mut times: Vec<u64> = usable.iter().flat_map(|c| [bits(c.recency), bits(c.age)]).collect();
        times.sort_unstable();
        times.dedup();
        let index = |t: f64| u32::try_from(times.binary_search(&bits(t)).unwrap_or(0)).unwrap_or(0);
        let mut keys: Vec<(u32, u32, u32)> = usable
            .iter()
            .map(|c| (c.frequency, index(c.recency), index(c.age)))
            .collect();
        keys.sort_unstable();
        let mut rows: Vec<Group> = Vec::new();
        for (x, recency, age) in keys {
            match rows.last_mut() {
                Some(g) if (g.x, g.recency, g.age) == (x, recency, age) => g.count += 1.0,
                _ => rows.push(Group {
                    x,
                    recency,
                    age,
                    count: 1.0,
                }),
            }
        }
        let customers = rows.iter().map(|g| g.count).sum();
        let repeats = rows.iter().map(|g| g.count * f64::from(g.x)).sum();
        Groups {
            rows,
            times: times.into_iter().map(f64::from_bits).collect(),
            customers,
            repeats,
        }
    }
}

/// The terms of the likelihood that depend on x only, with their
/// derivatives: Σₖ₍ₓ ln(r+k), Σ 1/(r+k), Σ ln((b+k)/(a+b+k)), Σ 1/(b+k),
/// Σ 1/(a+b+k).
#[derive(Default)]
struct XTerms {
    x: u32,
    ln_r: f64,
    d_r: f64,
    ln_beta: f64,
    d_b: f64,
    d_ab: f64,
}

impl XTerms {
    /// Moves the sums up to `to` ≥ the current x: step by step for small
    /// jumps, from ln Γ and ψ for large ones.
    fn advance(&mut self, to: u32, r: f64, a: f64, b: f64) {
        if to - self.x > SUM_JUMP {
            let x = f64::from(to);
            *self = XTerms {
                x: to,
                ln_r: ln_gamma(r + x) - ln_gamma(r),
                d_r: digamma(r + x) - digamma(r),
                ln_beta: ln_gamma(b + x) - ln_gamma(b) - ln_gamma(a + b + x) + ln_gamma(a + b),
                d_b: digamma(b + x) - digamma(b),
                d_ab: digamma(a + b + x) - digamma(a + b),
            };
            return;
        }
        for k in self.x..to {
            let k = f64::from(k);
            self.ln_r += (r + k).ln();
            self.d_r += 1.0 / (r + k);
            self.ln_beta += (b + k).ln() - (a + b + k).ln();
            self.d_b += 1.0 / (b + k);
            self.d_ab += 1.0 / (a + b + k);
        }
        self.x = to;
    }
}

/// Log-likelihood of `groups` at p = (r, α, a, b); writes its gradient with
/// respect to p into `grad`. Per customer (FHL 2005 eq. 6):
/// L = B(a, b+x)/B(a, b) · Γ(r+x)αʳ/(Γ(r)(α+T)^(r+x))
///   + [x > 0] B(a+1, b+x−1)/B(a, b) · Γ(r+x)αʳ/(Γ(r)(α+tₓ)^(r+x)).
fn evaluate(groups: &Groups, p: [f64; 4], grad: &mut [f64; 4]) -> f64 {
    let [r, alpha, a, b] = p;
    let (ln_alpha, ln_a) = (alpha.ln(), a.ln());
    let ln_times: Vec<f64> = groups.times.iter().map(|t| (alpha + t).ln()).collect();
    let inv_times: Vec<f64> = groups.times.iter().map(|t| 1.0 / (alpha + t)).collect();
    let time = |i: u32, table: &[f64]| table.get(i as usize).copied().unwrap_or(f64::NAN);
    let mut terms = XTerms::default();
    let mut ll = Sum::default();
    let mut g = [Sum::default(); 4];
    for row in &groups.rows {
        if row.x != terms.x {
            terms.advance(row.x, r, a, b);
        }
        let x = f64::from(row.x);
        let rx = r + x;
        let ln_age = time(row.age, &ln_times);
        let alive = -rx * ln_age;
        // `dead` is the second term's log less the shared Γ and Beta parts;
        // w is its share of L.
        let (mix, w, ln_recency, b_x1) = if row.x == 0 {
            (alive, 0.0, 0.0, 1.0)
        } else {
            let b_x1 = b + x - 1.0;
            let ln_recency = time(row.recency, &ln_times);
            let dead = ln_a - b_x1.ln() - rx * ln_recency;
            let d = dead - alive;
            if d <= 0.0 {
                let e = d.exp();
                (alive + e.ln_1p(), e / (1.0 + e), ln_recency, b_x1)
            } else {
                let e = (-d).exp();
                (dead + e.ln_1p(), 1.0 / (1.0 + e), ln_recency, b_x1)
            }
        };
        let n = row.count;
        ll.add(n * (terms.ln_r + r * ln_alpha + terms.ln_beta + mix));
        g[0].add(n * (terms.d_r + ln_alpha - (1.0 - w) * ln_age - w * ln_recency));
        g[1].add(n * (r / alpha - rx * ((1.0 - w) * time(row.age, &inv_times) + w * time(row.recency, &inv_times))));
        g[2].add(n * (w / a - terms.d_ab));
        g[3].add(n * (terms.d_b - terms.d_ab - w / b_x1));
    }
    *grad = g.map(Sum::value);
    ll.value()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(frequency: u32, recency: f64, age: f64) -> CustomerSummary {
        CustomerSummary {
            frequency,
            recency,
            age,
            monetary: 0.0,
        }
    }

    /// The published CDNOW fit (FHL 2005), weeks.
    fn cdnow() -> BgNbdFit {
        BgNbdFit {
            r: 0.243,
            alpha: 4.414,
            a: 0.793,
            b: 2.426,
            log_likelihood: 0.0,
            iterations: 0,
            converged: true,
            time_unit: TimeUnit::Weeks,
        }
    }

    #[test]
    fn log_likelihood_matches_hand_computed_values() {
        // Computed independently with Python's math.lgamma from FHL eq. 6.
        let (r, alpha, a, b) = (0.243, 4.414, 0.793, 2.426);
        let one = [customer(2, 30.43, 38.86)];
        assert!((log_likelihood(r, alpha, a, b, &one) - (-9.458_606_307_1)).abs() < 1e-8);
        let zero = [customer(0, 0.0, 38.86)];
        assert!((log_likelihood(r, alpha, a, b, &zero) - (-0.554_713_276_4)).abs() < 1e-8);
        let many = [customer(70, 38.0, 39.0)];
        assert!((log_likelihood(r, alpha, a, b, &many) - (-41.275_674_984_9)).abs() < 1e-7);
        let all = [one[0], zero[0], many[0], one[0]];
        let sum = 2.0 * -9.458_606_307_1 - 0.554_713_276_4 - 41.275_674_984_9;
        assert!((log_likelihood(r, alpha, a, b, &all) - sum).abs() < 1e-7);
        assert!(log_likelihood(0.0, alpha, a, b, &all).is_nan());
    }

    #[test]
    fn gradient_matches_finite_differences() {
        let groups = Groups::of(
            &[
                customer(0, 0.0, 30.0),
                customer(3, 20.0, 35.0),
                customer(90, 33.0, 38.0),
            ],
            1.0,
        );
        let p = [0.5, 3.0, 0.8, 2.5];
        let mut grad = [0.0; 4];
        evaluate(&groups, p, &mut grad);
        for i in 0..4 {
            let h = 1e-6 * p[i];
            let (mut up, mut down) = (p, p);
            up[i] += h;
            down[i] -= h;
            let numeric = (evaluate(&groups, up, &mut [0.0; 4]) - evaluate(&groups, down, &mut [0.0; 4])) / (2.0 * h);
            assert!(
                (grad[i] - numeric).abs() < 1e-5 * numeric.abs().max(1.0),
                "{i}: {grad:?} vs {numeric}"
            );
        }
    }

    #[test]
    fn p_alive_is_one_without_repeats_and_falls_with_time_since_last_purchase() {
        let m = cdnow();
        assert_eq!(m.p_alive(&customer(0, 0.0, 30.0)), 1.0);
        let recent = m.p_alive(&customer(3, 30.0, 31.0));
        let lapsed = m.p_alive(&customer(3, 5.0, 31.0));
        assert!(recent > lapsed && lapsed > 0.0 && recent < 1.0);
        // Same last purchase, more purchases: more sure of a dropout.
        assert!(m.p_alive(&customer(8, 5.0, 31.0)) < lapsed);
    }

    #[test]
    fn expected_purchases_match_the_direct_hypergeometric_form() {
        let m = cdnow();
        for &(x, tx, big_t, t) in &[(0, 0.0, 38.86, 39.0), (2, 30.43, 38.86, 39.0), (7, 35.0, 38.0, 10.0)] {
            let xf = f64::from(x);
            let z = t / (m.alpha + big_t + t);
            let f = hyp2f1(m.r + xf, m.b + xf, m.a + m.b + xf - 1.0, z).unwrap_or(f64::NAN);
            let direct = (m.a + m.b + xf - 1.0) / (m.a - 1.0)
                * (1.0 - ((m.alpha + big_t) / (m.alpha + big_t + t)).powf(m.r + xf) * f);
            let c = customer(x, tx, big_t);
            let ours = m.expected_purchases(&c, t).unwrap_or(f64::NAN);
            assert!((ours - direct * m.p_alive(&c)).abs() < 1e-10, "{x}: {ours} vs {direct}");
        }
    }

    #[test]
    fn expected_purchases_grow_with_the_horizon_and_survive_a_equal_to_one() {
        let mut m = cdnow();
        let c = customer(4, 30.0, 38.0);
        let mut previous = 0.0;
        for t in [1.0, 5.0, 20.0, 52.0, 520.0] {
            let e = m.expected_purchases(&c, t).unwrap_or(-1.0);
            assert!(e > previous, "t = {t}");
            previous = e;
        }
        assert_eq!(m.expected_purchases(&c, 0.0), Some(0.0));
        let near = m.expected_purchases(&c, 52.0).unwrap_or(-1.0);
        m.a = 1.0;
        let at_one = m.expected_purchases(&c, 52.0).unwrap_or(-1.0);
        m.a = 1.0 + 1e-4;
        let above = m.expected_purchases(&c, 52.0).unwrap_or(-1.0);
        assert!(at_one.is_finite() && at_one > 0.0 && (at_one - above).abs() < 1e-3 * above);
        assert!(near > 0.0);
    }

    #[test]
    fn fit_recovers_its_own_optimum_and_reports_convergence() {
        // A small mixed cohort; the fit must be a stationary point of the likelihood.
        let mut customers = Vec::new();
        for i in 0..200u32 {
            let age = 20.0 + f64::from(i % 20);
            let x = (i * 7) % 9 / 2;
            let recency = if x == 0 {
                0.0
            } else {
                age * f64::from(i % 10 + 1) / 11.0
            };
            customers.push(customer(x, recency, age));
        }
        let fit = fit(&customers, TimeUnit::Weeks);
        let Some(f) = fit else {
            panic!("no fit");
        };
        assert!(f.converged, "{f:?}");
        let ll = log_likelihood(f.r, f.alpha, f.a, f.b, &customers);
        assert!(
            (ll - f.log_likelihood).abs() < 1e-6 * ll.abs(),
            "{ll} vs {}",
            f.log_likelihood
        );
        for (i, factor) in [(0, 1.01), (1, 0.99), (2, 1.01), (3, 0.99)] {
            let mut p = [f.r, f.alpha, f.a, f.b];
            p[i] *= factor;
            assert!(log_likelihood(p[0], p[1], p[2], p[3], &customers) < ll);
        }
    }

    #[test]
    fn nothing_usable_gives_no_fit() {
        assert_eq!(fit(&[], TimeUnit::Days), None);
        assert_eq!(
            fit(&[customer(1, 5.0, 2.0), customer(1, f64::NAN, 2.0)], TimeUnit::Days),
            None
        );
    }
}
