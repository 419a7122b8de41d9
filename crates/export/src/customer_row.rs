//! One customer's row of the per-customer exports, as typed cells: the English
//! CSV, the localized CSV and the `.xlsx` workbook all render these same cells,
//! each its own way.

use crate::texts::t;
use segscope_engine::kmeans::ClusterProfile;
use segscope_engine::survey::NpsGroup;
use segscope_engine::{
    audience::{Engagement, LeadStage},
    tier_display_name, Analysis, LifecycleStage, RfmSegment, NO_PURCHASE,
};
use segscope_engine::{class_display_name, level_display_name, theme_display_name};
use segscope_i18n::Lang;
use segscope_model::{ContactField, Dataset, Day};
use std::borrow::Cow;

/// How many columns a customer row has.
pub const COLUMNS: usize = 37;

/// The header row, snake_case English.
pub const CUSTOMER_COLUMNS: [&str; COLUMNS] = [
    "customer_id",
    "first_order_date",
    "last_order_date",
    "orders",
    "revenue",
    "aov",
    "recency_days",
    "r_score",
    "f_score",
    "m_score",
    "rfm_segment",
    "value_score",
    "value_tier",
    "member_level",
    "lifecycle_stage",
    "lead_stage",
    "engagement",
    "favorite_category",
    "source",
    "cluster",
    "p_alive",
    "expected_purchases",
    "clv",
    "custom_segments",
    "nps_score",
    "nps_group",
    "csat",
    "psycho_class",
    "themes",
    "age_band",
    "gender",
    "income_band",
    "occupation",
    "region",
    "name",
    "email",
    "phone",
];

/// The i18n keys of the readable headers, in [`CUSTOMER_COLUMNS`] order.
const COLUMN_KEYS: [&str; COLUMNS] = [
    "export.col.customer_id",
    "export.col.first_order_date",
    "export.col.last_order_date",
    "export.col.orders",
    "export.col.revenue",
    "export.col.aov",
    "export.col.recency_days",
    "export.col.r_score",
    "export.col.f_score",
    "export.col.m_score",
    "export.col.rfm_segment",
    "export.col.value_score",
    "export.col.value_tier",
    "export.col.member_level",
    "export.col.lifecycle_stage",
    "export.col.lead_stage",
    "export.col.engagement",
    "export.col.favorite_category",
    "export.col.source",
    "export.col.cluster",
    "export.col.p_alive",
    "export.col.expected_purchases",
    "export.col.clv",
    "export.col.custom_segments",
    "export.col.nps_score",
    "export.col.nps_group",
    "export.col.csat",
    "export.col.psycho_class",
    "export.col.themes",
    "export.col.age_band",
    "export.col.gender",
    "export.col.income_band",
    "export.col.occupation",
    "export.col.region",
    "export.col.name",
    "export.col.email",
    "export.col.phone",
];

/// The readable headers in `lang` ("Customer ID", "客户ID", …).
pub(crate) fn localized_columns(lang: Lang) -> [&'static str; COLUMNS] {
    COLUMN_KEYS.map(|key| t(lang, key))
}

/// One cell of a customer row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell<'a> {
    /// Nothing to show (not computable, e.g. the AOV of a non-buyer).
    Empty,
    /// Text, possibly from the user's files (writers guard formulas).
    Text(Cow<'a, str>),
    /// A whole number.
    Int(i64),
    /// A number shown with this many decimals (finite; else `Empty`).
    Fixed(f64, u32),
    /// A calendar day.
    Day(Day),
}

/// How label values are worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wording {
    /// The fixed English names of docs/product.md#automation-hooks and the user's own names as given.
    Export,
    /// The names the UI shows in this language.
    Localized(Lang),
}

