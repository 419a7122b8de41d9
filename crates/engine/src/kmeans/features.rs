//! The clustering features of buyers: log(1 + recency days), log(1 + paid
//! orders) and log(1 + revenue), each standardised to mean 0 and standard
//! deviation 1 so that no dimension dominates the distances.

use crate::metrics::CustomerMetrics;
use segscope_model::CustomerIdx;

/// A point in the three-dimensional feature space.
pub(crate) type Point = [f64; 3];

/// Standardised features of buyers, one point per buyer in the order given.
pub(crate) struct Features {
    /// The standardised points.
    pub points: Vec<Point>,
    /// Mean of each log feature before standardising.
    mean: Point,
    /// Standard deviation of each log feature (1 where it is 0).
    sd: Point,
}

impl Features {
    /// The features of `buyers`; customers out of range count as zeros.
    pub fn of(metrics: &CustomerMetrics, buyers: &[CustomerIdx]) -> Features {
        let mut points: Vec<Point> = buyers.iter().map(|&c| logs(metrics, c as usize)).collect();
        let n = points.len().max(1) as f64;
        let mut mean = [0.0; 3];
        for p in &points {
            for d in 0..3 {
                mean[d] += p[d] / n;
            }
        }
        let mut variance = [0.0; 3];
        for p in &points {
            for d in 0..3 {
                variance[d] += (p[d] - mean[d]).powi(2) / n;
            }
        }
        let sd = variance.map(|v| {
            let sd = v.sqrt();
            if sd.is_finite() && sd > 1e-12 {
                sd
            } else {
                1.0
            }
        });
        for p in &mut points {
            for d in 0..3 {
                p[d] = (p[d] - mean[d]) / sd[d];
            }
        }
        Features { points, mean, sd }
    }

    /// A feature-space point in original units: recency days, paid orders
    /// and revenue (never below 0).
    pub fn to_original(&self, p: &Point) -> Point {
        std::array::from_fn(|d| (p[d] * self.sd[d] + self.mean[d]).exp_m1().max(0.0))
    }
}

/// The unstandardised log features of customer `c`.
fn logs(metrics: &CustomerMetrics, c: usize) -> Point {
    raw_values(metrics, c).map(f64::ln_1p)
}

/// Customer `c`'s recency days, paid orders and revenue, each clamped to
/// `0..=f64::MAX` (NaN and customers out of range as 0), so that any
/// function of them stays finite.
pub(crate) fn raw_values(metrics: &CustomerMetrics, c: usize) -> Point {
    let recency = metrics.recency_days.get(c).copied().flatten().unwrap_or(0);
    let orders = metrics.orders.get(c).copied().unwrap_or(0);
    let revenue = metrics.revenue.get(c).copied().unwrap_or(0.0);
    [f64::from(recency), f64::from(orders), revenue].map(|x| if x.is_nan() { 0.0 } else { x.clamp(0.0, f64::MAX) })
}

/// How many distinct points there are, counting no further than `limit`.
pub(crate) fn distinct_up_to(points: &[Point], limit: usize) -> usize {
    let mut seen: Vec<Point> = Vec::with_capacity(limit);
    for p in points {
        if seen.len() >= limit {
            break;
        }
        if !seen.contains(p) {
            seen.push(*p);
        }
    }
    seen.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kmeans::tests::metrics;

    #[test]
    fn features_are_standardised_and_map_back() {
        let m = metrics(&[(0, 1, 9.0), (9, 3, 99.0), (99, 1, f64::INFINITY)]);
        let f = Features::of(&m, &[0, 1, 2]);
        for d in 0..3 {
            let mean: f64 = f.points.iter().map(|p| p[d]).sum::<f64>() / 3.0;
            let var: f64 = f.points.iter().map(|p| p[d].powi(2)).sum::<f64>() / 3.0;
            assert!(mean.abs() < 1e-9 && (var - 1.0).abs() < 1e-9, "{d}");
        }
        let back = f.to_original(&f.points[1]);
        assert!((back[0] - 9.0).abs() < 1e-9 && (back[1] - 3.0).abs() < 1e-9 && (back[2] - 99.0).abs() < 1e-6);
        assert!(f.points.iter().flatten().all(|x| x.is_finite()));
    }

    #[test]
    fn zero_variance_and_out_of_range_customers_are_harmless() {
        let m = metrics(&[(5, 2, 10.0), (5, 2, 10.0)]);
        let f = Features::of(&m, &[0, 1, 7]);
        assert!(f.points.iter().flatten().all(|x| x.is_finite()));
        assert_eq!(distinct_up_to(&f.points, 9), 2);
        assert_eq!(distinct_up_to(&f.points[..2], 9), 1);
        assert_eq!(distinct_up_to(&f.points, 1), 1);
        assert!(Features::of(&m, &[]).points.is_empty());
    }
}
