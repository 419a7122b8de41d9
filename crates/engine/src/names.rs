//! Display names of every label (segments' clusters, value tiers,
//! membership levels, sources, demographic bands, psychographic classes) in the reader's language:
//! built-in names are translated through the text tables, names the user
//! gave are shown as given. The one place that decides how a label reads.

use crate::audience::BandName;
use crate::kmeans::ClusterProfile;
use crate::survey::SurveyGroup;
use crate::texts::t;
use crate::TierStat;
use crate::NO_PURCHASE;
use segscope_i18n::Lang;

/// The name of `tier` to show in `lang`: built-in names are translated, user
/// names are shown as given.
pub fn tier_display_name(tier: &TierStat, lang: Lang) -> String {
    if !tier.is_default_name {
        return tier.name.clone();
    }
    let key = match tier.name.as_str() {
        "Top" => "tier.top",
        "High" => "tier.high",
        "Medium" => "tier.medium",
        "Low" => "tier.low",
        "Lowest" => "tier.lowest",
        NO_PURCHASE => "tier.none",
        _ => return numbered_tier(lang, tier.index),
    };
    t(lang, key).to_string()
}

/// "Tier 4" / "第 4 级" for the tier at `index` (0-based).
pub(crate) fn numbered_tier(lang: Lang, index: usize) -> String {
    t(lang, "tier.numbered").replace("{n}", &(index + 1).to_string())
}

/// The name of the customers a survey score counts: everyone, a value tier
/// (`tiers`: the summary's tier rows), an RFM segment or a lifecycle stage.
pub fn survey_group_name(group: SurveyGroup, tiers: &[TierStat], lang: Lang) -> String {
    match group {
        SurveyGroup::All => t(lang, "survey.everyone").to_string(),
        SurveyGroup::Tier(i) => tiers
            .get(i)
            .map_or_else(|| numbered_tier(lang, i), |tier| tier_display_name(tier, lang)),
        SurveyGroup::Segment(segment) => t(lang, segment.i18n_key()).to_string(),
        SurveyGroup::Stage(stage) => t(lang, stage.i18n_key()).to_string(),
    }
}

/// The name of psychographic class `index` (0-based, largest first): the
/// user's name from `names` when given, else "Class 1" / "第 1 类".
pub fn class_display_name(index: usize, names: &[String], lang: Lang) -> String {
    match names.get(index).map(|n| n.trim()).filter(|n| !n.is_empty()) {
        Some(name) => name.to_string(),
        None => t(lang, "lca.class_numbered").replace("{n}", &(index + 1).to_string()),
    }
}

/// A feedback theme's name: built-in names in the reader's language, the
/// user's own as given.
pub fn theme_display_name(name: &str, lang: Lang) -> String {
    let key = match name {
        "Delivery" => "theme.delivery",
        "Service" => "theme.service",
        "Quality" => "theme.quality",
        "Price" => "theme.price",
        "Size" => "theme.size",
        "Packaging" => "theme.packaging",
        "After-sales" => "theme.after_sales",
        other => return other.to_string(),
    };
    t(lang, key).to_string()
}

/// A membership level's name: built-in names in the reader's language.
pub fn level_display_name(name: &str, lang: Lang) -> String {
    match name {
        "Bronze" => t(lang, "level.bronze").into(),
        "Silver" => t(lang, "level.silver").into(),
        "Gold" => t(lang, "level.gold").into(),
        "Diamond" => t(lang, "level.diamond").into(),
        other => other.into(),
    }
}

/// A source's name, or "Unknown" in the reader's language.
pub fn source_display_name(source: Option<&str>, lang: Lang) -> String {
    source.map_or_else(|| t(lang, "source.unknown").to_string(), str::to_string)
}

/// A band's name in the reader's language.
pub fn band_display_name(name: &BandName, lang: Lang) -> String {
    match name {
        BandName::Key(k) => t(lang, k).to_string(),
        BandName::Text(text) => text.clone(),
    }
}

impl ClusterProfile {
    /// The cluster's name in `lang`: "Like" its centre's segment (so that it
    /// never reads as the RFM segment itself, whose size differs), numbered
    /// when another cluster shares the segment.
    pub fn display_name(&self, lang: Lang) -> String {
        self.named(t(lang, self.nearest_segment.i18n_key()), lang)
    }

    /// The cluster's English name, for exports whatever the UI language.
    pub fn english_name(&self) -> String {
        self.named(self.nearest_segment.english_name(), Lang::En)
    }

    fn named(&self, segment: &str, lang: Lang) -> String {
        let like = t(lang, "kmeans.like").replace("{segment}", segment);
        if self.ordinal == 0 {
            like
        } else {
            t(lang, "kmeans.numbered")
                .replace("{cluster}", &like)
                .replace("{n}", &self.ordinal.to_string())
        }
    }
}
