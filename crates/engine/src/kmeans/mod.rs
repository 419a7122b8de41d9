//! K-means customer clusters (docs/product.md#clusters): buyers clustered on standardised
//! log(1 + recency days), log(1 + paid orders) and log(1 + revenue) with
//! k-means++ seeding from a fixed seed; the number of clusters (2…8) is the
//! one with the best silhouette on a sample unless set. Clusters are
//! described in original units and named after the nearest RFM segment.
//!
//! Every fit on the sample takes the best of a few k-means++ starts; the
//! chosen one's centres then start Lloyd iterations on all buyers. The
//! result depends only on the data and the settings.

mod dots;
mod features;
mod lloyd;
mod problem;
mod profile;
mod settings;
mod silhouette;

pub use problem::KmeansProblem;
pub use profile::{ClusterProfile, RfmValues};
pub use settings::{KmeansSettings, KmeansSettingsError, MAX_K, MAX_SAMPLE, MIN_K, MIN_SAMPLE};

use crate::rng::{sample, SplitMix64};
pub use dots::{scatter_dots, ClusterDot, MAX_DOTS};

use crate::metrics::CustomerMetrics;
use features::{distinct_up_to, Features, Point};
use lloyd::{lloyd, seed, Fit};
use profile::{describe, Described};
use segscope_model::CustomerIdx;
use serde::{Deserialize, Serialize};
use silhouette::silhouette;

/// Fewest buyers that are clustered.
pub const MIN_BUYERS: usize = 10;
/// k-means++ starts per fit on the sample; the lowest inertia wins.
const STARTS: usize = 4;
/// Most Lloyd rounds of one fit.
const MAX_ITERATIONS: usize = 100;

/// Buyers in clusters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clustering {
    /// Number of clusters.
    pub k: u8,
    /// Mean silhouette (−1…1; higher is better separated) of the clusters,
    /// measured on the sample.
    pub silhouette: f64,
    /// Mean silhouette of the fit on the sample for each number of clusters
    /// tried (those the data has enough distinct buyers for), ascending k.
    pub silhouette_by_k: Vec<(u8, f64)>,
    /// True when k was chosen by silhouette, false when it was set.
    pub chosen_automatically: bool,
    /// The cluster of each customer (index into `clusters`); `None` for
    /// customers without a paid order.
    pub assignment: Vec<Option<u8>>,
    /// The clusters, highest mean revenue first.
    pub clusters: Vec<ClusterProfile>,
}

/// The part of a clustering the analysis summary carries.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KmeansSummary {
    /// Number of clusters.
    pub k: u8,
    /// Mean silhouette on the sample.
    pub silhouette: f64,
}

impl Clustering {
    /// Number of clusters and silhouette, for the analysis summary.
    pub fn summary(&self) -> KmeansSummary {
        KmeansSummary {
            k: self.k,
            silhouette: self.silhouette,
        }
    }

    /// The cluster of customer `c`, if it has one.
    pub fn cluster_of(&self, c: CustomerIdx) -> Option<&ClusterProfile> {
        let j = self.assignment.get(c as usize).copied().flatten()?;
        self.clusters.get(usize::from(j))
    }
}

/// Clusters the buyers (customers with a paid order; other entries of
/// `buyers` are skipped) of `metrics`. `rfm_scale` (3..=5, clamped) is the
/// scale cluster names are scored on. Out-of-range settings are clamped;
/// too few buyers, or fewer distinct buyers than clusters, give a problem.
pub fn cluster(
    metrics: &CustomerMetrics,
    buyers: &[CustomerIdx],
    settings: &KmeansSettings,
    rfm_scale: u8,
) -> Result<Clustering, KmeansProblem> {
    let buyers: Vec<CustomerIdx> = buyers
        .iter()
        .copied()
        .filter(|&c| metrics.orders.get(c as usize).is_some_and(|&o| o > 0))
        .collect();
    if buyers.len() < MIN_BUYERS {
        return Err(KmeansProblem::TooFewBuyers {
            buyers: buyers.len(),
            needed: MIN_BUYERS,
        });
    }
    let features = Features::of(metrics, &buyers);
    let distinct = distinct_up_to(&features.points, usize::from(MAX_K));
    let set_k = settings.k.map(|k| k.clamp(MIN_K, MAX_K));
    let needed = usize::from(set_k.unwrap_or(MIN_K));
    if distinct < needed {
        return Err(KmeansProblem::TooFewDistinct { distinct, needed });
    }
    let mut rng = SplitMix64::new(settings.seed);
    let sample_size = settings.sample_size.clamp(MIN_SAMPLE, MAX_SAMPLE);
    let picked = sample(features.points.len(), sample_size, &mut rng);
    let sampled: Vec<Point> = picked.iter().map(|&i| features.points[i]).collect();

    let max_k = distinct.min(usize::from(MAX_K));
    let mut sample_fits: Vec<(u8, Fit, f64)> = Vec::new();
    for k in MIN_K..=max_k as u8 {
        if let Some(fit) = fit_sample(&sampled, usize::from(k), &mut rng) {
            let s = silhouette(&sampled, &fit.labels, fit.centres.len());
            sample_fits.push((k, fit, s));
        }
    }
    let best = sample_fits
        .iter()
        .fold(None, |best: Option<&(u8, Fit, f64)>, candidate| match best {
            Some(b) if b.2 >= candidate.2 => best,
            _ => Some(candidate),
        })
        .map(|(k, _, _)| *k);
    let k = set_k.or(best).unwrap_or(MIN_K);
    let start = match sample_fits.iter().find(|(fk, _, _)| *fk == k) {
        Some((_, fit, _)) => Some(fit.centres.clone()),
        None => seed(&features.points, usize::from(k), &mut rng),
    };
    let Some(start) = start else {
        return Err(KmeansProblem::TooFewDistinct {
            distinct,
            needed: usize::from(k),
        });
    };
    let fit = lloyd(&features.points, start, MAX_ITERATIONS);
    let sample_labels: Vec<u8> = picked.iter().map(|&i| fit.labels[i]).collect();
    let final_silhouette = silhouette(&sampled, &sample_labels, fit.centres.len());

    let (clusters, renumber) = describe(&Described {
        metrics,
        buyers: &buyers,
        features: &features,
        labels: &fit.labels,
        centres: &fit.centres,
        scale: rfm_scale.clamp(3, 5),
    });
    let mut assignment = vec![None; metrics.len()];
    for (&c, &label) in buyers.iter().zip(&fit.labels) {
        assignment[c as usize] = renumber.get(usize::from(label)).copied();
    }
    Ok(Clustering {
        k: u8::try_from(clusters.len()).unwrap_or(MAX_K),
        silhouette: final_silhouette,
        silhouette_by_k: sample_fits.iter().map(|(k, _, s)| (*k, *s)).collect(),
        chosen_automatically: set_k.is_none(),
        assignment,
        clusters,
    })
}

/// The best (lowest inertia) of [`STARTS`] k-means++ fits of `k` clusters
/// on `points`; `None` when no start gives `k` non-empty clusters.
fn fit_sample(points: &[Point], k: usize, rng: &mut SplitMix64) -> Option<Fit> {
    let mut best: Option<Fit> = None;
    for _ in 0..STARTS {
        let Some(centres) = seed(points, k, rng) else {
            continue;
        };
        let fit = lloyd(points, centres, MAX_ITERATIONS);
        let better = best.as_ref().is_none_or(|b| fit.inertia < b.inertia);
        if fit.centres.len() == k && better {
            best = Some(fit);
        }
    }
    best
}

#[cfg(test)]
mod tests;
