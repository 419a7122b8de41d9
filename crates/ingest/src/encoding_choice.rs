//! Chooses a file's encoding among candidates by how well each decodes the
//! header and first rows (docs/ingest/encoding.md#choosing-the-encoding):
//! known header words, plausible text, and the byte-statistics detector's
//! guess only as a small prior.

mod header_words;
#[cfg(test)]
mod props;
mod script;

use encoding_rs::{
    Encoding, BIG5, EUC_JP, EUC_KR, GBK, IBM866, ISO_8859_15, ISO_8859_2, SHIFT_JIS, UTF_8, WINDOWS_1250, WINDOWS_1251,
    WINDOWS_1252,
};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Why an encoding was chosen, for the mapping step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum EncodingReason {
    /// The file starts with a byte-order mark.
    Bom,
    /// The bytes are valid UTF-8 (plain ASCII included).
    ValidUtf8,
    /// This reading finds known header words that the other readings do not.
    HeaderWords,
    /// This reading's text is the most plausible (one language, common
    /// characters, nothing undecodable).
    Text,
    /// The readings were about as plausible; the byte-statistics detector's
    /// guess decided (also the value of schemas saved before the choice had
    /// reasons).
    #[default]
    Detector,
    /// The user chose the encoding.
    UserChoice,
}

impl EncodingReason {
    /// The i18n key of the reason's short description.
    pub fn i18n_key(self) -> &'static str {
        match self {
            EncodingReason::Bom => "encoding.reason.bom",
            EncodingReason::ValidUtf8 => "encoding.reason.valid_utf8",
            EncodingReason::HeaderWords => "encoding.reason.header_words",
            EncodingReason::Text => "encoding.reason.text",
            EncodingReason::Detector => "encoding.reason.detector",
            EncodingReason::UserChoice => "encoding.reason.user",
        }
    }
}

/// How an encoding was chosen: the reason and a confidence.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct EncodingEvidence {
    /// Why this encoding.
    pub reason: EncodingReason,
    /// 0–1: 1 for a BOM, valid UTF-8, the user's choice or when every other
    /// candidate reads the same text; otherwise grows with the chosen
    /// reading's lead over the best reading of different text.
    pub confidence: f32,
}

/// The encoding chosen for a file, with its evidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EncodingChoice {
    /// The encoding to decode the file with.
    pub encoding: &'static Encoding,
    /// Why it was chosen.
    pub evidence: EncodingEvidence,
}

impl EncodingChoice {
    /// The user's choice: it always wins.
    pub fn by_user(encoding: &'static Encoding) -> Self {
        Self::sure(encoding, EncodingReason::UserChoice)
    }

    fn sure(encoding: &'static Encoding, reason: EncodingReason) -> Self {
        EncodingChoice {
            encoding,
            evidence: EncodingEvidence {
                reason,
                confidence: 1.0,
            },
        }
    }
}

/// The encodings tried, in order of preference on a tie; the detector's guess
/// joins them when it is another. UTF-16 is only read with a BOM, and GBK's
/// decoder reads all of GB18030.
const CANDIDATES: [&Encoding; 12] = [
    UTF_8,
    GBK,
    BIG5,
    SHIFT_JIS,
    EUC_KR,
    EUC_JP,
    WINDOWS_1252,
    ISO_8859_15,
    WINDOWS_1250,
    ISO_8859_2,
    WINDOWS_1251,
    IBM866,
];

/// The scored window: the header and this many rows at least …
const WINDOW_LINES: usize = 21;
/// … then more lines while fewer non-ASCII bytes than this were seen …
const WINDOW_NON_ASCII: usize = 512;
/// … but never more bytes than this.
const WINDOW_BYTES: usize = 32 * 1024;

/// The detector's guess gets this bonus: enough to break a tie, not to beat
/// a reading with one letter more that fits its language.
const DETECTOR_PRIOR: f32 = 0.5;

/// Valid UTF-8 with at least this many non-ASCII bytes, or with a three- or
/// four-byte sequence (CJK in UTF-8), is UTF-8 for sure: two-byte GBK text is
/// valid UTF-8 only by accident (`省` is `ʡ`, `职业` is `ְҵ`), so short valid
/// UTF-8 of two-byte sequences only competes with a head start.
const SURE_UTF8_NON_ASCII: usize = 16;

/// The head start of valid UTF-8 with few non-ASCII bytes.
const UTF8_PRIOR: f32 = 2.0;

