//! What the user can set for K-means clusters (SPEC S5.8).

use crate::settings::SettingsError;
use serde::{Deserialize, Serialize};

/// Fewest clusters.
pub const MIN_K: u8 = 2;
/// Most clusters.
pub const MAX_K: u8 = 8;
/// Smallest sample the number of clusters is chosen on.
pub const MIN_SAMPLE: usize = 200;
/// Largest sample (the silhouette costs the sample size squared).
pub const MAX_SAMPLE: usize = 10_000;

/// K-means settings. Missing fields take their defaults when deserialised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KmeansSettings {
    /// Number of clusters, 2..=8; `None` chooses it by silhouette.
    pub k: Option<u8>,
    /// Seed of the random choices (sample, k-means++ centres): the same seed
    /// and data always give the same clusters.
    pub seed: u64,
    /// How many buyers the number of clusters is chosen on, and the
    /// silhouette measured on.
    pub sample_size: usize,
}

impl Default for KmeansSettings {
    fn default() -> Self {
        KmeansSettings {
            k: None,
            seed: 0x5E65_C0BE,
            sample_size: 3_000,
        }
    }
}

impl KmeansSettings {
    /// Checks that every value is usable; returns the first problem found.
    pub fn validate(&self) -> Result<(), SettingsError> {
        if let Some(k) = self.k.filter(|k| !(MIN_K..=MAX_K).contains(k)) {
            return Err(SettingsError {
                en: format!("The number of clusters must be from {MIN_K} to {MAX_K}, not {k}."),
                zh: format!("聚类数必须在 {MIN_K} 到 {MAX_K} 之间,而不是 {k}。"),
            });
        }
        if !(MIN_SAMPLE..=MAX_SAMPLE).contains(&self.sample_size) {
            return Err(SettingsError {
                en: format!("The clustering sample must hold {MIN_SAMPLE} to {MAX_SAMPLE} buyers."),
                zh: format!("聚类样本必须包含 {MIN_SAMPLE} 到 {MAX_SAMPLE} 位购买客户。"),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_bad_values_are_caught() {
        assert_eq!(KmeansSettings::default().validate(), Ok(()));
        let k = |k| KmeansSettings {
            k: Some(k),
            ..KmeansSettings::default()
        };
        assert!(k(2).validate().is_ok() && k(8).validate().is_ok());
        assert!(k(1).validate().is_err() && k(9).validate().is_err());
        let tiny = KmeansSettings {
            sample_size: 10,
            ..KmeansSettings::default()
        };
        assert!(tiny.validate().is_err());
        let parsed: KmeansSettings = serde_json::from_str(r#"{"k":3}"#).unwrap_or_default();
        assert_eq!((parsed.k, parsed.sample_size), (Some(3), 3_000));
    }
}
