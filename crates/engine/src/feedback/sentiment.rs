//! The tone of a feedback text from the stars given with it
//! (docs/product.md#feedback-and-reviews).

use crate::survey::NpsGroup;
use serde::{Deserialize, Serialize};

/// How a text reads, from its rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    /// The top two points of the scale (4–5 stars), or an NPS promoter.
    Positive,
    /// The middle (3 stars), or an NPS passive.
    Neutral,
    /// The bottom two points (1–2 stars), or an NPS detractor.
    Negative,
    /// No rating with the text.
    Unknown,
}

impl Sentiment {
    /// Every tone, in table order.
    pub const ALL: [Sentiment; 4] = [
        Sentiment::Positive,
        Sentiment::Neutral,
        Sentiment::Negative,
        Sentiment::Unknown,
    ];

    /// The tone of `score` on the scale `(low, high)`: the top two points
    /// positive, the bottom two negative, the rest neutral.
    pub fn of_rating(score: u8, (low, high): (u8, u8)) -> Sentiment {
        if score + 1 >= high {
            Sentiment::Positive
        } else if score <= low + 1 {
            Sentiment::Negative
        } else {
            Sentiment::Neutral
        }
    }

    /// The tone of an NPS score.
    pub fn of_nps(score: u8) -> Sentiment {
        match NpsGroup::of(score) {
            NpsGroup::Promoter => Sentiment::Positive,
            NpsGroup::Passive => Sentiment::Neutral,
            NpsGroup::Detractor => Sentiment::Negative,
        }
    }

    /// Position in [`Sentiment::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The i18n key of the tone's name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            Sentiment::Positive => "sentiment.positive",
            Sentiment::Neutral => "sentiment.neutral",
            Sentiment::Negative => "sentiment.negative",
            Sentiment::Unknown => "sentiment.unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_stars_split_four_five_three_one_two() {
        let tone: Vec<Sentiment> = (1..=5).map(|s| Sentiment::of_rating(s, (1, 5))).collect();
        use Sentiment::*;
        assert_eq!(tone, [Negative, Negative, Neutral, Positive, Positive]);
        assert_eq!(Sentiment::of_rating(6, (1, 7)), Positive);
        assert_eq!(Sentiment::of_rating(4, (1, 7)), Neutral);
        assert_eq!(Sentiment::of_nps(9), Positive);
        assert_eq!(Sentiment::of_nps(6), Negative);
    }
}
