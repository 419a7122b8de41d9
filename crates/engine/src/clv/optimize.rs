//! A compact BFGS minimiser for the CLV likelihoods (a few parameters, an
//! analytic gradient), kept small instead of a generic optimisation crate.
//!
//! Each iteration steps along −H·g, where H approximates the inverse Hessian
//! (identity at first, scaled after the first step, then BFGS updates), with
//! a backtracking (Armijo) line search whose first trial step moves no
//! coordinate by more than [`MAX_STEP`]. A search direction that is not
//! downhill, or a line search that fails, resets H to the identity (steepest
//! descent). A line search that fails from the identity, or once the
//! gradient is within [`STALL_TOLERANCE`] (the objective no longer decreases
//! strictly at rounding level), ends the run.
//! Non-finite values count as "worse", so the search backs away from them.

/// Gradient size (largest component) at which the minimum counts as found
/// (the CLV objectives are means over customers, whose rounding noise near
/// 1e-15 hides the decrease left at smaller gradients).
const GRADIENT_TOLERANCE: f64 = 1e-8;

/// Gradient size still accepted when the line search can make no progress
/// (the objective is flat to rounding there).
const STALL_TOLERANCE: f64 = 1e-6;

/// Largest move of any coordinate in one step (the CLV models optimise
/// log-parameters, so this is a factor of e² per step).
const MAX_STEP: f64 = 2.0;

/// Armijo's sufficient-decrease constant.
const ARMIJO: f64 = 1e-4;

/// Halvings the line search tries before giving up; [`FLAT_HALVINGS`] once
/// the gradient is within [`STALL_TOLERANCE`].
const HALVINGS: u32 = 40;

/// Halvings tried near the optimum, where failures are rounding noise.
const FLAT_HALVINGS: u32 = 6;

/// A trial step moving no coordinate by more than this is not tried: the
/// line search has failed by then.
const MIN_MOVE: f64 = 1e-12;

/// Where [`minimize`] stopped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Minimum<const N: usize> {
    /// The best point found.
    pub x: [f64; N],
    /// The objective there.
    pub value: f64,
    /// BFGS iterations used.
    pub iterations: u32,
    /// True when the gradient vanished there (to the tolerances above).
    pub converged: bool,
    /// The inverse Hessian approximation there, to start a related run.
    pub inverse_hessian: [[f64; N]; N],
}

/// Minimises `f` from `start` in at most `max_iterations` iterations; `f(x, g)`
/// returns the objective at `x` and writes its gradient into `g`. A known
/// `inverse_hessian` (from a run on similar data) saves rebuilding it.
pub(crate) fn minimize<const N: usize>(
    mut f: impl FnMut(&[f64; N], &mut [f64; N]) -> f64,
    start: [f64; N],
    inverse_hessian: Option<[[f64; N]; N]>,
    max_iterations: u32,
) -> Minimum<N> {
    let mut x = start;
    let mut g = [0.0; N];
    let mut value = f(&x, &mut g);
    let mut h = inverse_hessian.unwrap_or_else(identity::<N>);
    let mut fresh = inverse_hessian.is_none();
    if !value.is_finite() || !finite(&g) {
        return Minimum {
            x,
            value,
            iterations: 0,
            converged: false,
            inverse_hessian: h,
        };
    }
    let mut iterations = 0;
    while iterations < max_iterations && norm(&g) > GRADIENT_TOLERANCE {
        iterations += 1;
        let mut d = [0.0; N];
        for i in 0..N {
            d[i] = -(0..N).map(|j| h[i][j] * g[j]).sum::<f64>();
        }
        let mut slope = dot(&g, &d);
        if slope >= 0.0 || !slope.is_finite() {
            h = identity::<N>();
            fresh = true;
            d = g.map(|v| -v);
            slope = -dot(&g, &g);
        }
        let mut step = (MAX_STEP / norm(&d)).min(1.0);
        let mut accepted = None;
        let halvings = if norm(&g) <= STALL_TOLERANCE {
            FLAT_HALVINGS
        } else {
            HALVINGS
        };
        for _ in 0..halvings {
            let mut trial = x;
            for i in 0..N {
                trial[i] += step * d[i];
            }
            if step * norm(&d) < MIN_MOVE {
                break;
            }
            let mut trial_g = [0.0; N];
            let trial_value = f(&trial, &mut trial_g);
            let decrease = trial_value < value && trial_value <= value + ARMIJO * step * slope;
            if decrease && trial_value.is_finite() && finite(&trial_g) {
                accepted = Some((trial, trial_value, trial_g));
                break;
            }
            step *= 0.5;
        }
        let Some((next, next_value, next_g)) = accepted else {
            if fresh || norm(&g) <= STALL_TOLERANCE {
                let converged = norm(&g) <= STALL_TOLERANCE;
                return Minimum {
                    x,
                    value,
                    iterations,
                    converged,
                    inverse_hessian: h,
                };
            }
            h = identity::<N>();
            fresh = true;
            continue;
        };
        let mut s = [0.0; N];
        let mut y = [0.0; N];
        for i in 0..N {
            s[i] = next[i] - x[i];
            y[i] = next_g[i] - g[i];
        }
        let sy = dot(&s, &y);
        if sy > 0.0 && sy.is_finite() {
            if fresh {
                let scale = sy / dot(&y, &y);
                h.iter_mut().enumerate().for_each(|(i, row)| row[i] = scale);
                fresh = false;
            }
            update(&mut h, &s, &y, sy);
        }
        x = next;
        value = next_value;
        g = next_g;
    }
    Minimum {
        x,
        value,
        iterations,
        converged: norm(&g) <= GRADIENT_TOLERANCE,
        inverse_hessian: h,
    }
}

