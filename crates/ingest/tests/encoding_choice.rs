//! Each fixture of `tests/fixtures/encoding/` (written by its
//! `make_fixtures.py`, invented rows) is sniffed: the encoding, every header
//! cell, the reason and the column roles its headers name come out right
//! (docs/ingest/encoding.md).

use segscope_ingest::encoding_choice::EncodingReason;
use segscope_ingest::{sniff, sniff_as, Role};

struct Case {
    file: &'static str,
    /// WHATWG names any of which reads the file right.
    encodings: &'static [&'static str],
    headers: &'static [&'static str],
    /// The reason expected, when the file pins it.
    reason: Option<EncodingReason>,
    roles: &'static [(Role, usize)],
}

const CASES: &[Case] = &[
    Case {
        file: "gbk_header_only_orders.csv",
        encodings: &["GBK", "gb18030"],
        headers: &["客户ID", "下单时间", "购买数量", "实付金额"],
        reason: Some(EncodingReason::HeaderWords),
        roles: &[
            (Role::CustomerKey, 0),
            (Role::OrderDate, 1),
            (Role::Quantity, 2),
            (Role::Amount, 3),
        ],
    },
    Case {
        file: "latin1_spanish_orders.csv",
        encodings: &["windows-1252"],
        headers: &[
            "Número de orden",
            "Email",
            "Fecha",
            "Estado del pago",
            "Total",
            "Cliente",
            "Notas",
        ],
        reason: None,
        roles: &[(Role::Email, 1)],
    },
    Case {
        file: "big5_orders.csv",
        encodings: &["Big5"],
        headers: &["顧客ID", "訂單日期", "商品名稱", "數量", "金額", "Email"],
        reason: None,
        roles: &[(Role::Email, 5)],
    },
    Case {
        file: "shift_jis_orders.csv",
        encodings: &["Shift_JIS"],
        headers: &["顧客ID", "注文日", "商品名", "数量", "金額", "Email"],
        reason: None,
        roles: &[(Role::Email, 5)],
    },
    Case {
        file: "euc_kr_orders.csv",
        encodings: &["EUC-KR"],
        headers: &["주문번호", "주문일시", "고객명", "email", "상품명", "결제금액"],
        reason: None,
        roles: &[(Role::Email, 3)],
    },
    Case {
        file: "windows1252_german_orders.csv",
        encodings: &["windows-1252", "ISO-8859-15"],
        headers: &[
            "Kundennummer",
            "E-Mail",
            "Bestelldatum",
            "Größe",
            "Straße",
            "Betrag (€)",
        ],
        reason: None,
        roles: &[(Role::Email, 1)],
    },
    Case {
        file: "windows1252_french_orders.csv",
        encodings: &["windows-1252", "ISO-8859-15"],
        headers: &[
            "Numéro de commande",
            "Date de création",
            "Prénom",
            "Email",
            "Ville",
            "Montant payé (€)",
        ],
        reason: None,
        roles: &[(Role::Email, 3)],
    },
    Case {
        file: "windows1250_polish_orders.csv",
        encodings: &["windows-1250"],
        headers: &[
            "Numer zamówienia",
            "Data zamówienia",
            "Klient",
            "Email",
            "Miasto",
            "Kwota",
        ],
        reason: None,
        roles: &[(Role::Email, 3)],
    },
    Case {
        file: "windows1251_russian_orders.csv",
        encodings: &["windows-1251"],
        headers: &["Номер заказа", "Дата заказа", "Покупатель", "Email", "Город", "Сумма"],
        reason: None,
        roles: &[(Role::Email, 3)],
    },
    Case {
        file: "utf8_orders.csv",
        encodings: &["UTF-8"],
        headers: &["客户ID", "下单时间", "实付金额", "备注"],
        reason: Some(EncodingReason::ValidUtf8),
        roles: &[(Role::CustomerKey, 0), (Role::OrderDate, 1), (Role::Amount, 2)],
    },
];

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/encoding/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_fixture_reads_in_its_encoding() {
    for case in CASES {
        let bytes = fixture(case.file);
        let schema = sniff(case.file, &bytes, true).unwrap_or_else(|e| panic!("{}: {e:?}", case.file));
        assert!(
            case.encodings.contains(&schema.encoding.as_str()),
            "{}: read as {} ({:?})",
            case.file,
            schema.encoding,
            schema.encoding_evidence
        );
        assert_eq!(schema.headers, case.headers, "{}", case.file);
        if let Some(reason) = case.reason {
            assert_eq!(schema.encoding_evidence.reason, reason, "{}", case.file);
        }
        for (role, column) in case.roles {
            assert_eq!(schema.column(*role), Some(*column), "{}: {role:?}", case.file);
        }
    }
}

#[test]
fn evidence_is_plausible() {
    for case in CASES {
        let schema = sniff(case.file, &fixture(case.file), true).unwrap_or_else(|e| panic!("{}: {e:?}", case.file));
        let evidence = schema.encoding_evidence;
        assert!(
            (0.0..=1.0).contains(&evidence.confidence) && evidence.confidence > 0.0,
            "{}: {evidence:?}",
            case.file
        );
        assert_ne!(evidence.reason, EncodingReason::UserChoice, "{}", case.file);
    }
}

#[test]
fn the_users_encoding_still_wins() {
    let bytes = fixture("gbk_header_only_orders.csv");
    let schema = sniff_as("gbk.csv", &bytes, true, Some("Big5")).expect("sniff");
    assert_eq!(schema.encoding, "Big5");
    assert_eq!(schema.encoding_evidence.reason, EncodingReason::UserChoice);
    assert_ne!(schema.headers[0], "客户ID");
}

#[test]
fn a_prefix_cut_inside_a_character_reads_the_same() {
    for case in CASES {
        let bytes = fixture(case.file);
        let whole = sniff(case.file, &bytes, true).expect("sniff");
        for cut in [bytes.len() - 1, bytes.len() * 2 / 3 + 1] {
            let part = sniff(case.file, &bytes[..cut], false).expect("sniff");
            assert_eq!(part.encoding, whole.encoding, "{} cut at {cut}", case.file);
        }
    }
}
