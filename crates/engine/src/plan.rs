//! Which stages of the pipeline a settings change makes stale
//! (docs/product.md#settings): labels (the whole analysis), custom segments
//! (evaluated on the labels) and the fitted models. The session follows this
//! plan; the page never decides what to recompute.

use crate::models::settings_read;
use crate::settings::Settings;

/// The stages a settings change makes stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Recompute {
    /// Metrics, labels and the dashboard summary (an analysis run).
    pub labels: bool,
    /// The custom segments, evaluated on the labels.
    pub custom_segments: bool,
    /// K-means clusters and the CLV fits.
    pub models: bool,
}

impl Recompute {
    /// The stages that `new` makes stale after an analysis under `old`.
    ///
    /// Playbook texts label nothing. Custom segments are re-evaluated when
    /// their rules or the labels they read change. The models read the as-of
    /// day, the RFM scale (which names the clusters) and their own settings.
    pub fn between(old: &Settings, new: &Settings) -> Recompute {
        let labels = label_inputs(old) != label_inputs(new);
        Recompute {
            labels,
            custom_segments: labels || old.custom_segments != new.custom_segments,
            models: settings_read(old) != settings_read(new),
        }
    }

    /// Whether nothing needs recomputing.
    pub fn is_nothing(self) -> bool {
        self == Recompute::default()
    }
}

/// The settings with only what labels customers kept: the playbook, the
/// custom segments and the model settings set to their defaults.
fn label_inputs(settings: &Settings) -> Settings {
    Settings {
        playbook: Default::default(),
        custom_segments: Default::default(),
        kmeans: Default::default(),
        clv: Default::default(),
        ..settings.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::custom::rules::{CmpOp, Field, Node, SegmentRule, Test};

    fn after(edit: impl FnOnce(&mut Settings)) -> Recompute {
        let old = Settings::default();
        let mut new = old.clone();
        edit(&mut new);
        Recompute::between(&old, &new)
    }

    #[test]
    fn each_edit_stales_its_stages() {
        assert!(after(|_| ()).is_nothing());
        assert!(after(|s| {
            s.playbook.insert("seg.champions".into(), "Call them".into());
        })
        .is_nothing());
        let all = Recompute {
            labels: true,
            custom_segments: true,
            models: true,
        };
        assert_eq!(after(|s| s.rfm.scale = 3), all);
        assert_eq!(after(|s| s.as_of = chrono::NaiveDate::from_ymd_opt(2024, 1, 1)), all);
        let labels_only = Recompute { models: false, ..all };
        assert_eq!(after(|s| s.tiers.weight_aov = 0.5), labels_only);
        assert_eq!(after(|s| s.lifecycle.new_days = 7), labels_only);
        assert_eq!(after(|s| s.engagement.active_days += 1), labels_only);
        let models_only = Recompute {
            models: true,
            ..Recompute::default()
        };
        assert_eq!(after(|s| s.kmeans.k = Some(7)), models_only);
        assert_eq!(after(|s| s.clv.horizon_months += 6), models_only);
        let custom_only = Recompute {
            custom_segments: true,
            ..Recompute::default()
        };
        let big = SegmentRule {
            name: "Big".into(),
            rule: Node::cond(
                Field::Revenue,
                Test::Cmp {
                    op: CmpOp::Ge,
                    value: 100.0,
                },
            ),
        };
        assert_eq!(after(|s| s.custom_segments.segments.push(big)), custom_only);
    }
}
