//! What the user can set for K-means clusters (docs/product.md#clusters).

use crate::texts::t;
use segscope_i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

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
    pub fn validate(&self) -> Result<(), KmeansSettingsError> {
        if let Some(k) = self.k.filter(|k| !(MIN_K..=MAX_K).contains(k)) {
            return Err(KmeansSettingsError::ClusterCount { k });
        }
        if !(MIN_SAMPLE..=MAX_SAMPLE).contains(&self.sample_size) {
            return Err(KmeansSettingsError::SampleSize { size: self.sample_size });
        }
        Ok(())
    }
}

/// Why K-means settings cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KmeansSettingsError {
    /// The number of clusters is outside [`MIN_K`]..=[`MAX_K`].
    ClusterCount {
        /// The number asked for.
        k: u8,
    },
    /// The sample is outside [`MIN_SAMPLE`]..=[`MAX_SAMPLE`] buyers.
    SampleSize {
        /// The sample size asked for.
        size: usize,
    },
}

impl KmeansSettingsError {
    /// The problem as a sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            KmeansSettingsError::ClusterCount { k } => t(lang, "settings.problem.cluster_count")
                .replace("{min}", &MIN_K.to_string())
                .replace("{max}", &MAX_K.to_string())
                .replace("{k}", &k.to_string()),
            KmeansSettingsError::SampleSize { .. } => t(lang, "settings.problem.cluster_sample")
                .replace("{min}", &MIN_SAMPLE.to_string())
                .replace("{max}", &MAX_SAMPLE.to_string()),
        }
    }
}

impl fmt::Display for KmeansSettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for KmeansSettingsError {}

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
        assert_eq!(tiny.validate(), Err(KmeansSettingsError::SampleSize { size: 10 }));
        let parsed: KmeansSettings = serde_json::from_str(r#"{"k":3}"#).unwrap_or_default();
        assert_eq!((parsed.k, parsed.sample_size), (Some(3), 3_000));
    }

    #[test]
    fn problems_read_as_before_in_both_languages() {
        let k = KmeansSettingsError::ClusterCount { k: 9 };
        assert_eq!(
            k.message(Lang::En),
            "The number of clusters must be from 2 to 8, not 9."
        );
        assert_eq!(k.message(Lang::Zh), "聚类数必须在 2 到 8 之间,而不是 9。");
        assert_eq!(k.to_string(), k.message(Lang::En));
        let sample = KmeansSettingsError::SampleSize { size: 10 };
        assert_eq!(
            sample.message(Lang::En),
            "The clustering sample must hold 200 to 10000 buyers."
        );
        assert_eq!(sample.message(Lang::Zh), "聚类样本必须包含 200 到 10000 位购买客户。");
    }
}
