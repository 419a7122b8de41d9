//! NPS and CSAT of a group of answers with their 95 % intervals
//! (docs/product.md#surveys-and-feedback).

use serde::{Deserialize, Serialize};

/// The normal quantile of a two-sided 95 % interval.
const Z95: f64 = 1.959_963_984_540_054;

/// Groups smaller than this are flagged: their figure moves a lot with a
/// few answers.
pub const SMALL_GROUP: u64 = 30;

/// Groups smaller than this are greyed out: too few answers to read.
pub const TINY_GROUP: u64 = 10;

/// How much a group's figure can be trusted by its number of answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GroupSize {
    /// At least [`SMALL_GROUP`] answers.
    Enough,
    /// Fewer than [`SMALL_GROUP`]: flagged.
    Small,
    /// Fewer than [`TINY_GROUP`]: greyed out.
    Tiny,
}

impl GroupSize {
    /// The size class of `n` answers.
    pub fn of(n: u64) -> GroupSize {
        match n {
            n if n < TINY_GROUP => GroupSize::Tiny,
            n if n < SMALL_GROUP => GroupSize::Small,
            _ => GroupSize::Enough,
        }
    }
}

/// A score of one group of answers: NPS (−100…100) or CSAT (% satisfied),
/// with its 95 % interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Answers counted.
    pub n: u64,
    /// Promoters (NPS 9–10) or satisfied answers (CSAT top two boxes).
    pub top: u64,
    /// Detractors (NPS 0–6); 0 for CSAT.
    pub bottom: u64,
    /// The score from the answers as they are; 0 without answers.
    pub value: f64,
    /// Lower end of the 95 % interval.
    pub low: f64,
    /// Upper end of the 95 % interval.
    pub high: f64,
    /// How far the figure can be trusted.
    pub size: GroupSize,
}

impl Score {
    /// The NPS of `promoters` and `detractors` among `n` answers, with the
    /// adjusted-Wald interval: ¾ added to promoters and detractors and 3 to
    /// n before the Wald interval of the difference of two proportions
    /// (Rocks 2016, "Interval Estimation for the Net Promoter Score", The
    /// American Statistician 70(4)).
    pub fn nps(n: u64, promoters: u64, detractors: u64) -> Score {
        let value = if n == 0 {
            0.0
        } else {
            (promoters as f64 - detractors as f64) / n as f64 * 100.0
        };
        let m = n as f64 + 3.0;
        let (p, d) = ((promoters as f64 + 0.75) / m, (detractors as f64 + 0.75) / m);
        let centre = p - d;
        let half = Z95 * ((p + d - centre * centre) / m).sqrt();
        Score {
            n,
            top: promoters,
            bottom: detractors,
            value,
            low: ((centre - half).max(-1.0)) * 100.0,
            high: ((centre + half).min(1.0)) * 100.0,
            size: GroupSize::of(n),
        }
    }

    /// The share of `satisfied` among `n` answers in %, with the
    /// adjusted-Wald (Agresti–Coull) interval: z²/2 successes and z² trials
    /// added before the Wald interval.
    pub fn share(n: u64, satisfied: u64) -> Score {
        let value = if n == 0 {
            0.0
        } else {
            satisfied as f64 / n as f64 * 100.0
        };
        let m = n as f64 + Z95 * Z95;
        let p = (satisfied as f64 + Z95 * Z95 / 2.0) / m;
        let half = Z95 * (p * (1.0 - p) / m).sqrt();
        Score {
            n,
            top: satisfied,
            bottom: 0,
            value,
            low: (p - half).max(0.0) * 100.0,
            high: (p + half).min(1.0) * 100.0,
            size: GroupSize::of(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nps_interval_matches_the_adjusted_wald_formula() {
        // 60 promoters, 25 passives, 15 detractors: NPS 45.
        let s = Score::nps(100, 60, 15);
        assert_eq!(s.value, 45.0);
        // By hand: p = 60.75/103, d = 15.75/103, centre 0.436893,
        // var = (p + d − centre²)/103 = (0.742718 − 0.190876)/103.
        let (p, d): (f64, f64) = (60.75 / 103.0, 15.75 / 103.0);
        let half = 1.959963984540054 * ((p + d - (p - d) * (p - d)) / 103.0).sqrt();
        assert!((s.low - (p - d - half) * 100.0).abs() < 1e-9);
        assert!((s.high - (p - d + half) * 100.0).abs() < 1e-9);
        assert!((s.low - 29.34).abs() < 0.01 && (s.high - 58.04).abs() < 0.01, "{s:?}");
        assert_eq!(s.size, GroupSize::Enough);
        // All promoters: the interval stays within 100.
        let all = Score::nps(5, 5, 0);
        assert_eq!((all.value, all.size), (100.0, GroupSize::Tiny));
        assert!(all.high <= 100.0 && all.low > 0.0);
        assert_eq!(Score::nps(0, 0, 0).value, 0.0);
    }

    #[test]
    fn share_interval_is_agresti_coull() {
        let s = Score::share(20, 15);
        assert_eq!((s.value, s.size), (75.0, GroupSize::Small));
        // Agresti–Coull for 15/20: 52.75 % to 89.19 %.
        assert!((s.low - 52.75).abs() < 0.01 && (s.high - 89.19).abs() < 0.01, "{s:?}");
    }
}
