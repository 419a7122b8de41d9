//! Predicted lifetime value (docs/product.md#predicted-lifetime-value) from
//! the parameters fitted in the browser, written as constants: P(alive) and
//! the Gamma-Gamma spend in closed form, the BG/NBD outlook through its
//! hypergeometric series, summed once per distinct (x, T) pair.

use crate::cte::Steps;
use crate::dialect::Dialect;
use segscope_engine::clv::{hyp2f1_terms, ClvModel, MONTH_DAYS};

/// Terms added on top of the count the browser's own series needs.
const SPARE_TERMS: u64 = 10;

/// Terms below e^−CUT (with the coefficients' peak) are left out.
const CUT: f64 = 50.0;

/// Repeat-purchase counts whose series lengths are checked for the bound.
const CHECKED_FREQUENCIES: u32 = 8;

/// How many series terms the script sums: the most the browser's series
/// takes at the largest z (age 0, the whole horizon) for x = 0…7, plus
/// spare terms; later terms only shrink (x and T make them smaller).
pub(crate) fn series_terms(model: &ClvModel) -> u64 {
    let fit = &model.bgnbd;
    let t = f64::from(model.settings.horizon_months) * MONTH_DAYS / model.settings.time_unit.days();
    let z = t / (fit.alpha + t);
    let most = (0..CHECKED_FREQUENCIES)
        .filter_map(|x| {
            let [a, b, c] = fit.outlook_series(x);
            hyp2f1_terms(a, b, c, z)
        })
        .max()
        .unwrap_or(0);
    u64::from(most) + SPARE_TERMS
}

