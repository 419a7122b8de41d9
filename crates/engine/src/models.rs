//! The fitted models (docs/product.md#clusters, docs/product.md#predicted-lifetime-value,
//! docs/product.md#psychographic-classes): K-means clusters, predicted CLV and the survey's
//! psychographic classes.
//! They are fitted after the labels, only when a settings change made the
//! last fit stale (see [`settings_read`] and [`crate::plan`]), so
//! re-segmenting for another tier cut-off or window stays fast.

use crate::clv::{self, BgNbdFit, ClvModel, ClvProblem, ClvSettings, GammaGammaFit};
use crate::kmeans::{self, ClusterDot, ClusterProfile, Clustering, KmeansProblem, KmeansSettings};
use crate::settings::Settings;
use crate::survey::lca::{self, LcaProblem, PsychoSummary, Psychographics};
use crate::Analysis;
use chrono::NaiveDate;
use segscope_model::Dataset;
use serde::{Deserialize, Serialize};

/// The models, or why each could not be fitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Models {
    /// K-means clusters.
    pub clusters: Result<Clustering, KmeansProblem>,
    /// BG/NBD + Gamma-Gamma predictions.
    pub clv: Result<ClvModel, ClvProblem>,
    /// Latent classes of the survey answers.
    pub psychographics: Result<Psychographics, LcaProblem>,
}

/// The settings the models read, directly or through the analysis: the
/// as-of date (recency and the calibration period), the RFM scale (it names
/// the clusters) and their own settings. While these are equal, a fit stays
/// valid ([`crate::plan::Recompute`]).
pub(crate) fn settings_read(settings: &Settings) -> (Option<NaiveDate>, u8, &KmeansSettings, &ClvSettings) {
    (settings.as_of, settings.rfm.scale, &settings.kmeans, &settings.clv)
}

impl Models {
    /// Fits the models for `analysis` of `dataset` under `settings`.
    pub fn fit(dataset: &Dataset, analysis: &Analysis, settings: &Settings) -> Models {
        // Clusters use recency: buyers without a dated order are left out.
        let buyers = analysis.metrics.dated_buyers();
        let clusters = kmeans::cluster(&analysis.metrics, &buyers, &settings.kmeans, analysis.labels.rfm_scale);
        let clv = clv::fit(dataset, analysis.as_of, &settings.clv);
        let psychographics = lca::psychographics(dataset);
        Models {
            clusters,
            clv,
            psychographics,
        }
    }

    /// Customer `c`'s psychographic class (an index into the summary's
    /// classes), if they answered the survey analysed.
    pub fn psycho_class(&self, c: usize) -> Option<u8> {
        let p = self.psychographics.as_ref().ok()?;
        p.customer_class.get(c).copied().flatten()
    }

    /// Customer `c`'s cluster name (English), if clustered.
    pub fn cluster_name(&self, c: usize) -> Option<String> {
        let clustering = self.clusters.as_ref().ok()?;
        clustering.cluster_of(c as u32).map(ClusterProfile::english_name)
    }

    /// Customer `c`'s P(alive), expected purchases and CLV, if predicted.
    pub fn predictions(&self, c: usize) -> [Option<f64>; 3] {
        match &self.clv {
            Ok(m) => [
                m.p_alive.get(c).copied().flatten(),
                m.expected_purchases.get(c).copied().flatten(),
                m.clv.get(c).copied().flatten(),
            ],
            Err(_) => [None; 3],
        }
    }

    /// What the Clusters and CLV pages show.
    pub fn summary(&self, dataset: &Dataset, analysis: &Analysis) -> ModelsSummary {
        ModelsSummary {
            clusters: self
                .clusters
                .as_ref()
                .map(|c| ClusterSummary::of(c, analysis))
                .map_err(|p| *p),
            clv: self.clv.as_ref().map(|m| ClvSummary::of(m, dataset)).map_err(|p| *p),
            psychographics: self.psychographics.as_ref().map(|p| p.summary.clone()).map_err(|p| *p),
        }
    }
}

/// The Clusters page's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterSummary {
    /// Clusters found.
    pub k: u8,
    /// Mean silhouette of the final fit (on the sample).
    pub silhouette: f64,
    /// Silhouette of each k tried.
    pub silhouette_by_k: Vec<(u8, f64)>,
    /// True when k was chosen by silhouette, false when set.
    pub chosen_automatically: bool,
    /// The clusters, highest mean revenue first.
    pub clusters: Vec<ClusterProfile>,
    /// The sampled buyers the cluster scatter draws.
    pub dots: Vec<ClusterDot>,
}

impl ClusterSummary {
    fn of(clustering: &Clustering, analysis: &Analysis) -> ClusterSummary {
        ClusterSummary {
            k: clustering.k,
            silhouette: clustering.silhouette,
            silhouette_by_k: clustering.silhouette_by_k.clone(),
            chosen_automatically: clustering.chosen_automatically,
            clusters: clustering.clusters.clone(),
            dots: kmeans::scatter_dots(&analysis.metrics, clustering),
        }
    }
}

