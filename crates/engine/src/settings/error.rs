//! Why settings cannot be used (docs/product.md#settings): one variant per problem, in words
//! from the text table in either UI language.
//!
//! A leaf module: the schemes' own settings errors ([`KmeansSettingsError`],
//! [`ClvSettingsError`], [`RuleProblem`]) are wrapped, not the other way round.

use crate::clv::ClvSettingsError;
use crate::custom::rules::RuleProblem;
use crate::feedback::{ThemeProblem, MAX_THEMES};
use crate::kmeans::KmeansSettingsError;
use crate::texts::t;
use segscope_i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Most membership levels.
pub const MAX_MEMBER_LEVELS: usize = 12;

/// Most income band boundaries.
pub const MAX_INCOME_BOUNDS: usize = 10;

/// Why a settings value cannot be used; [`SettingsError::message`] says it
/// to the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SettingsError {
    /// The RFM scale is not 3, 4 or 5.
    RfmScale {
        /// The scale asked for.
        scale: u8,
    },
    /// Fixed RFM cut-offs are not `wanted` rising non-negative numbers for
    /// each of R, F and M.
    FixedCutoffs {
        /// Cut-offs each dimension needs (the scale − 1).
        wanted: usize,
    },
    /// Tier weights are negative, not numbers, or all zero.
    TierWeights,
    /// Tier cut-offs are missing, not rising, or not strictly between 0 and 1.
    TierCutoffs,
    /// There is not one more tier name than cut-offs.
    TierNames {
        /// Tier cut-offs there are.
        cutoffs: usize,
    },
    /// Points per currency unit is negative or not a number.
    PointsRate,
    /// Membership levels do not start at 0 points, do not rise, or are more
    /// than [`MAX_MEMBER_LEVELS`].
    MemberLevels,
    /// A membership level has no name.
    MemberLevelName,
    /// A lifecycle window is 0 days.
    LifecycleWindow,
    /// Product views for Consideration is 0.
    ProductViews,
    /// Engagement windows: active is 0 days, or silent is not longer.
    EngagementWindows,
    /// An interest weight is negative or not a number.
    InterestWeights,
    /// Income bands are not 1 to [`MAX_INCOME_BOUNDS`] rising positive boundaries.
    IncomeBands,
    /// K-means settings cannot be used.
    Kmeans(KmeansSettingsError),
    /// CLV settings cannot be used.
    Clv(ClvSettingsError),
    /// The first problem of the custom segments.
    CustomSegments(RuleProblem),
    /// The theme dictionary cannot be used.
    Themes(ThemeProblem),
}

impl SettingsError {
    /// The problem as a sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SettingsError::RfmScale { scale } => {
                t(lang, "settings.problem.rfm_scale").replace("{scale}", &scale.to_string())
            }
            SettingsError::FixedCutoffs { wanted } => {
                t(lang, "settings.problem.fixed_cutoffs").replace("{wanted}", &wanted.to_string())
            }
            SettingsError::TierWeights => t(lang, "settings.problem.tier_weights").to_string(),
            SettingsError::TierCutoffs => t(lang, "settings.problem.tier_cutoffs").to_string(),
            SettingsError::TierNames { cutoffs } => t(lang, "settings.problem.tier_names")
                .replace("{cutoffs}", &cutoffs.to_string())
                .replace("{names}", &(cutoffs + 1).to_string()),
            SettingsError::PointsRate => t(lang, "settings.problem.points_rate").to_string(),
            SettingsError::MemberLevels => {
                t(lang, "settings.problem.member_levels").replace("{max}", &MAX_MEMBER_LEVELS.to_string())
            }
            SettingsError::MemberLevelName => t(lang, "settings.problem.member_level_name").to_string(),
            SettingsError::LifecycleWindow => t(lang, "settings.problem.lifecycle_window").to_string(),
            SettingsError::ProductViews => t(lang, "settings.problem.product_views").to_string(),
            SettingsError::EngagementWindows => t(lang, "settings.problem.engagement_windows").to_string(),
            SettingsError::InterestWeights => t(lang, "settings.problem.interest_weights").to_string(),
            SettingsError::IncomeBands => {
                t(lang, "settings.problem.income_bands").replace("{max}", &MAX_INCOME_BOUNDS.to_string())
            }
            SettingsError::Kmeans(e) => e.message(lang),
            SettingsError::Clv(e) => e.message(lang),
            SettingsError::CustomSegments(p) => p.message(lang),
            SettingsError::Themes(p) => t(lang, p.i18n_key()).replace("{max}", &MAX_THEMES.to_string()),
        }
    }
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SettingsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SettingsError::Kmeans(e) => Some(e),
            SettingsError::Clv(e) => Some(e),
            _ => None,
        }
    }
}