/// Chooses the encoding of a file from its first bytes (`prefix`;
/// `is_whole_file` when that is all of it): a BOM, else valid UTF-8, else the
/// candidate whose reading of the first rows scores best.
pub fn choose_encoding(prefix: &[u8], is_whole_file: bool) -> EncodingChoice {
    if let Some((encoding, _)) = Encoding::for_bom(prefix) {
        return EncodingChoice::sure(encoding, EncodingReason::Bom);
    }
    let utf8 = is_utf8(prefix, is_whole_file);
    let long_sequence = prefix.iter().any(|b| *b >= 0xE0);
    if utf8
        && (long_sequence
            || prefix.iter().filter(|b| **b >= 0x80).take(SURE_UTF8_NON_ASCII).count() == SURE_UTF8_NON_ASCII)
    {
        return EncodingChoice::sure(UTF_8, EncodingReason::ValidUtf8);
    }
    let (window, last) = scoring_window(prefix, is_whole_file);
    if is_plain_ascii(window) {
        // Every candidate reads ASCII alike, so the scores tie and UTF-8's
        // head start wins with a sure confidence: the scored outcome,
        // without decoding the window thirteen times.
        return EncodingChoice::sure(UTF_8, EncodingReason::Text);
    }
    scored_choice(window, last, utf8)
}

/// ASCII without the escape byte of ISO-2022-JP (the one encoding the
/// detector may guess that reads ASCII bytes otherwise).
fn is_plain_ascii(window: &[u8]) -> bool {
    window.iter().all(|b| b.is_ascii() && *b != 0x1b)
}

/// Scores every candidate's reading of the window (`last` when it ends the
/// file; `utf8` when the prefix is valid UTF-8) and picks the best.
fn scored_choice(window: &[u8], last: bool, utf8: bool) -> EncodingChoice {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(window, last);
    let guess = detector.guess(None, false);
    let trail_range = window
        .iter()
        .filter(|b| script::is_trail_range(char::from(**b)))
        .count();
    let mut ideographs = FxHashMap::default();
    let mut readings: Vec<Reading> = CANDIDATES
        .iter()
        .copied()
        .chain((!CANDIDATES.contains(&guess)).then_some(guess))
        .map(|encoding| {
            Reading::of(
                encoding,
                (window, last, trail_range),
                encoding == guess,
                &mut ideographs,
            )
        })
        .collect();
    if let Some(first) = readings.first_mut().filter(|_| utf8) {
        first.prior += UTF8_PRIOR;
    }
    pick(&readings, utf8)
}

/// Valid UTF-8; a character cut at the end of a prefix still counts.
fn is_utf8(prefix: &[u8], is_whole_file: bool) -> bool {
    match std::str::from_utf8(prefix) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && !is_whole_file,
    }
}

/// The bytes scored (whole lines) and whether they end the file.
fn scoring_window(prefix: &[u8], is_whole_file: bool) -> (&[u8], bool) {
    let limit = prefix.len().min(WINDOW_BYTES);
    let (mut lines, mut non_ascii, mut line_end) = (0, 0, None);
    for (i, b) in prefix[..limit].iter().enumerate() {
        if *b >= 0x80 {
            non_ascii += 1;
        } else if *b == b'\n' {
            lines += 1;
            line_end = Some(i + 1);
            if lines >= WINDOW_LINES && non_ascii >= WINDOW_NON_ASCII {
                return (&prefix[..i + 1], is_whole_file && i + 1 == prefix.len());
            }
        }
    }
    if limit == prefix.len() {
        return (prefix, is_whole_file);
    }
    (&prefix[..line_end.unwrap_or(limit)], false)
}

/// One candidate's reading of the window and its scores.
struct Reading {
    encoding: &'static Encoding,
    text: String,
    header: f32,
    text_score: f32,
    /// The detector guessed this encoding.
    guessed: bool,
    prior: f32,
}

impl Reading {
    fn of(
        encoding: &'static Encoding,
        (window, last, trail_range): (&[u8], bool, usize),
        guessed: bool,
        ideographs: &mut FxHashMap<char, u32>,
    ) -> Self {
        let mut decoder = encoding.new_decoder_without_bom_handling();
        let mut text = String::with_capacity(decoder.max_utf8_buffer_length(window.len()).unwrap_or(window.len() * 3));
        let _ = decoder.decode_to_string(window, &mut text, last);
        let multibyte = !encoding.is_single_byte();
        let text_score = script::TextScore::of(&text, multibyte, trail_range, ideographs).value();
        let header = header_words::score(text.lines().next().unwrap_or(""));
        Reading {
            encoding,
            text,
            header,
            text_score,
            guessed,
            prior: if guessed { DETECTOR_PRIOR } else { 0.0 },
        }
    }

    fn total(&self) -> f32 {
        self.header + self.text_score + self.prior
    }
}