/// One band of the CLV distribution.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ClvBin {
    /// Lower bound.
    pub from: f64,
    /// Upper bound (the last bin also holds everything above).
    pub to: f64,
    /// Buyers in the band.
    pub customers: u64,
}

/// CLV of one acquisition source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceClv {
    /// The source; `None` when unknown.
    pub source: Option<String>,
    /// Buyers with a prediction.
    pub buyers: u64,
    /// Sum of their CLV.
    pub total: f64,
    /// Mean CLV.
    pub mean: f64,
}

/// The CLV page's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClvSummary {
    /// Settings in force.
    pub settings: ClvSettings,
    /// The purchase model.
    pub bgnbd: BgNbdFit,
    /// The spend model.
    pub gamma_gamma: GammaGammaFit,
    /// Buyers fitted.
    pub buyers: u32,
    /// Repeat buyers in the spend sample.
    pub repeat_buyers: u32,
    /// Sum of predicted CLV.
    pub total_clv: f64,
    /// Mean predicted CLV per buyer.
    pub mean_clv: f64,
    /// Mean P(alive) per buyer.
    pub mean_p_alive: f64,
    /// Expected purchases over the horizon, all buyers.
    pub expected_purchases: f64,
    /// Distribution of CLV (ten bands up to the 99th percentile).
    pub distribution: Vec<ClvBin>,
    /// CLV per source, largest total first.
    pub by_source: Vec<SourceClv>,
}

/// Bands of the CLV distribution.
const CLV_BINS: usize = 10;

impl ClvSummary {
    fn of(m: &ClvModel, dataset: &Dataset) -> ClvSummary {
        let values: Vec<(usize, f64)> = m
            .clv
            .iter()
            .enumerate()
            .filter_map(|(c, v)| v.filter(|v| v.is_finite()).map(|v| (c, v)))
            .collect();
        let n = values.len().max(1) as f64;
        let total_clv: f64 = values.iter().map(|(_, v)| v).sum();
        let mean_of = |xs: &[Option<f64>]| xs.iter().flatten().filter(|v| v.is_finite()).sum::<f64>();
        ClvSummary {
            settings: m.settings,
            bgnbd: m.bgnbd,
            gamma_gamma: m.gamma_gamma,
            buyers: m.buyers,
            repeat_buyers: m.repeat_buyers,
            total_clv,
            mean_clv: total_clv / n,
            mean_p_alive: mean_of(&m.p_alive) / n,
            expected_purchases: mean_of(&m.expected_purchases),
            distribution: distribution(values.iter().map(|(_, v)| *v).collect()),
            by_source: by_source(dataset, &values),
        }
    }
}

fn distribution(mut values: Vec<f64>) -> Vec<ClvBin> {
    if values.is_empty() {
        return Vec::new();
    }
    values.sort_by(f64::total_cmp);
    let top = values[((values.len() - 1) as f64 * 0.99).round() as usize]
        .max(values[0])
        .max(1e-9);
    let width = top / CLV_BINS as f64;
    let mut bins: Vec<ClvBin> = (0..CLV_BINS)
        .map(|i| ClvBin {
            from: width * i as f64,
            to: width * (i + 1) as f64,
            customers: 0,
        })
        .collect();
    for v in values {
        let i = ((v.max(0.0) / width) as usize).min(CLV_BINS - 1);
        bins[i].customers += 1;
    }
    bins
}

fn by_source(dataset: &Dataset, values: &[(usize, f64)]) -> Vec<SourceClv> {
    let sources = dataset.sources.len();
    let mut rows: Vec<SourceClv> = (0..=sources)
        .map(|s| SourceClv {
            source: dataset.sources.get(s).cloned(),
            buyers: 0,
            total: 0.0,
            mean: 0.0,
        })
        .collect();
    for &(c, v) in values {
        let s = dataset
            .customers
            .source()
            .get(c)
            .copied()
            .flatten()
            .map_or(sources, usize::from)
            .min(sources);
        rows[s].buyers += 1;
        rows[s].total += v;
    }
    rows.retain(|r| r.buyers > 0);
    for r in &mut rows {
        r.mean = r.total / r.buyers as f64;
    }
    rows.sort_by(|a, b| b.total.total_cmp(&a.total).then(a.source.cmp(&b.source)));
    rows
}

/// The models' summaries, or why each is missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelsSummary {
    /// The clusters.
    pub clusters: Result<ClusterSummary, KmeansProblem>,
    /// The CLV predictions.
    pub clv: Result<ClvSummary, ClvProblem>,
    /// The psychographic classes.
    pub psychographics: Result<PsychoSummary, LcaProblem>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distribution_bins_hold_every_value() {
        let bins = distribution(vec![0.0, 1.0, 2.0, 50.0, 1000.0]);
        assert_eq!(bins.len(), CLV_BINS);
        assert_eq!(bins.iter().map(|b| b.customers).sum::<u64>(), 5);
        assert!(distribution(Vec::new()).is_empty());
    }
}
