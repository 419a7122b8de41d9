//! Random streams and the few distributions the generator samples from.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Independent random stream per purpose, so that e.g. `--dirty` or `--lang` never change the
/// underlying customers and orders.
#[derive(Clone, Copy)]
pub enum Stream {
    /// Customers: signup, demographics, purchase latents.
    People = 1,
    /// Orders of every buyer.
    Orders = 2,
    /// Dirty-row injection.
    Dirty = 3,
    /// Behavioural events.
    Events = 4,
    /// Per-row shapes of the mixed date style in orders.csv.
    OrderStyle = 5,
    /// Per-row shapes of the mixed date style in customers.csv.
    CustomerStyle = 6,
    /// Per-row shapes of the mixed date style in events.csv.
    EventStyle = 7,
    /// Survey answers and reviews.
    Feedback = 8,
}

/// The ChaCha8 generator of `stream` under `seed`.
pub fn rng(seed: u64, stream: Stream) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream as u64);
    rng
}

/// Uniform in [0, 1).
pub fn unit(rng: &mut ChaCha8Rng) -> f64 {
    rng.random::<f64>()
}

/// Standard normal (Box–Muller).
pub fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1 = 1.0 - unit(rng);
    let u2 = unit(rng);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Exponential with the given mean.
pub fn exponential(rng: &mut ChaCha8Rng, mean: f64) -> f64 {
    -mean * (1.0 - unit(rng)).ln()
}

/// Log-normal with median `median` and log-scale spread `sigma`.
pub fn log_normal(rng: &mut ChaCha8Rng, median: f64, sigma: f64) -> f64 {
    median * (sigma * normal(rng)).exp()
}

/// Gamma with the given shape and scale (Marsaglia–Tsang).
pub fn gamma(rng: &mut ChaCha8Rng, shape: f64, scale: f64) -> f64 {
    if shape < 1.0 {
        let boost = unit(rng).max(f64::MIN_POSITIVE).powf(1.0 / shape);
        return gamma(rng, shape + 1.0, scale) * boost;
    }
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let x = normal(rng);
        let v = (1.0 + c * x).powi(3);
        if v <= 0.0 {
            continue;
        }
        let u = unit(rng);
        if u.ln() < 0.5 * x * x + d - d * v + d * v.ln() {
            return d * v * scale;
        }
    }
}

/// Poisson with the given mean (exact below 30, normal approximation above).
pub fn poisson(rng: &mut ChaCha8Rng, mean: f64) -> u32 {
    if mean <= 0.0 {
        return 0;
    }
    if mean < 30.0 {
        let limit = (-mean).exp();
        let mut k = 0;
        let mut p = unit(rng);
        while p > limit {
            k += 1;
            p *= unit(rng);
        }
        return k;
    }
    (mean + mean.sqrt() * normal(rng)).round().max(0.0) as u32
}

/// Index drawn with probability proportional to `weights`.
pub fn pick(rng: &mut ChaCha8Rng, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut u = unit(rng) * total;
    for (i, w) in weights.iter().enumerate() {
        if u < *w {
            return i;
        }
        u -= w;
    }
    weights.len() - 1
}

/// Integer in `lo..=hi`.
pub fn between(rng: &mut ChaCha8Rng, lo: u32, hi: u32) -> u32 {
    rng.random_range(lo..=hi)
}

/// Raw 32 random bits, for choices whose table size depends on the language (always one draw).
pub fn bits(rng: &mut ChaCha8Rng) -> u32 {
    rng.random::<u32>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_plausible() {
        let mut r = rng(1, Stream::People);
        let n = 20_000;
        let g: f64 = (0..n).map(|_| gamma(&mut r, 0.7, 2.0)).sum::<f64>() / n as f64;
        assert!((g - 1.4).abs() < 0.1, "gamma mean {g}");
        let p: f64 = (0..n).map(|_| poisson(&mut r, 4.0) as f64).sum::<f64>() / n as f64;
        assert!((p - 4.0).abs() < 0.1, "poisson mean {p}");
        let big: f64 = (0..n).map(|_| poisson(&mut r, 50.0) as f64).sum::<f64>() / n as f64;
        assert!((big - 50.0).abs() < 0.5, "poisson mean {big}");
    }

    #[test]
    fn streams_are_deterministic_and_distinct() {
        let a: Vec<u32> = (0..4).map(|_| bits(&mut rng(9, Stream::Orders))).collect();
        let b: Vec<u32> = (0..4).map(|_| bits(&mut rng(9, Stream::Orders))).collect();
        assert_eq!(a, b);
        assert_ne!(bits(&mut rng(9, Stream::Orders)), bits(&mut rng(9, Stream::Events)));
    }
}