/// Label texts of one export, looked up once instead of once per row.
pub(crate) struct LabelTexts<'a> {
    segments: [&'static str; RfmSegment::ALL.len()],
    no_purchase: &'static str,
    tiers: Vec<Cow<'a, str>>,
    levels: Vec<Cow<'a, str>>,
    lifecycle: [&'static str; LifecycleStage::ALL.len()],
    leads: [&'static str; LeadStage::ALL.len()],
    engagement: [&'static str; Engagement::ALL.len()],
    nps_groups: [&'static str; NpsGroup::ALL.len()],
    /// Per demographic dimension, the text of each band.
    bands: Vec<Vec<&'a str>>,
    /// The name of each K-means cluster.
    clusters: Vec<String>,
    /// The name of each psychographic class.
    classes: Vec<String>,
    /// The name of each feedback theme.
    themes: Vec<String>,
}

impl<'a> LabelTexts<'a> {
    /// The texts of `analysis`'s labels in `wording`.
    pub(crate) fn new(analysis: &'a Analysis, wording: Wording) -> Self {
        let summary = &analysis.summary;
        match wording {
            Wording::Export => LabelTexts {
                segments: RfmSegment::ALL.map(RfmSegment::english_name),
                no_purchase: NO_PURCHASE,
                tiers: summary.tiers.iter().map(|s| Cow::from(s.name.as_str())).collect(),
                levels: summary.membership.iter().map(|l| Cow::from(l.name.as_str())).collect(),
                lifecycle: LifecycleStage::ALL.map(LifecycleStage::english_name),
                leads: LeadStage::ALL.map(LeadStage::english_name),
                engagement: Engagement::ALL.map(Engagement::english_name),
                nps_groups: NpsGroup::ALL.map(NpsGroup::english_name),
                bands: analysis.bands.iter().map(|b| b.export_names(Lang::En)).collect(),
                clusters: cluster_names(analysis, |c| c.english_name()),
                classes: class_names(analysis, Lang::En),
                themes: theme_names(analysis, |name| name.to_string()),
            },
            Wording::Localized(lang) => LabelTexts {
                segments: RfmSegment::ALL.map(|s| t(lang, s.i18n_key())),
                no_purchase: t(lang, "tier.none"),
                tiers: summary
                    .tiers
                    .iter()
                    .map(|s| tier_display_name(s, lang).into())
                    .collect(),
                levels: summary
                    .membership
                    .iter()
                    .map(|l| level_display_name(&l.name, lang).into())
                    .collect(),
                lifecycle: LifecycleStage::ALL.map(|s| t(lang, s.i18n_key())),
                leads: LeadStage::ALL.map(|s| t(lang, s.i18n_key())),
                engagement: Engagement::ALL.map(|e| t(lang, e.i18n_key())),
                nps_groups: NpsGroup::ALL.map(|g| t(lang, g.i18n_key())),
                bands: analysis.bands.iter().map(|b| b.export_names(lang)).collect(),
                clusters: cluster_names(analysis, |c| c.display_name(lang)),
                classes: class_names(analysis, lang),
                themes: theme_names(analysis, |name| theme_display_name(name, lang)),
            },
        }
    }

    /// The name of `segment`.
    pub(crate) fn segment(&self, segment: RfmSegment) -> &'static str {
        self.segments[segment.index()]
    }

    /// The "No purchase" label of non-buyers.
    pub(crate) fn no_purchase(&self) -> &'static str {
        self.no_purchase
    }

    /// Customer `i`'s labels that a marketing tool keeps as tags.
    pub(crate) fn tags<'s>(&'s self, analysis: &'s Analysis, i: usize) -> CustomerTags<'s> {
        let labels = &analysis.labels;
        CustomerTags {
            segment: labels.segment().get(i).copied().flatten().map(|s| self.segment(s)),
            tier: match labels.tier().get(i).copied().flatten() {
                Some(tier) => self.tiers.get(tier as usize).map(|n| n.as_ref()),
                None => Some(self.no_purchase),
            },
            stage: labels.lifecycle().get(i).map(|s| self.lifecycle[s.index()]),
            custom: analysis.custom.as_ref().map(|a| a.names_of(i)).unwrap_or_default(),
        }
    }
}

/// A customer's labels as a marketing tool's tags.
pub(crate) struct CustomerTags<'s> {
    /// RFM segment (buyers with order dates).
    pub segment: Option<&'s str>,
    /// Value tier, or "No purchase".
    pub tier: Option<&'s str>,
    /// Lifecycle stage.
    pub stage: Option<&'s str>,
    /// Custom segments.
    pub custom: Vec<&'s str>,
}

impl<'s> CustomerTags<'s> {
    /// Every label, in the order above.
    pub(crate) fn all(&self) -> impl Iterator<Item = &'s str> + '_ {
        self.segment
            .into_iter()
            .chain(self.tier)
            .chain(self.stage)
            .chain(self.custom.iter().copied())
    }
}

/// The names of `analysis`'s clusters, none before the models are fitted.
fn cluster_names(analysis: &Analysis, name: impl Fn(&ClusterProfile) -> String) -> Vec<String> {
    let clustering = analysis.models.as_ref().and_then(|m| m.clusters.as_ref().ok());
    clustering.map_or_else(Vec::new, |c| c.clusters.iter().map(name).collect())
}

/// The names of `analysis`'s psychographic classes in `lang`, none before
/// the models are fitted.
fn class_names(analysis: &Analysis, lang: Lang) -> Vec<String> {
    let classes = analysis.models.as_ref().and_then(|m| m.psychographics.as_ref().ok());
    let names = &analysis.settings.class_names;
    classes.map_or_else(Vec::new, |p| {
        (0..p.summary.classes.len())
            .map(|i| class_display_name(i, names, lang))
            .collect()
    })
}

/// The names of the dictionary's themes, each through `name`.
fn theme_names(analysis: &Analysis, name: impl Fn(&str) -> String) -> Vec<String> {
    analysis.settings.themes.themes.iter().map(|t| name(&t.name)).collect()
}

/// The names of the themes in `bits`, joined by "; ".
fn joined_themes(texts: &LabelTexts, bits: u32) -> Cow<'static, str> {
    if bits == 0 {
        return Cow::Borrowed("");
    }
    let names: Vec<&str> = texts
        .themes
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 32 && bits & (1 << i) != 0)
        .map(|(_, n)| n.as_str())
        .collect();
    Cow::Owned(names.join("; "))
}

