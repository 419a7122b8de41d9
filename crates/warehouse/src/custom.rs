//! Custom segments and tags (docs/product.md#custom-segments-and-tags) as
//! SQL conditions over the labelled customer row, where their fields exist
//! in the warehouse tables (docs/warehouse.md#custom-segments).

use crate::dialect::Dialect;
use segscope_engine::custom::rules::{label_hits, CmpOp, Condition, Field, Mode, Node, RuleContext, Test};
use segscope_engine::{LifecycleStage, RfmSegment};

/// The custom segments as SQL: the `custom_segments` column, when the rules
/// translate, and the names of the segments left out.
pub(crate) struct CustomSql {
    /// The column's expression (tags joined with "; ", or the ordered segment).
    pub column: Option<String>,
    /// Segments whose rules use a field the tables do not hold.
    pub left_out: Vec<String>,
}

/// Translates the rule set of `ctx`; `as_of` is a date literal.
pub(crate) fn translate(d: Dialect, ctx: &RuleContext, as_of: &str) -> CustomSql {
    let rules = ctx.rules;
    let translated: Vec<Option<String>> = rules
        .segments
        .iter()
        .map(|s| Rule { d, ctx, as_of }.node(&s.rule, 0))
        .collect();
    let left_out: Vec<String> = rules
        .segments
        .iter()
        .zip(&translated)
        .filter(|(_, sql)| sql.is_none())
        .map(|(s, _)| s.name.clone())
        .collect();
    if rules.segments.is_empty() {
        return CustomSql { column: None, left_out };
    }
    let column = match &rules.mode {
        Mode::Tags => {
            let tags: Vec<String> = rules
                .segments
                .iter()
                .zip(&translated)
                .filter_map(|(s, sql)| Some(format!("CASE WHEN {} THEN {} END", sql.as_ref()?, d.string(&s.name))))
                .collect();
            Some(d.join_present("; ", &tags))
        }
        // The first match wins: one rule left out changes who the later ones get.
        Mode::OrderedExclusive { other_name } if left_out.is_empty() => {
            let arms: Vec<String> = rules
                .segments
                .iter()
                .zip(&translated)
                .filter_map(|(s, sql)| Some(format!("    WHEN {} THEN {}", sql.as_ref()?, d.string(&s.name))))
                .collect();
            Some(format!(
                "CASE\n{}\n    ELSE {}\n  END",
                arms.join("\n"),
                d.string(other_name)
            ))
        }
        Mode::OrderedExclusive { .. } => None,
    };
    CustomSql { column, left_out }
}

/// Writes one rule tree; `None` when a condition has no SQL.
struct Rule<'a> {
    d: Dialect,
    ctx: &'a RuleContext<'a>,
    as_of: &'a str,
}

