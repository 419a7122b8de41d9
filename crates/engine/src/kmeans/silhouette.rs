//! The mean silhouette (Rousseeuw, 1987) of a clustering: per point,
//! `(b − a) / max(a, b)` with `a` its mean distance to the rest of its own
//! cluster and `b` the smallest mean distance to another cluster. O(n²), so
//! it is measured on a sample.
//!
//! For speed the points are regrouped by cluster into single-precision
//! coordinate columns, so that each point's distance sums to a cluster are
//! one branch-free pass over contiguous memory in independent lanes, which
//! the compiler turns into SIMD where the target has it.

use super::features::Point;

/// Lanes of the distance sums (independent accumulators).
const LANES: usize = 8;

/// The mean silhouette of `labels` (cluster indices below `k`) over
/// `points`, in −1..=1. Points alone in their cluster count as 0, and so
/// does everything when fewer than two clusters have points.
pub(crate) fn silhouette(points: &[Point], labels: &[u8], k: usize) -> f64 {
    let n = points.len().min(labels.len());
    if n == 0 || k == 0 {
        return 0.0;
    }
    let cluster = |i: usize| usize::from(labels[i]).min(k - 1);
    // starts[c]..starts[c + 1]: the points of cluster c in the columns.
    let mut starts = vec![0usize; k + 1];
    for i in 0..n {
        starts[cluster(i) + 1] += 1;
    }
    for c in 0..k {
        starts[c + 1] += starts[c];
    }
    let mut next = starts.clone();
    let mut columns = [vec![0f32; n], vec![0f32; n], vec![0f32; n]];
    for (i, p) in points.iter().take(n).enumerate() {
        let at = &mut next[cluster(i)];
        for d in 0..3 {
            columns[d][*at] = p[d] as f32;
        }
        *at += 1;
    }
    let size = |c: usize| starts[c + 1] - starts[c];
    let mut total = 0.0;
    for (i, p) in points.iter().take(n).enumerate() {
        let own = cluster(i);
        if size(own) < 2 {
            continue;
        }
        let p = p.map(|x| x as f32);
        let mean_to = |c: usize| {
            let range = starts[c]..starts[c + 1];
            let sum = distance_sum(
                p,
                [
                    &columns[0][range.clone()],
                    &columns[1][range.clone()],
                    &columns[2][range],
                ],
            );
            sum / size(c) as f64
        };
        // The point itself is in its own cluster's columns at distance 0.
        let a = mean_to(own) * size(own) as f64 / (size(own) - 1) as f64;
        let b = (0..k)
            .filter(|&c| c != own && size(c) > 0)
            .map(mean_to)
            .fold(f64::INFINITY, f64::min);
        let spread = a.max(b);
        if b.is_finite() && spread > 0.0 {
            total += (b - a) / spread;
        }
    }
    (total / n as f64).clamp(-1.0, 1.0)
}

/// The sum of Euclidean distances from `p` to the points in the columns.
fn distance_sum(p: [f32; 3], [xs, ys, zs]: [&[f32]; 3]) -> f64 {
    let distance = |x: f32, y: f32, z: f32| {
        let (dx, dy, dz) = (p[0] - x, p[1] - y, p[2] - z);
        (dx * dx + dy * dy + dz * dz).sqrt()
    };
    let mut lanes = [0f32; LANES];
    let (xc, yc, zc) = (xs.chunks_exact(LANES), ys.chunks_exact(LANES), zs.chunks_exact(LANES));
    let rest: f32 = xc
        .remainder()
        .iter()
        .zip(yc.remainder())
        .zip(zc.remainder())
        .map(|((&x, &y), &z)| distance(x, y, z))
        .sum();
    for ((x, y), z) in xc.zip(yc).zip(zc) {
        for l in 0..LANES {
            lanes[l] += distance(x[l], y[l], z[l]);
        }
    }
    lanes.iter().map(|&s| f64::from(s)).sum::<f64>() + f64::from(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_hand() {
        // Clusters {0, 1} and {10}: for point 0, a = 1 and b = 10, s = 0.9;
        // for point 1, a = 1, b = 9, s = 8/9; the singleton counts 0.
        let points = [[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [10.0, 0.0, 0.0]];
        let s = silhouette(&points, &[0, 0, 1], 2);
        assert!((s - (0.9 + 8.0 / 9.0) / 3.0).abs() < 1e-6, "{s}");
    }

    #[test]
    fn agrees_with_the_definition_on_many_points() {
        // 40 points on a line in two groups, labels interleaved in input order.
        let points: Vec<Point> = (0..40).map(|i| [f64::from(i % 2 * 10 + i / 2 % 3), 0.0, 0.0]).collect();
        let labels: Vec<u8> = (0..40).map(|i| (i % 2) as u8).collect();
        let direct = |i: usize| {
            let mean = |c: u8, skip: bool| {
                let others: Vec<f64> = (0..40)
                    .filter(|&j| labels[j] == c && !(skip && j == i))
                    .map(|j| (points[i][0] - points[j][0]).abs())
                    .collect();
                others.iter().sum::<f64>() / others.len() as f64
            };
            let (a, b) = (mean(labels[i], true), mean(1 - labels[i], false));
            (b - a) / a.max(b)
        };
        let expected = (0..40).map(direct).sum::<f64>() / 40.0;
        assert!((silhouette(&points, &labels, 2) - expected).abs() < 1e-6);
    }

    #[test]
    fn degenerate_cases_are_zero() {
        let points = [[0.0; 3], [1.0, 0.0, 0.0]];
        assert_eq!(silhouette(&points, &[0, 0], 2), 0.0);
        assert_eq!(silhouette(&[], &[], 2), 0.0);
        assert_eq!(silhouette(&[[0.0; 3]; 4], &[0, 0, 1, 1], 2), 0.0);
        // Labels beyond k are folded into the last cluster, never out of bounds.
        assert!(silhouette(&points, &[0, 9], 2).abs() <= 1.0);
    }
}
