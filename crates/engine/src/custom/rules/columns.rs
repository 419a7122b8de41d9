//! One condition on one column, evaluated for every customer at once: the
//! field picks a typed column once, then a tight loop fills a [`Mask`].
//! Values that are missing (or not finite) match only `is_empty`.

use super::ast::{Condition, Test};
use super::context::RuleContext;
use super::field::Field;
use super::mask::Mask;
use super::names::label_hits;
use super::text::TextMatcher;
use segscope_model::date::day_of;
use segscope_model::Day;

/// The customers whose column value passes `condition` (membership
/// conditions are evaluated by the caller and match no one here).
pub(crate) fn column_mask(ctx: &RuleContext, condition: &Condition) -> Mask {
    let n = ctx.customers();
    let m = &ctx.analysis.metrics;
    let l = &ctx.analysis.labels;
    let c = &ctx.dataset.customers;
    let test = &condition.test;
    let count = |column: &[u32], i: usize| column.get(i).map(|&x| f64::from(x));
    let score = |column: &[u8], i: usize| column.get(i).filter(|&&s| s > 0).map(|&s| f64::from(s));
    let bought = |i: usize| m.orders.get(i).is_some_and(|&o| o > 0);
    match &condition.field {
        Field::Orders => numeric(n, test, |i| count(&m.orders, i)),
        Field::Revenue => numeric(n, test, |i| m.revenue.get(i).copied()),
        Field::Aov => numeric(n, test, |i| m.aov.get(i).copied().filter(|_| bought(i))),
        Field::MaxOrder => numeric(n, test, |i| m.max_order.get(i).copied().filter(|_| bought(i))),
        Field::RecencyDays => numeric(n, test, |i| m.recency_days.get(i).copied().flatten().map(f64::from)),
        Field::TenureDays => numeric(n, test, |i| m.tenure_days.get(i).copied().flatten().map(f64::from)),
        Field::MeanInterpurchaseDays => numeric(n, test, |i| m.mean_interpurchase_days.get(i).copied().flatten()),
        Field::Refunds => numeric(n, test, |i| count(&m.refunded, i)),
        Field::DistinctCategories => numeric(n, test, |i| m.distinct_categories.get(i).map(|&x| f64::from(x))),
        Field::RScore => numeric(n, test, |i| score(&l.r, i)),
        Field::FScore => numeric(n, test, |i| score(&l.f, i)),
        Field::MScore => numeric(n, test, |i| score(&l.m, i)),
        Field::ValueScore => numeric(n, test, |i| l.value_score.get(i).copied().flatten()),
        Field::Points => numeric(n, test, |i| ctx.analysis.points.get(i).copied()),
        Field::CustomerId => match TextMatcher::of(test) {
            Some(matcher) => Mask::from_fn(n, |i| c.key().get(i).is_some_and(|k| matcher.matches(k))),
            None => presence(n, test, |i| c.key().get(i).is_some_and(|k| !k.is_empty())),
        },
        Field::Source => coded(ctx, n, condition, |i| {
            c.source().get(i).copied().flatten().map(usize::from)
        }),
        Field::FavoriteCategory => coded(ctx, n, condition, |i| {
            m.favorite_category.get(i).copied().flatten().map(usize::from)
        }),
        Field::RfmSegment => coded(ctx, n, condition, |i| {
            l.segment.get(i).copied().flatten().map(|s| s.index())
        }),
        Field::ValueTier => {
            // Non-buyers are the "No purchase" row, which comes last.
            let no_purchase = ctx.analysis.summary.tiers.len().saturating_sub(1);
            coded(ctx, n, condition, |i| {
                l.tier.get(i).map(|t| t.map_or(no_purchase, |t| t as usize))
            })
        }
        Field::MemberLevel => coded(ctx, n, condition, |i| l.member_level.get(i).map(|&v| usize::from(v))),
        Field::LifecycleStage => coded(ctx, n, condition, |i| l.lifecycle.get(i).map(|s| s.index())),
        Field::FirstOrderDate => date(ctx, n, test, |i| m.first_day.get(i).copied().flatten()),
        Field::LastOrderDate => date(ctx, n, test, |i| m.last_day.get(i).copied().flatten()),
        Field::SignupDate => date(ctx, n, test, |i| c.signup().get(i).copied().flatten()),
        Field::NpsScore => numeric(n, test, |i| l.nps_score.get(i).copied().flatten().map(f64::from)),
        Field::Csat => numeric(n, test, |i| l.csat.get(i).copied().flatten().map(f64::from)),
        Field::NpsGroup => coded(ctx, n, condition, |i| l.nps_group(i).map(|g| g as usize)),
        Field::Themes => match label_hits(ctx, condition) {
            // Any of the customer's themes passing the test.
            Some(hit) => Mask::from_fn(n, |i| {
                let bits = l.themes.get(i).copied().unwrap_or(0);
                hit.iter()
                    .enumerate()
                    .any(|(k, &h)| h && k < 32 && bits & (1 << k) != 0)
            }),
            None => presence(n, test, |i| l.themes.get(i).is_some_and(|&bits| bits != 0)),
        },
        Field::Segment(_) => Mask::none(n),
    }
}

/// `is_set` / `is_empty` by `present`; any other test matches no one.
fn presence(n: usize, test: &Test, present: impl Fn(usize) -> bool) -> Mask {
    match test {
        Test::IsSet => Mask::from_fn(n, present),
        Test::IsEmpty => Mask::from_fn(n, |i| !present(i)),
        _ => Mask::none(n),
    }
}

/// A numeric test over `value(i)`.
fn numeric(n: usize, test: &Test, value: impl Fn(usize) -> Option<f64>) -> Mask {
    let value = |i: usize| value(i).filter(|x| x.is_finite());
    match *test {
        Test::Cmp { op, value: v } if v.is_finite() => Mask::from_fn(n, |i| value(i).is_some_and(|x| op.holds(x, v))),
        Test::Between { min, max } => Mask::from_fn(n, |i| value(i).is_some_and(|x| min <= x && x <= max)),
        _ => presence(n, test, |i| value(i).is_some()),
    }
}

/// A date test over `day(i)`; `within_days` counts back from the as-of day.
fn date(ctx: &RuleContext, n: usize, test: &Test, day: impl Fn(usize) -> Option<Day>) -> Mask {
    match *test {
        Test::Before(d) => {
            let d = day_of(d);
            Mask::from_fn(n, |i| day(i).is_some_and(|x| x < d))
        }
        Test::After(d) => {
            let d = day_of(d);
            Mask::from_fn(n, |i| day(i).is_some_and(|x| x > d))
        }
        Test::WithinDays(days) => {
            let as_of = i64::from(ctx.analysis.as_of);
            Mask::from_fn(n, |i| {
                day(i).is_some_and(|x| (0..=i64::from(days)).contains(&(as_of - i64::from(x))))
            })
        }
        _ => presence(n, test, |i| day(i).is_some()),
    }
}

/// A text test over a label column given as codes into [`label_names`]: the
/// test runs once per code, then each customer looks its code up.
fn coded(ctx: &RuleContext, n: usize, condition: &Condition, code: impl Fn(usize) -> Option<usize>) -> Mask {
    match label_hits(ctx, condition) {
        Some(hit) => Mask::from_fn(n, |i| code(i).is_some_and(|c| hit.get(c).copied().unwrap_or(false))),
        None => presence(n, &condition.test, |i| code(i).is_some()),
    }
}