/// Customer `i`'s cells, in [`CUSTOMER_COLUMNS`] order; `None` when `i` is out
/// of range. Cells that cannot be computed (dates, AOV, recency and scores of
/// non-buyers) are empty.
pub(crate) fn customer_cells<'a>(
    dataset: &'a Dataset,
    analysis: &'a Analysis,
    texts: &'a LabelTexts,
    i: usize,
) -> Option<[Cell<'a>; COLUMNS]> {
    let key = dataset.customers.key().get(i)?;
    let metrics = &analysis.metrics;
    let labels = &analysis.labels;
    let orders = metrics.orders().get(i).copied().unwrap_or(0);
    let is_buyer = orders > 0;
    let day = |d: Option<&Option<Day>>| d.copied().flatten().map_or(Cell::Empty, Cell::Day);
    let fixed = |v: Option<f64>, decimals| {
        v.filter(|v| v.is_finite())
            .map_or(Cell::Empty, |v| Cell::Fixed(v, decimals))
    };
    let score = |s: &[u8]| {
        s.get(i)
            .copied()
            .filter(|&s| s > 0)
            .map_or(Cell::Empty, |s| Cell::Int(s.into()))
    };
    let survey_score = |s: &[Option<u8>]| s.get(i).copied().flatten().map_or(Cell::Empty, |s| Cell::Int(s.into()));
    let text = |s: Option<&'a str>| Cell::Text(Cow::Borrowed(s.unwrap_or("")));
    let with_events = |s: Option<&'static str>| text(s.filter(|_| labels.has_events()));
    let tier = match labels.tier().get(i).copied().flatten() {
        Some(tier) => texts.tiers.get(tier as usize).map(|n| n.as_ref()),
        None => Some(texts.no_purchase),
    };
    let level = labels.member_level().get(i).copied().unwrap_or(0);
    let favorite = metrics.favorite_category().get(i).copied().flatten();
    let source = dataset.customers.source().get(i).copied().flatten();
    let band = |d: usize| {
        let names = texts.bands.get(d)?;
        let band = analysis.bands.get(d)?.band.get(i)?;
        names.get(usize::from(*band)).copied()
    };
    let contacts = dataset.customers.profile().contacts();
    let contact = |field| text(contacts.get(i, field));
    let models = analysis.models.as_ref();
    let cluster = models
        .and_then(|m| m.clusters.as_ref().ok())
        .and_then(|c| c.assignment.get(i).copied().flatten())
        .and_then(|k| texts.clusters.get(usize::from(k)))
        .map(String::as_str);
    let [p_alive, expected, clv] = models.map_or([None; 3], |m| m.predictions(i));
    let class = models
        .and_then(|m| m.psycho_class(i))
        .and_then(|k| texts.classes.get(usize::from(k)))
        .map(String::as_str);
    let custom = match analysis.custom.as_ref().map(|a| a.names_of(i)) {
        Some(names) if names.len() == 1 => Cow::Borrowed(names[0]),
        Some(names) => Cow::Owned(names.join("; ")),
        None => Cow::Borrowed(""),
    };
    Some([
        Cell::Text(Cow::Borrowed(key)),
        day(metrics.first_day().get(i)),
        day(metrics.last_day().get(i)),
        Cell::Int(orders.into()),
        fixed(metrics.revenue().get(i).copied().or(Some(0.0)), 2),
        fixed(metrics.aov().get(i).copied().filter(|_| is_buyer), 2),
        metrics
            .recency_days()
            .get(i)
            .copied()
            .flatten()
            .map_or(Cell::Empty, |r| Cell::Int(r.into())),
        score(labels.r()),
        score(labels.f()),
        score(labels.m()),
        text(labels.segment().get(i).copied().flatten().map(|s| texts.segment(s))),
        fixed(labels.value_score().get(i).copied().flatten(), 4),
        text(tier),
        text(texts.levels.get(usize::from(level)).map(|n| n.as_ref())),
        text(labels.lifecycle().get(i).map(|s| texts.lifecycle[s.index()])),
        with_events(labels.lead_stage().get(i).map(|s| texts.leads[s.index()])),
        with_events(labels.engagement().get(i).map(|e| texts.engagement[e.index()])),
        text(
            favorite
                .and_then(|c| dataset.categories.get(usize::from(c)))
                .map(String::as_str),
        ),
        text(
            source
                .and_then(|s| dataset.sources.get(usize::from(s)))
                .map(String::as_str),
        ),
        text(cluster),
        fixed(p_alive, 4),
        fixed(expected, 4),
        fixed(clv, 2),
        Cell::Text(custom),
        survey_score(labels.nps_score()),
        text(labels.nps_group(i).map(|g| texts.nps_groups[g as usize])),
        survey_score(labels.csat()),
        text(class),
        Cell::Text(joined_themes(texts, labels.themes().get(i).copied().unwrap_or(0))),
        text(band(0)),
        text(band(1)),
        text(band(2)),
        text(band(3)),
        text(band(4)),
        Cell::Text(contacts.display_name(i).unwrap_or(Cow::Borrowed(""))),
        contact(ContactField::Email),
        contact(ContactField::Phone),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::has;

    #[test]
    fn every_column_has_a_readable_header() {
        for (column, key) in CUSTOMER_COLUMNS.iter().zip(COLUMN_KEYS) {
            assert_eq!(key.strip_prefix("export.col."), Some(*column));
            assert!(has(key), "{key}");
        }
        assert_eq!(localized_columns(Lang::Zh)[0], "客户ID");
        assert_eq!(localized_columns(Lang::En)[0], "Customer ID");
    }
}
