//! How plausibly a decoded text reads (docs/ingest/encoding.md#how-a-decoding-is-scored):
//! letters of one language, common CJK characters, no replacement or
//! control characters, no box drawing or stray diacritics inside words.

use encoding_rs::{EncoderResult, Encoding, BIG5, EUC_KR, GBK, SHIFT_JIS};
use rustc_hash::FxHashMap;

/// Languages and scripts a letter can belong to, one bit each.
const ES: u32 = 1;
const PT: u32 = 1 << 1;
const FR: u32 = 1 << 2;
const DE: u32 = 1 << 3;
const IT: u32 = 1 << 4;
const NORDIC: u32 = 1 << 5;
const PL: u32 = 1 << 6;
const CS: u32 = 1 << 7;
const HU: u32 = 1 << 8;
const RO: u32 = 1 << 9;
const HR: u32 = 1 << 10;
const CYRILLIC: u32 = 1 << 11;
const ZH_HANS: u32 = 1 << 12;
const ZH_HANT: u32 = 1 << 13;
const JA: u32 = 1 << 14;
const KO: u32 = 1 << 15;
const GREEK: u32 = 1 << 16;
const HEBREW: u32 = 1 << 17;
const ARABIC: u32 = 1 << 18;
const THAI: u32 = 1 << 19;
/// How many language bits there are.
const LANGUAGES: usize = 20;

/// The Latin letters beyond ASCII that each language writes (lowercase).
const LATIN: &[(u32, &str)] = &[
    (ES, "áéíóúñü"),
    (PT, "áâãàçéêíóôõúü"),
    (FR, "àâæçéèêëîïôœùûüÿ"),
    (DE, "äöüß"),
    (IT, "àèéìíòóùúî"),
    (NORDIC, "åäöøæéüáíóúýþð"),
    (PL, "ąćęłńóśźż"),
    (CS, "áčďéěíňóřšťúůýžäĺľôŕ"),
    (HU, "áéíóöőúüű"),
    (RO, "ăâîșşțţ"),
    (HR, "čćđšž"),
];

/// The plausibility of a decoded text; higher reads better.
#[derive(Debug, Default)]
pub(super) struct TextScore {
    /// Weight of letters per language bit (neutral symbols count for all).
    hits: [f32; LANGUAGES],
    /// Weight of the non-ASCII letters common in some language.
    letters: f32,
    /// Weight of the non-ASCII letters common in no language (rare
    /// ideographs, Latin letters no listed language writes).
    rare: f32,
    /// Weight of punctuation and symbols any language uses (€, °, “, ￥ …).
    neutral: f32,
    /// Penalty for replacement, control and private-use characters, stray
    /// diacritics, box drawing, and letters that break a word's script or case.
    bad: f32,
    /// Bytes 0x40–0x7E of the raw text that a double-byte character took as
    /// its trail byte (`Endere\xe7o` read as Big5 turns `\xe7o` into one
    /// ideograph).
    swallowed: f32,
}

impl TextScore {
    /// Scores `text`, decoded by a double-byte encoding when `multibyte`
    /// (its characters then stand for two bytes each) from raw bytes with
    /// `trail_range` bytes in 0x40–0x7E; `cjk` caches the languages of the
    /// CJK characters met so far.
    pub(super) fn of(text: &str, multibyte: bool, trail_range: usize, cjk: &mut FxHashMap<char, u32>) -> TextScore {
        let mut score = TextScore::default();
        let mut prev = ' ';
        let mut kept = 0;
        let mut token = MixedToken::default();
        for c in text.chars() {
            if !c.is_ascii() {
                score.add(class(c, cjk), weight(c, multibyte));
            } else if is_trail_range(c) {
                kept += 1;
            }
            score.bad += adjacency_penalty(prev, c) + token.push(c);
            prev = c;
        }
        score.bad += token.end();
        score.swallowed = trail_range.saturating_sub(kept) as f32;
        score
    }

    /// The score: letters of the text's best language and neutral symbols
    /// count for, letters of other languages a little (a German file may hold
    /// a French name), rare letters and the penalties against.
    ///
    /// A character that took an ASCII byte as its trail stood for one
    /// non-ASCII byte only: its second unit of weight is taken back, with a
    /// little more, so that it cannot outweigh a single-byte reading of the
    /// same byte.
    pub(super) fn value(&self) -> f32 {
        let best = self.hits.iter().copied().fold(0.0f32, f32::max);
        best + 0.25 * (self.letters - best) + self.neutral - self.rare - self.bad - 1.5 * self.swallowed
    }

