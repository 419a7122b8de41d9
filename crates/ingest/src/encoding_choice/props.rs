//! Property: a header drawn from the role synonyms and export words of one
//! script family (CJK, accented Latin, Cyrillic), over ASCII rows, encoded in
//! an encoding of that family, is chosen in an encoding that decodes the
//! header to the same text (GBK or GB18030, 1252 or 8859-15 alike).

use super::choose_encoding;
use crate::schema::FileKind;
use encoding_rs::{
    Encoding, BIG5, EUC_JP, EUC_KR, GBK, ISO_8859_15, SHIFT_JIS, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252,
};
use proptest::prelude::*;

/// Headers in Latin languages with accents (not all are known synonyms).
const LATIN: &[&str] = &[
    "Número de orden",
    "Teléfono",
    "Fecha de creación",
    "Dirección",
    "Código postal",
    "Año",
    "Größe",
    "Straße",
    "Bestellbestätigung",
    "Prénom",
    "Quantité",
    "Montant payé",
    "Société",
    "Preço unitário",
    "Situação",
    "Endereço",
    "Descrição",
    "Numer zamówienia",
    "Kwota płatności",
];

/// Headers in traditional Chinese exports (with the simplified synonyms).
const CHINESE: &[&str] = &["訂單編號", "顧客名稱", "付款金額", "商品名"];
/// Headers in Japanese exports.
const JAPANESE: &[&str] = &["顧客番号", "注文日時", "メールアドレス", "商品名"];
/// Headers in Korean exports.
const KOREAN: &[&str] = &["주문번호", "결제금액", "고객명", "상품명"];
/// Headers in Russian exports.
const CYRILLIC: &[&str] = &["Номер заказа", "Сумма", "Дата заказа", "Покупатель", "Город"];

/// Each script family with the encodings its exports are written in.
const FAMILIES: [(&[&str], &[&Encoding]); 5] = [
    (CHINESE, &[GBK, BIG5]),
    (LATIN, &[WINDOWS_1252, ISO_8859_15, WINDOWS_1250]),
    (CYRILLIC, &[WINDOWS_1251]),
    (JAPANESE, &[SHIFT_JIS, EUC_JP]),
    (KOREAN, &[EUC_KR]),
];

/// The words a header of `family` is drawn from: its own, the synonyms of
/// that script (CJK synonyms for CJK) and the ASCII synonyms.
fn pool(family: usize) -> Vec<&'static str> {
    let mut words: Vec<&'static str> = FileKind::ALL
        .iter()
        .flat_map(|kind| kind.roles())
        .flat_map(|role| role.synonyms())
        .copied()
        // Only the Chinese family draws from the (Chinese) non-ASCII synonyms.
        .filter(|s| s.is_ascii() || (family == 0 && s.chars().any(|c| c > '\u{2e80}')))
        // Kana and Hangul synonyms belong to their own families' encodings.
        .filter(|s| {
            !s.chars()
                .any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{ac00}'..='\u{d7af}').contains(&c))
        })
        .collect();
    words.extend_from_slice(FAMILIES[family].0);
    words.sort_unstable();
    words.dedup();
    words
}

/// A family, an encoding of it, header words, a delimiter and a row count.
type File = (usize, &'static Encoding, Vec<&'static str>, &'static str, usize);

fn file() -> impl Strategy<Value = File> {
    (
        0..FAMILIES.len(),
        any::<prop::sample::Index>(),
        prop::collection::vec(any::<prop::sample::Index>(), 1..7),
        0..3usize,
        0..40usize,
    )
        .prop_map(|(family, e, picks, d, rows)| {
            let words = pool(family);
            let encodings = FAMILIES[family].1;
            (
                family,
                encodings[e.index(encodings.len())],
                picks.iter().map(|i| words[i.index(words.len())]).collect(),
                [",", ";", "\t"][d],
                rows,
            )
        })
}

proptest! {
    // Headers a family's encoding cannot write are skipped, so allow many rejects.
    #![proptest_config(ProptestConfig { max_global_rejects: 1_000_000, ..ProptestConfig::default() })]
    #[test]
    fn the_header_decodes_as_written((_family, encoding, header, delimiter, rows) in file()) {
        let columns = header.len();
        let header = header.join(delimiter);
        let mut text = format!("{header}\r\n");
        for r in 0..rows {
            let cells: Vec<String> = (0..columns).map(|c| match c % 3 {
                0 => format!("{}", 1000 + r * 7),
                1 => format!("2024/{}/{}", 1 + r % 12, 1 + r % 28),
                _ => format!("{}.{:02}", 10 + r, r * 13 % 100),
            }).collect();
            text.push_str(&cells.join(delimiter));
            text.push_str("\r\n");
        }
        let (bytes, _, unmappable) = encoding.encode(&text);
        prop_assume!(!unmappable && !header.is_ascii());
        let chosen = choose_encoding(&bytes, true);
        let (decoded, _) = chosen.encoding.decode_without_bom_handling(&bytes);
        prop_assert_eq!(
            decoded.lines().next().unwrap_or(""),
            header.as_str(),
            "written in {}, read in {} ({:?})",
            encoding.name(),
            chosen.encoding.name(),
            chosen.evidence
        );
    }
}
