//! What a rule condition looks at: a metric, an attribute, a date or another
//! custom segment.

use serde::{Deserialize, Serialize};

/// A customer column a condition tests. Saved as its snake_case name
/// (`"revenue"`), or `{"segment": "VIP"}` for membership of another custom
/// segment, so adding columns later never changes the JSON of saved rules.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Paid orders.
    Orders,
    /// Paid revenue.
    Revenue,
    /// Average order value (missing without a paid order).
    Aov,
    /// Largest paid order (missing without a paid order).
    MaxOrder,
    /// Days since the latest paid order (missing without one).
    RecencyDays,
    /// Days since the first paid order (missing without one).
    TenureDays,
    /// Mean days between paid orders (missing below two orders).
    MeanInterpurchaseDays,
    /// Refunded or returned orders.
    Refunds,
    /// Distinct categories bought.
    DistinctCategories,
    /// Recency score (missing for non-buyers).
    RScore,
    /// Frequency score (missing for non-buyers).
    FScore,
    /// Monetary score (missing for non-buyers).
    MScore,
    /// Value score in 0..1 (missing for non-buyers).
    ValueScore,
    /// Membership points.
    Points,
    /// The customer key.
    CustomerId,
    /// Acquisition source name.
    Source,
    /// Favourite category name.
    FavoriteCategory,
    /// RFM segment (English name or displayed name; missing for non-buyers).
    RfmSegment,
    /// Value tier name; non-buyers are "No purchase".
    ValueTier,
    /// Membership level name.
    MemberLevel,
    /// Lifecycle stage name.
    LifecycleStage,
    /// Day of the first paid order.
    FirstOrderDate,
    /// Day of the latest paid order.
    LastOrderDate,
    /// Signup date from a customers file.
    SignupDate,
    /// The latest NPS answer, 0–10 (missing without one).
    NpsScore,
    /// The NPS group of that answer: Promoter, Passive or Detractor.
    NpsGroup,
    /// The latest satisfaction rating, on its survey's scale.
    Csat,
    /// The feedback themes the customer's comments mention: a text test
    /// matches when any of them passes it.
    Themes,
    /// Membership of the custom segment of this name: `is_set` tests "in it",
    /// `is_empty` "not in it". A segment's membership is its own rule's match,
    /// whatever the ordering in exclusive mode.
    Segment(String),
}

/// The family of a [`Field`], which decides the tests it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FieldKind {
    /// Numbers: comparisons and ranges.
    Numeric,
    /// Text: equals, contains, in list.
    Text,
    /// Dates: before, after, within N days.
    Date,
    /// Membership of another custom segment.
    Segment,
}

impl Field {
    /// Every column field, in the order a rule builder lists them
    /// ([`Field::Segment`] is not a column and is left out).
    pub const COLUMNS: [Field; 28] = [
        Field::Orders,
        Field::Revenue,
        Field::Aov,
        Field::MaxOrder,
        Field::RecencyDays,
        Field::TenureDays,
        Field::MeanInterpurchaseDays,
        Field::Refunds,
        Field::DistinctCategories,
        Field::RScore,
        Field::FScore,
        Field::MScore,
        Field::ValueScore,
        Field::Points,
        Field::CustomerId,
        Field::Source,
        Field::FavoriteCategory,
        Field::RfmSegment,
        Field::ValueTier,
        Field::MemberLevel,
        Field::LifecycleStage,
        Field::FirstOrderDate,
        Field::LastOrderDate,
        Field::SignupDate,
        Field::NpsScore,
        Field::NpsGroup,
        Field::Csat,
        Field::Themes,
    ];

    /// The field's family.
    pub fn kind(&self) -> FieldKind {
        use Field::*;
        match self {
            Orders
            | Revenue
            | Aov
            | MaxOrder
            | RecencyDays
            | TenureDays
            | MeanInterpurchaseDays
            | Refunds
            | DistinctCategories
            | RScore
            | FScore
            | MScore
            | ValueScore
            | Points
            | NpsScore
            | Csat => FieldKind::Numeric,
            CustomerId | Source | FavoriteCategory | RfmSegment | ValueTier | MemberLevel | LifecycleStage
            | NpsGroup | Themes => FieldKind::Text,
            FirstOrderDate | LastOrderDate | SignupDate => FieldKind::Date,
            Segment(_) => FieldKind::Segment,
        }
    }

    /// The smallest and largest value a numeric field can take on any data
    /// (infinite when unbounded); used to spot rules that can never match.
    pub fn bounds(&self) -> (f64, f64) {
        use Field::*;
        match self {
            RScore | FScore | MScore => (1.0, 5.0),
            ValueScore => (0.0, 1.0),
            NpsScore => (0.0, 10.0),
            Points => (f64::NEG_INFINITY, f64::INFINITY),
            _ => (0.0, f64::INFINITY),
        }
    }

    /// The i18n key of the field's name.
    pub fn i18n_key(&self) -> &'static str {
        use Field::*;
        match self {
            Orders => "rules.field.orders",
            Revenue => "rules.field.revenue",
            Aov => "rules.field.aov",
            MaxOrder => "rules.field.max_order",
            RecencyDays => "rules.field.recency_days",
            TenureDays => "rules.field.tenure_days",
            MeanInterpurchaseDays => "rules.field.mean_interpurchase_days",
            Refunds => "rules.field.refunds",
            DistinctCategories => "rules.field.distinct_categories",
            RScore => "rules.field.r_score",
            FScore => "rules.field.f_score",
            MScore => "rules.field.m_score",
            ValueScore => "rules.field.value_score",
            Points => "rules.field.points",
            CustomerId => "rules.field.customer_id",
            Source => "rules.field.source",
            FavoriteCategory => "rules.field.favorite_category",
            RfmSegment => "rules.field.rfm_segment",
            ValueTier => "rules.field.value_tier",
            MemberLevel => "rules.field.member_level",
            LifecycleStage => "rules.field.lifecycle_stage",
            FirstOrderDate => "rules.field.first_order_date",
            LastOrderDate => "rules.field.last_order_date",
            SignupDate => "rules.field.signup_date",
            NpsScore => "rules.field.nps_score",
            NpsGroup => "rules.field.nps_group",
            Csat => "rules.field.csat",
            Themes => "rules.field.themes",
            Segment(_) => "rules.field.segment",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_save_as_snake_case_names() {
        let json = serde_json::to_string(&[Field::RecencyDays, Field::Segment("VIP".into())]).unwrap_or_default();
        assert_eq!(json, r#"["recency_days",{"segment":"VIP"}]"#);
        let back: Vec<Field> = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, vec![Field::RecencyDays, Field::Segment("VIP".into())]);
    }

    #[test]
    fn every_column_has_its_own_key_and_a_family() {
        let keys: std::collections::HashSet<_> = Field::COLUMNS.iter().map(Field::i18n_key).collect();
        assert_eq!(keys.len(), Field::COLUMNS.len());
        assert!(Field::COLUMNS.iter().all(|f| f.kind() != FieldKind::Segment));
    }
}