    fn add(&mut self, class: Class, w: f32) {
        match class {
            Class::Letter(0) => self.rare += w,
            Class::Letter(mask) => {
                self.letters += w;
                for (bit, hit) in self.hits.iter_mut().enumerate() {
                    if mask & (1 << bit) != 0 {
                        *hit += w;
                    }
                }
            }
            Class::Neutral => self.neutral += w,
            Class::CjkNeutral => {
                self.letters += w;
                for bit in [ZH_HANS, ZH_HANT, JA, KO] {
                    self.hits[bit.trailing_zeros() as usize] += w;
                }
            }
            Class::Odd => self.bad += w,
            Class::Broken => self.bad += 3.0 * w,
        }
    }
}

/// What a non-ASCII character says about the decoding.
enum Class {
    /// A letter of the languages in the mask (0: of none we know to be common).
    Letter(u32),
    /// Punctuation or a symbol every language uses.
    Neutral,
    /// CJK punctuation or a full-width form: neutral among CJK texts only.
    CjkNeutral,
    /// A symbol that rarely appears in data: box drawing, stray diacritics,
    /// superscripts, bopomofo, compatibility jamo.
    Odd,
    /// U+FFFD, a control or private-use character: the bytes did not decode.
    Broken,
}

/// Whether `c` is an ASCII character a double-byte encoding may use as a
/// trail byte.
pub(super) fn is_trail_range(c: char) -> bool {
    ('\x40'..='\x7e').contains(&c)
}

/// The weight of a character: the bytes it stands for, roughly.
fn weight(c: char, multibyte: bool) -> f32 {
    let half_width = ('\u{ff61}'..='\u{ff9f}').contains(&c);
    if multibyte && c != '\u{fffd}' && !half_width {
        2.0
    } else {
        1.0
    }
}

fn class(c: char, cjk: &mut FxHashMap<char, u32>) -> Class {
    let u = c as u32;
    match u {
        0xfffd | 0x80..=0x9f | 0xe000..=0xf8ff => Class::Broken,
        0xa0 | 0xa2 | 0xa3 | 0xa5 | 0xa7 | 0xa9 | 0xaa | 0xab | 0xae | 0xb0 | 0xb1 | 0xb7 | 0xba | 0xbb | 0xd7
        | 0xf7 => Class::Neutral,
        // Daggers, per-mille and single guillemets are what the lead bytes
        // 0x86–0x9b of Shift_JIS or GBK text become in Windows-125x; data
        // hardly ever holds them.
        0x2020 | 0x2021 | 0x2030 | 0x2039 | 0x203a => Class::Odd,
        0x2010..=0x2027 | 0x2031..=0x2038 | 0x20ac | 0x2122 | 0x2116 => Class::Neutral,
        0xbf | 0xa1 => Class::Letter(ES),
        0x3000..=0x303f | 0xff01..=0xff5e | 0xffe0..=0xffe6 => Class::CjkNeutral,
        0x3040..=0x30ff | 0x31f0..=0x31ff | 0xff66..=0xff9f => Class::Letter(JA),
        0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x3134f => {
            Class::Letter(*cjk.entry(c).or_insert_with(|| ideograph(c)))
        }
        0xac00..=0xd7a3 => Class::Letter(*cjk.entry(c).or_insert_with(|| hangul(c))),
        0x0400..=0x04ff => Class::Letter(CYRILLIC),
        0x0386..=0x03ce => Class::Letter(GREEK),
        0x05d0..=0x05ea => Class::Letter(HEBREW),
        0x0620..=0x064a | 0x0660..=0x0669 | 0x067e | 0x0686 | 0x06a9 | 0x06af | 0x06cc => Class::Letter(ARABIC),
        0x0e01..=0x0e5b => Class::Letter(THAI),
        _ if c.is_alphabetic() && u < 0x0250 => Class::Letter(latin(c)),
        _ => Class::Odd,
    }
}

/// The languages that write the Latin letter `c`.
fn latin(c: char) -> u32 {
    let lower = c.to_lowercase().next().unwrap_or(c);
    LATIN
        .iter()
        .filter(|(_, letters)| letters.contains(lower))
        .fold(0, |mask, (bit, _)| mask | bit)
}

/// The CJK languages in which the ideograph `c` is common: GB2312 level 1
/// (simplified Chinese), Big5's frequent characters (traditional) and JIS
/// level 1 (Japanese), each found by the character's bytes in that encoding.
fn ideograph(c: char) -> u32 {
    let mut mask = 0;
    if common_in(GBK, c, 0xb0..=0xd7) {
        mask |= ZH_HANS;
    }
    if common_in(BIG5, c, 0xa4..=0xc6) {
        mask |= ZH_HANT;
    }
    if common_in(SHIFT_JIS, c, 0x88..=0x98) {
        mask |= JA;
    }
    mask
}