impl Rule<'_> {
    fn node(&self, node: &Node, depth: usize) -> Option<String> {
        // References cannot loop (validation), but a bound keeps this total.
        if depth > 64 {
            return None;
        }
        match node {
            Node::All(children) if children.is_empty() => Some("TRUE".into()),
            Node::Any(children) if children.is_empty() => Some("FALSE".into()),
            Node::All(children) => self.group(children, " AND ", depth),
            Node::Any(children) => self.group(children, " OR ", depth),
            Node::Not(child) => Some(format!("NOT ({})", self.node(child, depth + 1)?)),
            Node::Cond(condition) => self.condition(condition, depth),
        }
    }

    fn group(&self, children: &[Node], joiner: &str, depth: usize) -> Option<String> {
        let parts: Option<Vec<String>> = children.iter().map(|c| self.node(c, depth + 1)).collect();
        Some(format!("({})", parts?.join(joiner)))
    }

    /// A condition that is never NULL, so NOT keeps the browser's meaning
    /// (a missing value matches only "is empty").
    fn condition(&self, condition: &Condition, depth: usize) -> Option<String> {
        let d = self.d;
        if let Field::Segment(name) = &condition.field {
            let referenced = self.ctx.rules.segments.iter().find(|s| &s.name == name);
            let members = match referenced {
                Some(segment) => self.node(&segment.rule, depth + 1)?,
                None => "FALSE".into(),
            };
            return Some(match condition.test {
                Test::IsSet => format!("({members})"),
                Test::IsEmpty => format!("NOT ({members})"),
                _ => "FALSE".into(),
            });
        }
        if let Some(names) = self.label_column(&condition.field) {
            let (column, values) = names;
            return Some(match label_hits(self.ctx, condition) {
                Some(hits) => {
                    let chosen: Vec<String> = values
                        .iter()
                        .zip(hits)
                        .filter(|(_, hit)| *hit)
                        .map(|(v, _)| d.string(v))
                        .collect();
                    if chosen.is_empty() {
                        "FALSE".into()
                    } else {
                        format!("COALESCE({column} IN ({}), FALSE)", chosen.join(", "))
                    }
                }
                None => presence(&column, &condition.test),
            });
        }
        let (column, kind) = field_column(&condition.field)?;
        let test = match (&condition.test, kind) {
            (Test::Cmp { op, value }, Kind::Number) if value.is_finite() => {
                format!("{column} {} {}", operator(*op), d.double_literal(*value))
            }
            (Test::Between { min, max }, Kind::Number) => format!(
                "{column} BETWEEN {} AND {}",
                d.double_literal(*min),
                d.double_literal(*max)
            ),
            (Test::Before(date), Kind::Date) => format!("{column} < {}", d.date_literal(&date.to_string())),
            (Test::After(date), Kind::Date) => format!("{column} > {}", d.date_literal(&date.to_string())),
            (Test::WithinDays(days), Kind::Date) => {
                format!("{} BETWEEN 0 AND {days}", d.days_between(self.as_of, column))
            }
            (Test::Equals(_) | Test::InList(_), Kind::Text) => {
                let values: Vec<String> = match &condition.test {
                    Test::Equals(v) => vec![v.clone()],
                    Test::InList(vs) => vs.clone(),
                    _ => Vec::new(),
                };
                let values: Vec<String> = values.iter().map(|v| d.string(&v.trim().to_lowercase())).collect();
                format!("LOWER({column}) IN ({})", values.join(", "))
            }
            (Test::Contains(v), Kind::Text) => {
                d.contains(&format!("LOWER({column})"), &d.string(&v.trim().to_lowercase()))
            }
            (Test::IsSet | Test::IsEmpty, _) => return Some(presence(column, &condition.test)),
            _ => return Some("FALSE".into()),
        };
        Some(format!("COALESCE({test}, FALSE)"))
    }

    /// A label field's column and the export name of each of its codes.
    fn label_column(&self, field: &Field) -> Option<(String, Vec<String>)> {
        let summary = &self.ctx.analysis.summary;
        Some(match field {
            Field::RfmSegment => (
                "rfm.rfm_segment".into(),
                RfmSegment::ALL.iter().map(|s| s.english_name().to_string()).collect(),
            ),
            Field::LifecycleStage => (
                "lc.lifecycle_stage".into(),
                LifecycleStage::ALL
                    .iter()
                    .map(|s| s.english_name().to_string())
                    .collect(),
            ),
            Field::ValueTier => (
                format!(
                    "COALESCE(t.value_tier, {})",
                    self.d.string(segscope_engine::NO_PURCHASE)
                ),
                summary.tiers.iter().map(|t| t.name.clone()).collect(),
            ),
            Field::MemberLevel => (
                "ms.member_level".into(),
                summary.membership.iter().map(|l| l.name.clone()).collect(),
            ),
            _ => return None,
        })
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Number,
    Date,
    Text,
}

/// The column of a number, date or key field and its kind; `None` for
/// fields the tables lack (categories, source, favourite category, signup).
fn field_column(field: &Field) -> Option<(&'static str, Kind)> {
    let number = |column| Some((column, Kind::Number));
    match field {
        Field::Orders => number("m.orders"),
        Field::Revenue => number("m.revenue"),
        Field::Aov => number("m.aov"),
        Field::MaxOrder => number("m.max_order"),
        Field::RecencyDays => number("m.recency_days"),
        Field::TenureDays => number("m.tenure_days"),
        Field::MeanInterpurchaseDays => number("m.mean_days_between_orders"),
        Field::Refunds => number("m.refunds"),
        Field::RScore => number("rfm.r_score"),
        Field::FScore => number("rfm.f_score"),
        Field::MScore => number("rfm.m_score"),
        Field::ValueScore => number("t.value_score"),
        Field::Points => number("ms.points"),
        Field::FirstOrderDate => Some(("m.first_order_day", Kind::Date)),
        Field::LastOrderDate => Some(("m.last_order_day", Kind::Date)),
        Field::CustomerId => Some(("m.customer_key", Kind::Text)),
        _ => None,
    }
}

fn presence(column: &str, test: &Test) -> String {
    match test {
        Test::IsSet => format!("{column} IS NOT NULL"),
        Test::IsEmpty => format!("{column} IS NULL"),
        _ => "FALSE".into(),
    }
}

fn operator(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
        CmpOp::Eq => "=",
        CmpOp::Ne => "<>",
    }
}
