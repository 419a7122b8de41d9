//! k-means in three dimensions: k-means++ seeding (Arthur & Vassilvitskii,
//! 2007) and Lloyd iterations until no point changes cluster. Buffers are
//! allocated once per fit, never per iteration.

use super::features::Point;
use crate::rng::SplitMix64;

/// A clustering of some points: centres and, per point, its cluster.
pub(crate) struct Fit {
    /// Cluster centres in feature space; every cluster has a point.
    pub centres: Vec<Point>,
    /// The cluster of each point, an index into `centres`.
    pub labels: Vec<u8>,
    /// Sum of squared distances of the points to their centres.
    pub inertia: f64,
}

/// Squared Euclidean distance.
#[inline]
pub(crate) fn dist2(a: &Point, b: &Point) -> f64 {
    let (x, y, z) = (a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    x * x + y * y + z * z
}

/// The nearest centre to `p` (ties to the lower index) and its squared distance.
#[inline]
fn nearest(p: &Point, centres: &[Point]) -> (usize, f64) {
    let mut best = (0, f64::INFINITY);
    for (j, c) in centres.iter().enumerate() {
        let d = dist2(p, c);
        if d < best.1 {
            best = (j, d);
        }
    }
    best
}

/// `k` k-means++ centres: the first a uniform point, each next one a point
/// drawn with probability proportional to its squared distance to the
/// nearest centre so far. `None` when there are fewer than `k` distinct points.
pub(crate) fn seed(points: &[Point], k: usize, rng: &mut SplitMix64) -> Option<Vec<Point>> {
    if points.is_empty() || k == 0 {
        return None;
    }
    let mut centres = Vec::with_capacity(k);
    centres.push(points[rng.below(points.len())]);
    let mut d2: Vec<f64> = points.iter().map(|p| dist2(p, &centres[0])).collect();
    while centres.len() < k {
        let total: f64 = d2.iter().sum();
        if !(total > 0.0 && total.is_finite()) {
            return None;
        }
        let mut target = rng.next_f64() * total;
        // The last point with a positive distance guards against rounding.
        let mut pick = None;
        for (i, &d) in d2.iter().enumerate() {
            if d > 0.0 {
                pick = Some(i);
                if target < d {
                    break;
                }
                target -= d;
            }
        }
        let centre = points[pick?];
        centres.push(centre);
        for (d, p) in d2.iter_mut().zip(points) {
            *d = d.min(dist2(p, &centre));
        }
    }
    Some(centres)
}

/// Lloyd's algorithm from `centres`: assign every point to its nearest
/// centre, move each centre to the mean of its points, until no point moves
/// or after `max_iterations` rounds. A cluster left empty restarts at the
/// point farthest from its centre; clusters still empty at the end are
/// dropped, so the fit may have fewer clusters than it started with.
pub(crate) fn lloyd(points: &[Point], mut centres: Vec<Point>, max_iterations: usize) -> Fit {
    let k = centres.len().min(usize::from(u8::MAX));
    centres.truncate(k);
    let mut labels = vec![u8::MAX; points.len()];
    let mut d2 = vec![0.0; points.len()];
    let mut sums = vec![[0.0; 3]; k];
    let mut counts = vec![0usize; k];
    let mut round = 0;
    loop {
        let moved = assign(points, &centres, &mut labels, &mut d2);
        round += 1;
        if !moved || round > max_iterations {
            break;
        }
        update(points, &labels, &mut d2, &mut centres, (&mut sums, &mut counts));
    }
    let inertia = d2.iter().sum();
    drop_empty(Fit {
        centres,
        labels,
        inertia,
    })
}

/// Puts every point in the cluster of its nearest centre, noting the squared
/// distance; true when any point changed cluster. Dispatches to a copy of
/// the loop for each number of centres up to 8, so the distance loop is
/// fully unrolled.
fn assign(points: &[Point], centres: &[Point], labels: &mut [u8], d2: &mut [f64]) -> bool {
    match centres.len() {
        1 => assign_fixed::<1>(points, centres, labels, d2),
        2 => assign_fixed::<2>(points, centres, labels, d2),
        3 => assign_fixed::<3>(points, centres, labels, d2),
        4 => assign_fixed::<4>(points, centres, labels, d2),
        5 => assign_fixed::<5>(points, centres, labels, d2),
        6 => assign_fixed::<6>(points, centres, labels, d2),
        7 => assign_fixed::<7>(points, centres, labels, d2),
        8 => assign_fixed::<8>(points, centres, labels, d2),
        _ => assign_with(points, labels, d2, |p| nearest(p, centres)),
    }
}

/// [`assign`] for exactly `K` centres.
fn assign_fixed<const K: usize>(points: &[Point], centres: &[Point], labels: &mut [u8], d2: &mut [f64]) -> bool {
    let fixed: [Point; K] = std::array::from_fn(|j| centres.get(j).copied().unwrap_or([f64::INFINITY; 3]));
    assign_with(points, labels, d2, |p| nearest(p, &fixed))
}

/// The assignment loop with a given nearest-centre search.
#[inline(always)]
fn assign_with(points: &[Point], labels: &mut [u8], d2: &mut [f64], nearest: impl Fn(&Point) -> (usize, f64)) -> bool {
    let mut moved = false;
    for ((p, label), d) in points.iter().zip(labels.iter_mut()).zip(d2.iter_mut()) {
        let (j, distance) = nearest(p);
        *d = distance;
        // j < number of centres ≤ 255.
        let j = j as u8;
        moved |= *label != j;
        *label = j;
    }
    moved
}

/// Moves every centre to the mean of its points; an empty cluster's centre
/// jumps to the point farthest from its own centre (which then counts as
/// taken, with distance 0).
fn update(
    points: &[Point],
    labels: &[u8],
    d2: &mut [f64],
    centres: &mut [Point],
    (sums, counts): (&mut [Point], &mut [usize]),
) {
    sums.fill([0.0; 3]);
    counts.fill(0);
    for (p, &label) in points.iter().zip(labels) {
        let j = usize::from(label);
        for d in 0..3 {
            sums[j][d] += p[d];
        }
        counts[j] += 1;
    }
    for (j, centre) in centres.iter_mut().enumerate() {
        if counts[j] > 0 {
            let n = counts[j] as f64;
            *centre = sums[j].map(|s| s / n);
            continue;
        }
        let farthest = d2
            .iter()
            .enumerate()
            .fold(None, |best: Option<(usize, f64)>, (i, &d)| match best {
                Some((_, b)) if b >= d => best,
                _ => Some((i, d)),
            });
        if let Some((i, _)) = farthest {
            *centre = points[i];
            d2[i] = 0.0;
        }
    }
}

/// The fit without clusters that have no point, labels renumbered.
fn drop_empty(fit: Fit) -> Fit {
    let mut counts = vec![0usize; fit.centres.len()];
    for &label in &fit.labels {
        if let Some(c) = counts.get_mut(usize::from(label)) {
            *c += 1;
        }
    }
    if counts.iter().all(|&c| c > 0) {
        return fit;
    }
    let mut renumber = vec![0u8; counts.len()];
    let mut centres = Vec::with_capacity(counts.len());
    for (j, &count) in counts.iter().enumerate() {
        if count > 0 {
            // At most 255 centres.
            renumber[j] = centres.len() as u8;
            centres.push(fit.centres[j]);
        }
    }
    let labels = fit
        .labels
        .iter()
        .map(|&l| renumber.get(usize::from(l)).copied().unwrap_or(0))
        .collect();
    Fit {
        centres,
        labels,
        inertia: fit.inertia,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blobs() -> Vec<Point> {
        let mut points = Vec::new();
        for i in 0..20 {
            let e = f64::from(i) * 0.01;
            points.push([e, 0.0, 0.0]);
            points.push([10.0 + e, 10.0, 0.0]);
        }
        points
    }

    #[test]
    fn separates_two_blobs() {
        let points = blobs();
        let mut rng = SplitMix64::new(1);
        let centres = seed(&points, 2, &mut rng).unwrap_or_default();
        let fit = lloyd(&points, centres, 100);
        assert_eq!(fit.centres.len(), 2);
        for pair in fit.labels.chunks(2) {
            assert_ne!(pair[0], pair[1]);
        }
        assert!(fit.labels.iter().step_by(2).all(|&l| l == fit.labels[0]));
        assert!(fit.inertia < 0.2, "{}", fit.inertia);
    }

    #[test]
    fn seeding_needs_enough_distinct_points() {
        let points = vec![[1.0, 2.0, 3.0]; 10];
        let mut rng = SplitMix64::new(1);
        assert!(seed(&points, 2, &mut rng).is_none());
        assert_eq!(seed(&points, 1, &mut rng).map(|c| c.len()), Some(1));
        assert!(seed(&[], 1, &mut rng).is_none());
    }

    #[test]
    fn empty_clusters_restart_or_are_dropped() {
        let points = blobs();
        // A centre far from everything gets no point in the first round and
        // restarts at the farthest point.
        let fit = lloyd(&points, vec![[0.0; 3], [1.0, 0.0, 0.0], [500.0; 3]], 100);
        assert_eq!(fit.labels.len(), points.len());
        assert!(fit.centres.len() <= 3 && fit.centres.len() >= 2);
        // Two identical centres: the second never gets a point.
        let same = lloyd(&[[0.0; 3], [0.0; 3]], vec![[0.0; 3], [0.0; 3]], 5);
        assert_eq!(same.centres.len(), 1);
        assert_eq!(same.labels, vec![0, 0]);
    }
}