/// KO when the Hangul syllable `c` is one of KS X 1001's 2,350 common ones.
fn hangul(c: char) -> u32 {
    if common_in(EUC_KR, c, 0xb0..=0xc8) {
        KO
    } else {
        0
    }
}

/// Whether `c` encodes in `encoding` as two bytes whose lead is in `leads`.
fn common_in(encoding: &'static Encoding, c: char, leads: std::ops::RangeInclusive<u8>) -> bool {
    let mut utf8 = [0u8; 4];
    let mut out = [0u8; 8];
    let mut encoder = encoding.new_encoder();
    let (result, _, written) = encoder.encode_from_utf8_without_replacement(c.encode_utf8(&mut utf8), &mut out, true);
    matches!(result, EncoderResult::InputEmpty) && written == 2 && leads.contains(&out[0])
}

/// Penalty per letter of another alphabet inside a token that also holds
/// ASCII letters.
const MIXED_TOKEN_LETTER: f32 = 1.5;

/// Letters of an alphabet that does not share a token with ASCII letters:
/// Cyrillic, Greek and half-width katakana.
fn is_other_alphabet(c: char) -> bool {
    matches!(c as u32, 0x0370..=0x03ff | 0x0400..=0x04ff | 0xff66..=0xff9f)
}

/// The token being read (text between spaces, delimiters and quotes), for
/// the penalty of one that mixes ASCII letters with another alphabet
/// (`Nъmero`, `ЊЪ‹q”ФЌ`): such tokens are what a wrong single-byte reading
/// of double-byte text or of accented Latin makes.
#[derive(Default)]
struct MixedToken {
    other_letters: u32,
    ascii_letters: bool,
}

impl MixedToken {
    /// Adds `c`; at a token boundary, returns the ended token's penalty.
    fn push(&mut self, c: char) -> f32 {
        if c.is_whitespace() || matches!(c, ',' | ';' | '|' | '"') {
            return self.end();
        }
        if is_other_alphabet(c) {
            self.other_letters += 1;
        } else if c.is_ascii_alphabetic() {
            self.ascii_letters = true;
        }
        0.0
    }

    /// Ends the token: its penalty, and a fresh token.
    fn end(&mut self) -> f32 {
        let penalty = if self.ascii_letters {
            MIXED_TOKEN_LETTER * self.other_letters as f32
        } else {
            0.0
        };
        *self = MixedToken::default();
        penalty
    }
}

/// A penalty for two neighbours that do not belong in one word: an
/// uppercase letter right after a lowercase one where either is non-ASCII
/// (`ÍÁËúÚ`); half as much for a CJK character next to a lowercase ASCII
/// letter (`Endere蔞`, where `客户ID` is common).
fn adjacency_penalty(prev: char, c: char) -> f32 {
    if prev.is_ascii() && c.is_ascii() {
        return 0.0;
    }
    let case_flip = prev.is_lowercase() && c.is_uppercase();
    let cjk = |x: char| x >= '\u{3040}' && x.is_alphabetic();
    if case_flip {
        1.0
    } else if (prev.is_ascii_lowercase() && cjk(c)) || (cjk(prev) && c.is_ascii_lowercase()) {
        0.5
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(text: &str) -> f32 {
        let trail_range = text.chars().filter(|c| is_trail_range(*c)).count();
        TextScore::of(text, false, trail_range, &mut FxHashMap::default()).value()
    }

    #[test]
    fn one_language_beats_a_mix() {
        assert!(score("Año, ¿Teléfono?") > score("Ańo, żTeléfono?"));
        assert!(score("Größe, Straße") > score("Gr÷▀e, Stra▀e"));
        assert!(score("Número") > score("Nъmero"));
        assert!(score("顧客番号") > score("ЊЪ‹q”ФЌ†"));
        assert!(score("Номер заказа, SKU") > score("Номер заказаSKU"));
    }

    #[test]
    fn common_ideographs_are_known_per_language() {
        assert_eq!(ideograph('客') & ZH_HANS, ZH_HANS);
        assert_eq!(ideograph('顧') & (ZH_HANT | JA), ZH_HANT | JA);
        assert_eq!(ideograph('顾') & (ZH_HANT | JA), 0);
        assert!(common_in(EUC_KR, '고', 0xb0..=0xc8));
    }

    #[test]
    fn broken_text_scores_below_zero() {
        assert!(score("\u{fffd}\u{fffd}ab") < 0.0);
        assert!(score("╔═╗") < 0.0);
    }
}
