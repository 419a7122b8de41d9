//! Clusters described in original units (size, mean, median and centre of
//! recency days, paid orders and revenue), named after the RFM segment their
//! centre would fall in, and put in a stable order.

use super::super::rfm::score;
use super::features::{raw_values, Features, Point};
use crate::metrics::CustomerMetrics;
use crate::rfm::segment::RfmSegment;
use segscope_model::CustomerIdx;
use serde::{Deserialize, Serialize};

/// Recency days, paid orders and revenue, in original units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct RfmValues {
    /// Days since the latest paid order.
    pub recency_days: f64,
    /// Paid orders.
    pub orders: f64,
    /// Paid revenue.
    pub revenue: f64,
}

impl RfmValues {
    fn of(p: Point) -> RfmValues {
        RfmValues {
            recency_days: p[0],
            orders: p[1],
            revenue: p[2],
        }
    }
}

/// One cluster of buyers, in original units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterProfile {
    /// Buyers in the cluster.
    pub size: u64,
    /// Mean of each value over the cluster.
    pub mean: RfmValues,
    /// Median of each value over the cluster.
    pub median: RfmValues,
    /// The cluster centre mapped back from the log scale (a geometric-style
    /// average: what a typical member looks like).
    pub centre: RfmValues,
    /// The RFM segment of the centre: its R and F scored against all buyers
    /// by the RFM rule (`1 + ⌊s × share of buyers strictly worse⌋`).
    pub nearest_segment: RfmSegment,
    /// 0 when no other cluster has the same segment; otherwise 1, 2, … in
    /// cluster order, to tell them apart.
    pub ordinal: u8,
}

/// What [`describe`] reads.
pub(crate) struct Described<'a> {
    /// All metrics.
    pub metrics: &'a CustomerMetrics,
    /// The clustered buyers.
    pub buyers: &'a [CustomerIdx],
    /// Their features.
    pub features: &'a Features,
    /// The cluster of each buyer, by position in `buyers`.
    pub labels: &'a [u8],
    /// The cluster centres in feature space.
    pub centres: &'a [Point],
    /// The RFM scale (3..=5).
    pub scale: u8,
}

/// The profiles of the clusters, ordered by mean revenue (highest first;
/// ties by more orders, then fewer recency days), and for each cluster of
/// the input its position in that order.
pub(crate) fn describe(input: &Described) -> (Vec<ClusterProfile>, Vec<u8>) {
    let k = input.centres.len();
    let values: Vec<Point> = input
        .buyers
        .iter()
        .map(|&c| raw_values(input.metrics, c as usize))
        .collect();
    let members = group_by_cluster(input.labels, k);
    let n = values.len();
    let mut scratch = Vec::new();
    let mut profiles: Vec<ClusterProfile> = Vec::with_capacity(k);
    for (j, centre) in input.centres.iter().enumerate() {
        let positions = &members[j];
        let mut mean = [0.0; 3];
        let mut median = [0.0; 3];
        for d in 0..3 {
            scratch.clear();
            scratch.extend(positions.iter().map(|&i| values[i][d]));
            mean[d] = scratch.iter().map(|x| x / scratch.len() as f64).sum();
            median[d] = median_of(&mut scratch);
        }
        let centre = input.features.to_original(centre);
        // Buyers with strictly more recency days, and with strictly fewer orders.
        let r = score(count(&values, |v| v[0] > centre[0]), n, input.scale);
        let f = score(count(&values, |v| v[1] < centre[1]), n, input.scale);
        profiles.push(ClusterProfile {
            size: positions.len() as u64,
            mean: RfmValues::of(mean),
            median: RfmValues::of(median),
            centre: RfmValues::of(centre),
            nearest_segment: RfmSegment::from_scores(r, f, input.scale),
            ordinal: 0,
        });
    }
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&profiles[a].mean, &profiles[b].mean);
        b.revenue
            .total_cmp(&a.revenue)
            .then(b.orders.total_cmp(&a.orders))
            .then(a.recency_days.total_cmp(&b.recency_days))
    });
    let mut renumber = vec![0u8; k];
    for (new, &old) in order.iter().enumerate() {
        // At most 255 clusters.
        renumber[old] = new as u8;
    }
    let mut sorted: Vec<ClusterProfile> = order.iter().map(|&j| profiles[j].clone()).collect();
    number_shared_segments(&mut sorted);
    (sorted, renumber)
}

/// How many of `values` satisfy `test`.
fn count(values: &[Point], test: impl Fn(&Point) -> bool) -> u32 {
    u32::try_from(values.iter().filter(|v| test(v)).count()).unwrap_or(u32::MAX)
}

/// Positions of the points of each cluster, ascending.
fn group_by_cluster(labels: &[u8], k: usize) -> Vec<Vec<usize>> {
    let mut members = vec![Vec::new(); k];
    for (i, &label) in labels.iter().enumerate() {
        if let Some(m) = members.get_mut(usize::from(label)) {
            m.push(i);
        }
    }
    members
}

/// The median of `values` (reordered in place); 0 when empty.
fn median_of(values: &mut [f64]) -> f64 {
    let m = values.len();
    if m == 0 {
        return 0.0;
    }
    let (below, upper, _) = values.select_nth_unstable_by(m / 2, f64::total_cmp);
    let upper = *upper;
    if m % 2 == 1 {
        upper
    } else {
        let lower = below.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        lower / 2.0 + upper / 2.0
    }
}

/// Numbers clusters that share a segment 1, 2, … in their order.
fn number_shared_segments(profiles: &mut [ClusterProfile]) {
    let mut total = [0u8; RfmSegment::ALL.len()];
    for p in profiles.iter() {
        total[p.nearest_segment.index()] += 1;
    }
    let mut seen = [0u8; RfmSegment::ALL.len()];
    for p in profiles.iter_mut() {
        let s = p.nearest_segment.index();
        if total[s] > 1 {
            seen[s] += 1;
            p.ordinal = seen[s];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_i18n::Lang;

    #[test]
    fn medians() {
        assert_eq!(median_of(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median_of(&mut [4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median_of(&mut []), 0.0);
    }

    #[test]
    fn shared_segments_are_numbered_and_named() {
        let profile = |segment| ClusterProfile {
            size: 1,
            mean: RfmValues::default(),
            median: RfmValues::default(),
            centre: RfmValues::default(),
            nearest_segment: segment,
            ordinal: 0,
        };
        let mut p = vec![
            profile(RfmSegment::Champions),
            profile(RfmSegment::Lost),
            profile(RfmSegment::Champions),
        ];
        number_shared_segments(&mut p);
        assert_eq!(p.iter().map(|p| p.ordinal).collect::<Vec<_>>(), vec![1, 0, 2]);
        assert_eq!(p[2].english_name(), "Like Champions 2");
        assert_eq!(p[1].display_name(Lang::En), "Like Lost");
        assert_eq!(p[0].display_name(Lang::Zh), "类冠军客户 1");
    }
}