/// The BFGS update of the inverse Hessian H with step s, gradient change y
/// and curvature sy = s·y > 0: H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, ρ = 1/sy.
fn update<const N: usize>(h: &mut [[f64; N]; N], s: &[f64; N], y: &[f64; N], sy: f64) {
    let rho = 1.0 / sy;
    let mut hy = [0.0; N];
    for i in 0..N {
        hy[i] = dot(&h[i], y);
    }
    let yhy = dot(y, &hy);
    for i in 0..N {
        for j in 0..N {
            h[i][j] += rho * ((1.0 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
        }
    }
}

fn identity<const N: usize>() -> [[f64; N]; N] {
    let mut h = [[0.0; N]; N];
    h.iter_mut().enumerate().for_each(|(i, row)| row[i] = 1.0);
    h
}

fn dot<const N: usize>(u: &[f64; N], v: &[f64; N]) -> f64 {
    u.iter().zip(v).map(|(a, b)| a * b).sum()
}

/// Largest absolute component.
fn norm<const N: usize>(v: &[f64; N]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

fn finite<const N: usize>(v: &[f64; N]) -> bool {
    v.iter().all(|x| x.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rosenbrock(x: &[f64; 2], g: &mut [f64; 2]) -> f64 {
        let (a, b) = (1.0 - x[0], x[1] - x[0] * x[0]);
        g[0] = -2.0 * a - 400.0 * x[0] * b;
        g[1] = 200.0 * b;
        a * a + 100.0 * b * b
    }

    #[test]
    fn finds_the_minimum_of_rosenbrocks_valley() {
        let m = minimize(rosenbrock, [-1.2, 1.0], None, 500);
        assert!(m.converged, "{m:?}");
        assert!((m.x[0] - 1.0).abs() < 1e-6 && (m.x[1] - 1.0).abs() < 1e-6, "{m:?}");
        assert!(m.value < 1e-12);
    }

    #[test]
    fn finds_the_minimum_of_a_skewed_quadratic_in_four_dimensions() {
        let centre = [3.0, -1.0, 0.5, 10.0];
        let weights = [1.0, 100.0, 0.01, 5.0];
        // f = Σᵢ wᵢ dᵢ², dᵢ = eᵢ + 0.3 eᵢ₊₁ (cyclic), e = x − centre.
        let f = |x: &[f64; 4], g: &mut [f64; 4]| {
            let e: [f64; 4] = std::array::from_fn(|i| x[i] - centre[i]);
            let d: [f64; 4] = std::array::from_fn(|i| e[i] + 0.3 * e[(i + 1) % 4]);
            *g = std::array::from_fn(|i| 2.0 * weights[i] * d[i] + 0.6 * weights[(i + 3) % 4] * d[(i + 3) % 4]);
            (0..4).map(|i| weights[i] * d[i] * d[i]).sum()
        };
        let m = minimize(f, [0.0; 4], None, 500);
        assert!(m.converged, "{m:?}");
        assert!(m.x.iter().zip(centre).all(|(x, c)| (x - c).abs() < 1e-6), "{m:?}");
    }

    #[test]
    fn backs_away_from_non_finite_values() {
        // ln-barrier: undefined (NaN) for x ≤ 0; minimum at x = 1.
        let f = |x: &[f64; 1], g: &mut [f64; 1]| {
            g[0] = 1.0 - 1.0 / x[0];
            x[0] - x[0].ln()
        };
        let m = minimize(f, [30.0], None, 200);
        assert!(m.converged && (m.x[0] - 1.0).abs() < 1e-8, "{m:?}");
    }

    #[test]
    fn reports_failure_without_panicking() {
        let nan = |_: &[f64; 2], g: &mut [f64; 2]| {
            g[0] = f64::NAN;
            f64::NAN
        };
        assert!(!minimize(nan, [0.0, 0.0], None, 10).converged);
        let unbounded = |x: &[f64; 1], g: &mut [f64; 1]| {
            g[0] = -1.0;
            -x[0]
        };
        let m = minimize(unbounded, [0.0], None, 20);
        assert!(!m.converged && m.iterations == 20);
    }
}
