//! RFM scores and segments (docs/product.md#rfm-scores-and-segments): counts
//! of strictly worse buyers by `RANK() − 1`, never `NTILE`, or fixed cut-offs.

use crate::cte::Steps;
use crate::dialect::Dialect;
use segscope_engine::settings::RfmSettings;
use segscope_engine::RfmSegment;

/// Adds `buyer_ranks` (per buyer: buyers strictly worse on recency and
/// strictly below on orders, revenue and AOV) and `rfm` (scores, segment).
pub(crate) fn add(steps: &mut Steps, d: Dialect, settings: &RfmSettings) {
    steps.add(
        "buyer_ranks",
        "For every buyer, how many buyers are strictly worse: more recency days, fewer orders,\nless revenue, a lower AOV (RANK() − 1 gives ties the same count).",
        "SELECT customer_key,\n  COUNT(*) OVER () AS buyers,\n  RANK() OVER (ORDER BY recency_days DESC) - 1 AS recency_worse,\n  RANK() OVER (ORDER BY orders) - 1 AS orders_below,\n  RANK() OVER (ORDER BY revenue_cents) - 1 AS revenue_below,\n  RANK() OVER (ORDER BY aov) - 1 AS aov_below\nFROM metrics\nWHERE orders > 0",
    );
    let s = settings.scale;
    let (comment, scores) = match &settings.fixed {
        None => {
            let score = |worse: &str| format!("1 + {}", d.int_div(&format!("{worse} * {s}"), "r.buyers"));
            (
                format!("RFM scores on a {s}-point scale: 1 + ⌊{s} × strictly worse buyers / buyers⌋."),
                [
                    score("r.recency_worse"),
                    score("r.orders_below"),
                    score("r.revenue_below"),
                ],
            )
        }
        Some(fixed) => {
            let met = |column: &str, op: &str, thresholds: &[f64]| {
                let tests: Vec<String> = thresholds
                    .iter()
                    .map(|t| format!("CASE WHEN {column} {op} {} THEN 1 ELSE 0 END", d.double_literal(*t)))
                    .collect();
                format!("LEAST({s}, 1 + {})", tests.join(" + "))
            };
            (
                format!("RFM scores on a {s}-point scale from fixed cut-offs: 1 + the number of thresholds met."),
                [
                    met("m.recency_days", "<=", &fixed.recency_days),
                    met("m.orders", ">=", &fixed.orders),
                    met("m.revenue", ">=", &fixed.revenue),
                ],
            )
        }
    };
    steps.add(
        "rfm_scores",
        comment,
        format!(
            "SELECT r.customer_key,\n  {} AS r_score,\n  {} AS f_score,\n  {} AS m_score\nFROM buyer_ranks r\nJOIN metrics m ON m.customer_key = r.customer_key",
            scores[0], scores[1], scores[2]
        ),
    );
    steps.add(
        "rfm",
        "RFM segments from R and F on the segment grid (M is shown, not used).",
        format!(
            "SELECT customer_key, r_score, f_score, m_score,\n  {} AS rfm_segment\nFROM rfm_scores",
            segment_case(d, s)
        ),
    );
}

/// The segment of every (R, F) pair on a `scale`-point scale, one `WHEN` per
/// segment and R score, read off [`RfmSegment::from_scores`].
fn segment_case(d: Dialect, scale: u8) -> String {
    let mut arms = Vec::new();
    for segment in RfmSegment::ALL {
        for r in 1..=scale {
            let fs: Vec<String> = (1..=scale)
                .filter(|&f| RfmSegment::from_scores(r, f, scale) == segment)
                .map(|f| f.to_string())
                .collect();
            if !fs.is_empty() {
                arms.push(format!(
                    "    WHEN r_score = {r} AND f_score IN ({}) THEN {}",
                    fs.join(", "),
                    d.string(segment.english_name())
                ));
            }
        }
    }
    format!("CASE\n{}\n  END", arms.join("\n"))
}
