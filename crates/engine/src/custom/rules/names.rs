//! The names each value of a label column answers to in text tests: its
//! English (spec) name and its displayed names in every UI language.

use super::ast::Condition;
use super::context::RuleContext;
use super::field::Field;
use super::text::TextMatcher;
use crate::survey::NpsGroup;
use crate::texts::t;
use crate::{level_display_name, theme_display_name};
use crate::{tier_display_name, LifecycleStage, RfmSegment};
use segscope_i18n::Lang;

/// The names of each code of the label column `field` (codes as in
/// `super::columns`), or the dataset's own names for sources and categories;
/// empty for other fields.
pub(crate) fn label_names(ctx: &RuleContext, field: &Field) -> Vec<Vec<String>> {
    let summary = &ctx.analysis.summary;
    let localized =
        |english: &str, key: &str| vec![english.to_string(), t(Lang::En, key).into(), t(Lang::Zh, key).into()];
    match field {
        Field::Source => ctx.dataset.sources.iter().map(|s| vec![s.clone()]).collect(),
        Field::FavoriteCategory => ctx.dataset.categories.iter().map(|c| vec![c.clone()]).collect(),
        Field::RfmSegment => RfmSegment::ALL
            .iter()
            .map(|s| localized(s.english_name(), s.i18n_key()))
            .collect(),
        Field::LifecycleStage => LifecycleStage::ALL
            .iter()
            .map(|s| localized(s.english_name(), s.i18n_key()))
            .collect(),
        Field::NpsGroup => NpsGroup::ALL
            .iter()
            .map(|g| localized(g.english_name(), g.i18n_key()))
            .collect(),
        Field::Themes => ctx
            .analysis
            .settings
            .themes
            .themes
            .iter()
            .map(|theme| {
                vec![
                    theme.name.clone(),
                    theme_display_name(&theme.name, Lang::En),
                    theme_display_name(&theme.name, Lang::Zh),
                ]
            })
            .collect(),
        Field::ValueTier => summary
            .tiers
            .iter()
            .map(|tier| {
                vec![
                    tier.name.clone(),
                    tier_display_name(tier, Lang::En),
                    tier_display_name(tier, Lang::Zh),
                ]
            })
            .collect(),
        Field::MemberLevel => summary
            .membership
            .iter()
            .map(|level| {
                vec![
                    level.name.clone(),
                    level_display_name(&level.name, Lang::En),
                    level_display_name(&level.name, Lang::Zh),
                ]
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// For a text test on a label field, whether each value of the label (by
/// code, as [`label_names`] lists them) matches; `None` for other tests
/// (is set, is empty) and other fields.
pub fn label_hits(ctx: &RuleContext, condition: &Condition) -> Option<Vec<bool>> {
    let matcher = TextMatcher::of(&condition.test)?;
    let names = label_names(ctx, &condition.field);
    Some(names.iter().map(|n| matcher.matches_any(n)).collect())
}