/// The best reading (the earlier candidate on a tie), with its reason and
/// its confidence against the best reading of a different text; `utf8` when
/// the bytes are valid UTF-8 (the first candidate).
fn pick(readings: &[Reading], utf8: bool) -> EncodingChoice {
    let Some(best) = (0..readings.len()).reduce(|b, i| {
        if readings[i].total() > readings[b].total() {
            i
        } else {
            b
        }
    }) else {
        return EncodingChoice::sure(UTF_8, EncodingReason::Detector);
    };
    let winner = &readings[best];
    let runner = readings
        .iter()
        .filter(|r| r.text != winner.text)
        .reduce(|a, r| if r.total() > a.total() { r } else { a });
    let Some(runner) = runner else {
        let reason = if winner.header > 0.0 {
            EncodingReason::HeaderWords
        } else {
            EncodingReason::Text
        };
        return EncodingChoice::sure(winner.encoding, reason);
    };
    let margin = (winner.total() - runner.total()).max(0.0);
    let reason = if winner.header > runner.header {
        EncodingReason::HeaderWords
    } else if utf8 && winner.encoding == UTF_8 {
        EncodingReason::ValidUtf8
    } else if winner.guessed && margin <= DETECTOR_PRIOR {
        EncodingReason::Detector
    } else {
        EncodingReason::Text
    };
    EncodingChoice {
        encoding: winner.encoding,
        evidence: EncodingEvidence {
            reason,
            confidence: margin / (margin + 4.0),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choose(text: &str, encoding: &'static Encoding) -> EncodingChoice {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text} in {}", encoding.name());
        choose_encoding(&bytes, true)
    }

    #[test]
    fn bom_and_utf8_are_sure() {
        let bom = choose_encoding(b"\xEF\xBB\xBFa,b", true);
        assert_eq!((bom.encoding, bom.evidence.reason), (UTF_8, EncodingReason::Bom));
        let utf8 = choose_encoding("客户编号,下单时间,金额\n".as_bytes(), true);
        assert_eq!(
            (utf8.encoding, utf8.evidence.reason),
            (UTF_8, EncodingReason::ValidUtf8)
        );
        assert_eq!(utf8.evidence.confidence, 1.0);
        let short = choose_encoding("客户,金额\n".as_bytes(), true);
        assert_eq!(short.encoding, UTF_8);
        let (gbk, _, _) = GBK.encode("省\n");
        assert_eq!(std::str::from_utf8(&gbk).ok(), Some("ʡ\n"));
        assert_eq!(choose_encoding(&gbk, true).encoding, GBK);
        assert_eq!(choose_encoding("a客a\n".as_bytes(), true).encoding, UTF_8);
    }

    #[test]
    fn gbk_header_only_file_reads_by_its_header_words() {
        let mut text = String::from("客户ID,下单时间,购买数量,实付金额\n");
        for i in 0..30 {
            text.push_str(&format!(
                "{},1997/1/{},{},￥{}.77\n",
                1000 + i,
                1 + i % 28,
                1 + i % 3,
                11 + i
            ));
        }
        let c = choose(&text, GBK);
        assert_eq!(c.encoding, GBK);
        assert_eq!(c.evidence.reason, EncodingReason::HeaderWords);
        assert!(c.evidence.confidence > 0.5, "{:?}", c.evidence);
    }

    #[test]
    fn spanish_latin1_reads_as_windows_1252() {
        let text = "Número de orden;Email;Fecha;Estado del pago;Total\n\
                    1001;ana@example.com;05/01/2024;Pagado;12,50\n\
                    1002;iñigo@example.com;06/01/2024;¿Pendiente?;8,00\n\
                    1003;raúl@example.com;07/01/2024;¡Reembolsado!;3,10\n";
        let c = choose(text, WINDOWS_1252);
        assert_eq!(c.encoding, WINDOWS_1252, "{:?}", c.evidence);
    }

    #[test]
    fn plain_ascii_is_decided_as_scoring_would() {
        let texts = [
            "customer_id,order_date,amount\nA,2024-01-05,12.50\n",
            "id;name\n1;x~y\\z\n",
            "",
            "a\tb\n@@@,~~~,[\\]\n",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            let (window, last) = scoring_window(bytes, true);
            assert!(is_plain_ascii(window));
            assert_eq!(
                choose_encoding(bytes, true),
                scored_choice(window, last, true),
                "{text:?}"
            );
        }
        assert!(!is_plain_ascii(b"a\x1b$Bb"));
    }

    #[test]
    fn window_ends_on_a_line() {
        let mut bytes = Vec::new();
        for _ in 0..3000 {
            bytes.extend_from_slice("é,ü\n".as_bytes());
        }
        let (window, last) = scoring_window(&bytes, true);
        assert!(window.ends_with(b"\n") && !last);
        assert!(window.len() < bytes.len());
        assert_eq!(scoring_window(b"a,b\nc", true), (&b"a,b\nc"[..], true));
        assert_eq!(scoring_window(b"a,b\nc", false), (&b"a,b\nc"[..], false));
    }
}
