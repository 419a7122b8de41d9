//! Roles come from values when headers say nothing (docs/ingest/roles.md):
//! a plain orders file whose every header is a nonsense word, in any column
//! order, still maps its order id, customer key, date, amount and status,
//! and is read as orders.

use proptest::prelude::*;
use segscope_ingest::{sniff, FileKind, Role};

/// The five columns of a plain orders file, as generated below.
const ROLES: [Role; 5] = [
    Role::OrderId,
    Role::CustomerKey,
    Role::OrderDate,
    Role::Amount,
    Role::Status,
];

/// Date styles real exports write.
fn date_text(style: u8, day: u32) -> String {
    let (y, m, d) = (2023, 1 + day / 28 % 12, 1 + day % 28);
    match style {
        0 => format!("{y}-{m:02}-{d:02} 10:{:02}:00", day % 60),
        1 => format!("{y}/{m}/{d}"),
        2 => format!("{d:02}/{m:02}/{y} 09:30"),
        _ => format!("{y}-{m:02}-{d:02}T08:00:00Z"),
    }
}

fn nonsense(i: usize, salt: u32) -> String {
    let letters = b"bcdfghjklmnpqrstvwxz";
    (0..6)
        .map(|k| letters[((salt as usize).wrapping_mul(31) + i * 7 + k * 13) % letters.len()] as char)
        .collect::<String>()
        + "q"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn nonsense_headers_still_map_a_plain_orders_file(
        rows in proptest::collection::vec((0u32..40, 1u32..50_000, 0usize..4), 20..120),
        order in Just([0usize, 1, 2, 3, 4]).prop_shuffle(),
        style in 0u8..4,
        first_id in 1000u32..9_000_000,
        salt in 0u32..10_000,
    ) {
        let statuses = ["completed", "paid", "refunded", "cancelled"];
        let headers: Vec<String> = (0..5).map(|i| nonsense(i, salt)).collect();
        let mut text = order.iter().map(|&c| headers[c].clone()).collect::<Vec<_>>().join(",") + "\n";
        for (i, (customer, cents, status)) in rows.iter().enumerate() {
            let cells = [
                (first_id + i as u32).to_string(),
                format!("C{customer:05}"),
                date_text(style, i as u32 / 3),
                format!("{}.{:02}", cents / 100, cents % 100),
                statuses[*status].to_string(),
            ];
            text += &(order.iter().map(|&c| cells[c].clone()).collect::<Vec<_>>().join(",") + "\n");
        }
        let schema = sniff("orders.csv", text.as_bytes(), true).expect("sniff");
        prop_assert_eq!(schema.kind, FileKind::Orders);
        for (generated, role) in ROLES.iter().enumerate() {
            let written_at = order.iter().position(|&c| c == generated);
            prop_assert_eq!(schema.column(*role), written_at, "{:?}", role);
        }
    }
}
