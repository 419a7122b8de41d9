//! Known header words in a reading's first line
//! (docs/ingest/encoding.md#how-a-decoding-is-scored): a reading that turns
//! `客户ID` into `客户ID` rather than `瀹㈡埛ID` names columns the app knows.

use super::super::role_synonyms::is_known_header_word;
use super::super::schema::normalise_header;

/// Score of a non-ASCII header cell that is a known header.
const KNOWN_HEADER: f32 = 8.0;
/// Score of a non-ASCII word or CJK pair inside a header cell that is part of
/// a known header; a cell scores at most [`KNOWN_HEADER`].
const KNOWN_PART: f32 = 3.0;

/// Scores the header line: only cells with non-ASCII text count, since every
/// candidate reads ASCII alike.
pub(super) fn score(line: &str) -> f32 {
    line.split([',', ';', '\t', '|'])
        .map(|cell| cell.trim().trim_matches('"').trim())
        .filter(|cell| !cell.is_ascii())
        .map(cell_score)
        .sum()
}

fn cell_score(cell: &str) -> f32 {
    if is_known_header_word(&normalise_header(cell)) {
        return KNOWN_HEADER;
    }
    let words = cell
        .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
        .filter(|w| !w.is_ascii())
        .filter(|w| is_known_header_word(&normalise_header(w)))
        .count();
    let chars: Vec<char> = cell.chars().collect();
    let pairs = chars
        .windows(2)
        .filter(|p| is_cjk(p[0]) && is_cjk(p[1]))
        .filter(|p| is_known_header_word(&p.iter().collect::<String>()))
        .count();
    (KNOWN_PART * (words + pairs) as f32).min(KNOWN_HEADER)
}

/// CJK ideographs, kana and Hangul.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7a3 | 0xf900..=0xfaff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_cells_words_and_pairs_score() {
        assert_eq!(score("客户ID,下单时间,amount"), 2.0 * KNOWN_HEADER);
        assert!(score("收货人手机,x") >= KNOWN_PART);
        assert_eq!(score("瀹㈡埛ID,涓嬪崟鏃堕棿"), 0.0);
        assert_eq!(score("customer_id,date"), 0.0);
    }
}
