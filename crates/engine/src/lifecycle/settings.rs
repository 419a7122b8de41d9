//! Lifecycle settings: the windows that make a buyer new or active.

use crate::settings::SettingsError;
use serde::{Deserialize, Serialize};

/// Lifecycle stage windows (docs/product.md#lifecycle-stages).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LifecycleSettings {
    /// A first paid order at most this many days before the as-of date makes
    /// a customer New.
    pub new_days: u32,
    /// The active window A in days; `None` means max(90, 2 × the median gap
    /// between consecutive paid orders of the same customer).
    pub active_window_days: Option<u32>,
}

impl Default for LifecycleSettings {
    fn default() -> Self {
        LifecycleSettings {
            new_days: 90,
            active_window_days: None,
        }
    }
}

impl LifecycleSettings {
    /// Checks that both windows are at least a day long.
    pub fn validate(&self) -> Result<(), SettingsError> {
        if self.new_days == 0 || self.active_window_days == Some(0) {
            return Err(SettingsError::LifecycleWindow);
        }
        Ok(())
    }
}