/// Adds the CLV steps; the last, `clv`, has `p_alive`, `expected_purchases`
/// and `clv` per buyer. `as_of` is a date literal.
pub(crate) fn add(steps: &mut Steps, d: Dialect, model: &ClvModel, as_of: &str) {
    let fit = &model.bgnbd;
    let spend = &model.gamma_gamma;
    let settings = &model.settings;
    let f = |x: f64| d.double_literal(x);
    let unit = f(settings.time_unit.days());
    let month = f(MONTH_DAYS / settings.time_unit.days());
    let horizon = u64::from(settings.horizon_months.max(1));
    let terms = series_terms(model);
    let [sa, sb, c0] = fit.outlook_series(0);
    let a = fit.a_in_outlook();
    let alpha = f(fit.alpha);
    steps.add(
        "clv_days",
        "CLV: purchases on one day are one transaction.",
        "SELECT customer_key, order_day, SUM(amount_cents) AS day_cents\nFROM paid_orders\nGROUP BY customer_key, order_day",
    );
    steps.add(
        "clv_marked_days",
        "Each purchase day with the customer's first purchase day.",
        "SELECT customer_key, order_day, day_cents,\n  MIN(order_day) OVER (PARTITION BY customer_key) AS first_day\nFROM clv_days",
    );
    steps.add(
        "clv_summary",
        format!(
            "x = purchase days − 1; tₓ and T from the first purchase day to the last one and to the\nas-of date, in units of {} days; the spend on the days after the first.",
            settings.time_unit.days()
        ),
        format!(
            "SELECT customer_key,\n  COUNT(*) - 1 AS x,\n  {} / {unit} AS t_x,\n  {} / {unit} AS t_age,\n  {} / 100 AS repeat_spend\nFROM clv_marked_days\nGROUP BY customer_key",
            d.double(&d.days_between("MAX(order_day)", "MIN(order_day)")),
            d.double(&d.days_between(as_of, "MIN(order_day)")),
            d.double("SUM(CASE WHEN order_day > first_day THEN day_cents ELSE 0 END)"),
        ),
    );
    steps.add(
        "clv_ratios",
        format!(
            "The ratios of consecutive terms of ₂F₁(A, B; C + x; z) / zⁿ with A = a+b−1−r, B = a−1, C = a+b−1,\nfor each distinct x; {terms} terms reach 1e-12 for every customer."
        ),
        format!(
            "SELECT frequencies.x, j,\n  ({A} + j) * ({B} + j) / (({C} + frequencies.x + j) * (j + 1)) AS ratio\nFROM (SELECT DISTINCT x FROM clv_summary) AS frequencies\nCROSS JOIN {series}",
            A = f(sa),
            B = f(sb),
            C = f(c0),
            series = d.integers("j", 0, terms - 1),
        ),
    );
    let running = "OVER (PARTITION BY x ORDER BY j ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
    steps.add_materialized(
        "clv_coefficients",
        "Term n's coefficient as a logarithm of its size, its sign and whether it is zero.",
        format!(
            "SELECT x, j + 1 AS n,\n  SUM(LN(CASE WHEN ratio = 0 THEN 1 ELSE ABS(ratio) END)) {running} AS log_size,\n  SUM(CASE WHEN ratio < 0 THEN 1 ELSE 0 END) {running} AS negatives,\n  SUM(CASE WHEN ratio = 0 THEN 1 ELSE 0 END) {running} AS zeros\nFROM clv_ratios"
        ),
    );
    steps.add(
        "clv_months",
        format!("Each distinct (x, T) pair at the end of each of the {horizon} months (30 days each)."),
        format!(
            "SELECT pairs.x, pairs.t_age, month,\n  month * {month} / ({alpha} + pairs.t_age + month * {month}) AS z,\n  ({alpha} + pairs.t_age) / ({alpha} + pairs.t_age + month * {month}) AS kept\nFROM (SELECT DISTINCT x, t_age FROM clv_summary) AS pairs\nCROSS JOIN {}",
            d.integers("month", 1, horizon)
        ),
    );
    steps.add(
        "clv_envelope",
        "The largest coefficient of each x (as a logarithm, at least that of the first term, 1).",
        format!(
            "SELECT x, GREATEST({}, MAX(log_size)) AS peak\nFROM clv_coefficients\nGROUP BY x",
            f(0.0)
        ),
    );
    steps.add(
        "clv_reach",
        format!(
            "How many terms each month needs: past n = (−{CUT} − peak) / ln z every term is below e^−{CUT},\nso what is left out stays below 1e-19 (at most {terms})."
        ),
        format!(
            "SELECT m.x, m.t_age, m.month, m.z, m.kept,\n  GREATEST(1, LEAST({terms}, CAST(CEIL(({cut} - e.peak) / LN(m.z)) AS {int}))) AS terms\nFROM clv_months m\nJOIN clv_envelope e ON e.x = m.x",
            cut = f(-CUT),
            int = d.bigint_type(),
        ),
    );
    steps.add_materialized(
        "clv_steps",
        "One row per month and term it needs.",
        d.rows_up_to("clv_reach", "r", "r.terms", "n"),
    );
    let log_term = "c.log_size + c.n * LN(m.z)";
    steps.add(
        "clv_series",
        "The series at each month's z.",
        format!(
            "SELECT m.x, m.t_age, m.month, m.kept,\n  1 + SUM(CASE WHEN c.zeros > 0 OR {log_term} < -700 THEN 0\n    ELSE (CASE WHEN {odd} THEN -1 ELSE 1 END) * EXP({log_term}) END) AS series\nFROM clv_steps m\nJOIN clv_coefficients c ON c.x = m.x AND c.n = m.n\nGROUP BY m.x, m.t_age, m.month, m.kept",
            odd = d.is_odd("c.negatives")
        ),
    );
    steps.add(
        "clv_alive_outlook",
        "Expected purchases of a live customer up to each month: (C+x)/(a−1) · (1 − kept^(a−1) · series).",
        format!(
            "SELECT x, t_age, month,\n  GREATEST({zero}, ({C} + x) / {a1} * (1 - POWER(kept, {a1}) * series)) AS cumulative\nFROM clv_series",
            zero = f(0.0),
            C = f(c0),
            a1 = f(a - 1.0),
        ),
    );
    steps.add(
        "clv_outlook",
        format!(
            "Over the horizon: the purchases of a live customer, and the same month by month\ndiscounted at {} per month.",
            settings.monthly_discount
        ),
        format!(
            "SELECT x, t_age,\n  MAX(CASE WHEN month = {horizon} THEN cumulative END) AS purchases_if_alive,\n  SUM((cumulative - COALESCE(previous, 0)) * POWER({discount}, month)) AS discounted_if_alive\nFROM (\n  SELECT x, t_age, month, cumulative,\n    LAG(cumulative) OVER (PARTITION BY x, t_age ORDER BY month) AS previous\n  FROM clv_alive_outlook\n) AS monthly\nGROUP BY x, t_age",
            discount = f(1.0 / (1.0 + settings.monthly_discount)),
        ),
    );
    let ln_odds = format!(
        "LN({a} / ({b} + s.x - 1)) + ({r} + s.x) * (LN({alpha} + s.t_age) - LN({alpha} + s.t_x))",
        a = f(fit.a),
        b = f(fit.b),
        r = f(fit.r),
    );
    let denominator = format!("({p} * s.x + {q1})", p = f(spend.p), q1 = f(spend.q - 1.0));
    steps.add(
        "clv_predictions",
        format!(
            "P(alive) (BG/NBD r = {}, α = {}, a = {}, b = {}) and the expected spend per purchase day\n(Gamma-Gamma p = {}, q = {}, γ = {}), fitted in the browser.",
            fit.r, fit.alpha, fit.a, fit.b, spend.p, spend.q, spend.gamma
        ),
        format!(
            "SELECT s.customer_key, s.x,\n  CASE WHEN s.x = 0 THEN {one}\n    WHEN {ln_odds} > 700 THEN {zero}\n    ELSE 1 / (1 + EXP({ln_odds})) END AS p_alive,\n  CASE WHEN {denominator} > 0\n    THEN ({gamma} + CASE WHEN s.x > 0 THEN GREATEST({zero}, s.repeat_spend / s.x) * s.x ELSE 0 END) * {p} / {denominator}\n  END AS expected_spend,\n  o.purchases_if_alive,\n  o.discounted_if_alive\nFROM clv_summary s\nJOIN clv_outlook o ON o.x = s.x AND o.t_age = s.t_age",
            one = f(1.0),
            zero = f(0.0),
            gamma = f(spend.gamma),
            p = f(spend.p),
        ),
    );
    steps.add(
        "clv",
        "Expected purchases = P(alive) × purchases if alive; CLV = P(alive) × spend × discounted purchases.",
        "SELECT customer_key, p_alive,\n  p_alive * purchases_if_alive AS expected_purchases,\n  p_alive * discounted_if_alive * expected_spend AS clv\nFROM clv_predictions",
    );
}
