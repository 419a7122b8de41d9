//! Why buyers could not be clustered.

use crate::texts::t;
use segscope_i18n::Lang;
use serde::{Deserialize, Serialize};

/// Why there are no clusters: the data is too small or too uniform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KmeansProblem {
    /// Fewer buyers than clustering needs.
    TooFewBuyers {
        /// Buyers there are.
        buyers: usize,
        /// Buyers needed.
        needed: usize,
    },
    /// Fewer buyers that differ in recency, orders or revenue than clusters.
    TooFewDistinct {
        /// Distinct (recency, orders, revenue) triples there are.
        distinct: usize,
        /// Distinct triples needed.
        needed: usize,
    },
}

impl KmeansProblem {
    /// The i18n key of the message (placeholders `{n}` and `{needed}`).
    pub fn i18n_key(self) -> &'static str {
        match self {
            KmeansProblem::TooFewBuyers { .. } => "kmeans.problem.too_few_buyers",
            KmeansProblem::TooFewDistinct { .. } => "kmeans.problem.too_few_distinct",
        }
    }

    /// The message in `lang`.
    pub fn message(self, lang: Lang) -> String {
        let (n, needed) = match self {
            KmeansProblem::TooFewBuyers { buyers, needed } => (buyers, needed),
            KmeansProblem::TooFewDistinct { distinct, needed } => (distinct, needed),
        };
        t(lang, self.i18n_key())
            .replace("{n}", &n.to_string())
            .replace("{needed}", &needed.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_fill_in_the_numbers() {
        let p = KmeansProblem::TooFewBuyers { buyers: 3, needed: 10 };
        assert_eq!(p.message(Lang::En), "Clustering needs at least 10 buyers; there are 3.");
        let d = KmeansProblem::TooFewDistinct { distinct: 1, needed: 2 };
        assert!(d.message(Lang::Zh).contains('1') && d.message(Lang::Zh).contains('2'));
    }
}
