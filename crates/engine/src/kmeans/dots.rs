//! The buyers the cluster scatter draws: a fixed-seed sample of at most
//! [`MAX_DOTS`] clustered buyers with their cluster and original values, so
//! the chart is the same for the same data and stays small.

use super::features::raw_values;
use super::Clustering;
use crate::rng::{sample, SplitMix64};
use crate::CustomerMetrics;
use serde::{Deserialize, Serialize};

/// Most buyers drawn (keeps the scatter's SVG near 200 KB).
pub const MAX_DOTS: usize = 2_000;
/// Seed of the drawn sample.
const SAMPLE_SEED: u64 = 0x5CA7_7E55;

/// One sampled buyer: its cluster (position in [`Clustering::clusters`]) and
/// its recency days, paid orders and revenue.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ClusterDot {
    /// The buyer's cluster.
    pub cluster: u8,
    /// Recency days, paid orders and revenue.
    pub values: [f64; 3],
}

/// Up to [`MAX_DOTS`] clustered buyers of `clustering`, sampled with a fixed
/// seed.
pub fn scatter_dots(metrics: &CustomerMetrics, clustering: &Clustering) -> Vec<ClusterDot> {
    let clustered: Vec<(usize, u8)> = clustering
        .assignment
        .iter()
        .enumerate()
        .filter_map(|(c, cluster)| cluster.map(|j| (c, j)))
        .filter(|&(_, j)| usize::from(j) < clustering.clusters.len())
        .collect();
    sample(clustered.len(), MAX_DOTS, &mut SplitMix64::new(SAMPLE_SEED))
        .into_iter()
        .map(|i| ClusterDot {
            cluster: clustered[i].1,
            values: raw_values(metrics, clustered[i].0),
        })
        .collect()
}