impl From<KmeansSettingsError> for SettingsError {
    fn from(e: KmeansSettingsError) -> Self {
        SettingsError::Kmeans(e)
    }
}

impl From<ClvSettingsError> for SettingsError {
    fn from(e: ClvSettingsError) -> Self {
        SettingsError::Clv(e)
    }
}

impl From<RuleProblem> for SettingsError {
    fn from(p: RuleProblem) -> Self {
        SettingsError::CustomSegments(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// English and Chinese of `e`, and Display is the English.
    fn both(e: &SettingsError) -> (String, String) {
        assert_eq!(e.to_string(), e.message(Lang::En));
        (e.message(Lang::En), e.message(Lang::Zh))
    }

    #[test]
    fn every_problem_reads_as_before_in_both_languages() {
        let cases: Vec<(SettingsError, &str, &str)> = vec![
            (
                SettingsError::RfmScale { scale: 7 },
                "RFM scale must be 3, 4 or 5, not 7.",
                "RFM 分值档数必须是 3、4 或 5,而不是 7。",
            ),
            (
                SettingsError::FixedCutoffs { wanted: 4 },
                "Fixed RFM cut-offs need 4 rising numbers of 0 or more for each of R, F and M.",
                "固定 RFM 分界需要为 R、F、M 各给出 4 个递增的非负数。",
            ),
            (
                SettingsError::TierWeights,
                "Tier weights must be numbers from 0 to 1,000,000, not all zero (six decimals count).",
                "分级权重必须是 0 到 1,000,000 之间的数,且不能全为 0(计入六位小数)。",
            ),
            (
                SettingsError::TierCutoffs,
                "Tier cut-offs must rise strictly between 0 and 1 (for example 0.2, 0.5).",
                "分级分界必须在 0 和 1 之间严格递增(例如 0.2、0.5)。",
            ),
            (
                SettingsError::TierNames { cutoffs: 2 },
                "There are 2 tier cut-offs, so give 3 tier names.",
                "共有 2 个分界,请给出 3 个等级名称。",
            ),
            (
                SettingsError::PointsRate,
                "Points per currency unit must be a number of 0 or more.",
                "每单位金额积分必须是大于等于 0 的数。",
            ),
            (
                SettingsError::MemberLevels,
                "Membership levels need the first at 0 points and rising thresholds (at most 12 levels).",
                "会员等级的第一级须从 0 积分开始,门槛逐级递增(最多 12 级)。",
            ),
            (
                SettingsError::MemberLevelName,
                "Every membership level needs a name.",
                "每个会员等级都需要名称。",
            ),
            (
                SettingsError::LifecycleWindow,
                "Lifecycle windows must be at least 1 day.",
                "生命周期窗口至少为 1 天。",
            ),
            (
                SettingsError::ProductViews,
                "Product views for Consideration must be at least 1.",
                "进入考虑阶段的商品浏览次数至少为 1。",
            ),
            (
                SettingsError::EngagementWindows,
                "Engagement windows need engaged ≥ 1 day and silent longer than engaged.",
                "互动度窗口要求互动活跃至少 1 天,互动沉默窗口长于互动活跃窗口。",
            ),
            (
                SettingsError::InterestWeights,
                "Interest weights must be numbers of 0 or more.",
                "兴趣权重必须是大于等于 0 的数。",
            ),
            (
                SettingsError::IncomeBands,
                "Income bands need 1 to 10 rising positive boundaries.",
                "收入分档需要 1 到 10 个递增的正数分界。",
            ),
            (
                SettingsError::Kmeans(KmeansSettingsError::ClusterCount { k: 1 }),
                "The number of clusters must be from 2 to 8, not 1.",
                "聚类数必须在 2 到 8 之间,而不是 1。",
            ),
            (
                SettingsError::Clv(ClvSettingsError::Horizon { months: 0 }),
                "The CLV horizon must be 1 to 120 months.",
                "CLV 预测期必须为 1 到 120 个月。",
            ),
            (
                SettingsError::CustomSegments(RuleProblem::Cycle {
                    names: vec!["a".into()],
                }),
                "These segments refer to each other in a loop: “a”.",
                "这些分群相互引用,形成了循环:「a」。",
            ),
        ];
        for (e, en, zh) in cases {
            assert_eq!(both(&e), (en.to_string(), zh.to_string()), "{e:?}");
        }
    }

    #[test]
    fn wrapped_problems_keep_their_source() {
        use std::error::Error;
        let e = SettingsError::from(ClvSettingsError::MonthlyDiscount);
        assert_eq!(e, SettingsError::Clv(ClvSettingsError::MonthlyDiscount));
        assert!(e.source().is_some());
        assert!(SettingsError::TierWeights.source().is_none());
    }
}
