//! How well a column's values fit each role (docs/ingest/roles.md#value-evidence).

use super::profile::ColumnProfile;
use crate::schema::Role;

/// Roles whose values say what they are in a file without a header: also
/// the quantity (small whole numbers beside decimal money), which in a file
/// with headers an unknown header of counts (`Card Exp Month`, `Customer Paid
/// Orders`) would take.
pub fn inferable_without_header(role: Role) -> bool {
    role == Role::Quantity || inferable(role)
}

/// Roles whose values say what they are. Other roles (names, categories,
/// sources, places) are only mapped from their headers.
pub fn inferable(role: Role) -> bool {
    use Role::*;
    matches!(
        role,
        CustomerKey
            | OrderId
            | OrderDate
            | Timestamp
            | SignupDate
            | Amount
            | Status
            | Email
            | Phone
            | Currency
            | EventType
    )
}

/// How well the values fit `role`, 0–1; 0.5 (neither for nor against) for
/// roles that values cannot tell.
pub fn value_fit(role: Role, p: &ColumnProfile) -> f32 {
    use Role::*;
    if p.filled == 0 {
        return 0.0;
    }
    match role {
        OrderDate | SignupDate | Timestamp | FirstOrderDate | LastOrderDate | BirthDate => p.share(p.dates),
        Amount | TotalSpent | UnitPrice | RefundedAmount | PartialRefund => {
            p.share(p.money).max(0.5 * p.share(p.numbers))
        }
        Quantity => p.share(p.small_integers) * if p.median_number <= 20.0 { 1.0 } else { 0.4 },
        OrderCount => p.share(p.small_integers) * if p.median_number <= 200.0 { 1.0 } else { 0.4 },
        Email => p.share(p.emails),
        Phone => p.share(p.phones),
        Status => p.share(p.status_words) * if p.distinct <= 15 { 1.0 } else { 0.3 },
        EventType => p.share(p.event_words) * if p.distinct <= 60 { 1.0 } else { 0.3 },
        Currency => p.share(p.currency_codes) * if p.distinct <= 6 { 1.0 } else { 0.3 },
        CustomerKey => customer_key_fit(p),
        OrderId => order_id_fit(p),
        _ => 0.5,
    }
}

/// Ids sorted in file order (rising or falling), as order numbers usually are.
fn monotone(p: &ColumnProfile) -> bool {
    p.numeric_pairs >= 5 && {
        let rising = p.rising_pairs as f32 / p.numeric_pairs as f32;
        !(0.1..=0.9).contains(&rising)
    }
}

/// Small whole numbers with few distinct values: counts, not ids.
fn looks_like_counts(p: &ColumnProfile) -> bool {
    p.share(p.small_integers) > 0.8 && p.median_number < 100.0 && (p.uniqueness() < 0.5 || p.max_chars <= 2)
}

/// Ids that are codes: id-like with digits in them (words of a small
/// vocabulary, such as statuses, are not ids).
fn coded_ids(p: &ColumnProfile) -> f32 {
    p.share(p.id_like).min(p.share(p.with_digits))
}

/// Most repeats of the previous row's cell come with another date: a
/// buyer's orders (a file sorted by customer), not an order's lines.
fn repeats_on_other_days(p: &ColumnProfile) -> bool {
    p.same_as_previous > 0 && p.repeats_on_other_days * 2 > p.same_as_previous
}

/// A buyer's id: id-like, repeating away from its first rows or on other
/// days, not sorted.
fn customer_key_fit(p: &ColumnProfile) -> f32 {
    if looks_like_counts(p) || p.share(p.phones) > 0.5 {
        return 0.2 * coded_ids(p);
    }
    let repeats = if p.repeated_apart > 0 || repeats_on_other_days(p) {
        0.3
    } else {
        0.0
    };
    let unsorted = if monotone(p) { 0.0 } else { 0.15 };
    coded_ids(p) * (0.55 + repeats + unsorted)
}

/// An order number: id-like, unique or repeated only on consecutive rows
/// (the lines of one order), often sorted.
fn order_id_fit(p: &ColumnProfile) -> f32 {
    if looks_like_counts(p) || p.share(p.phones) > 0.5 {
        return 0.2 * coded_ids(p);
    }
    if repeats_on_other_days(p) {
        return 0.4 * coded_ids(p);
    }
    let lines_together = if p.repeated_apart == 0 { 0.3 } else { 0.0 };
    let sorted = if monotone(p) { 0.15 } else { 0.0 };
    coded_ids(p) * (0.55 + lines_together + sorted)
}

/// The values flatly contradict a header that names `role` (a "date" column
/// of words): such a header match counts for less.
pub fn contradicts(role: Role, p: &ColumnProfile) -> bool {
    use Role::*;
    if p.filled < 3 {
        return false;
    }
    match role {
        OrderDate | SignupDate | Timestamp | FirstOrderDate | LastOrderDate => {
            p.share(p.dates) < 0.2 && p.share(p.numbers) < 0.5
        }
        Amount | TotalSpent | UnitPrice | Quantity | OrderCount | RefundedAmount | PartialRefund => {
            p.share(p.numbers) < 0.2
        }
        Email => p.share(p.emails) < 0.2,
        // Names collide (two "Ana Souza"s) and are spelled differently: no key.
        CustomerKey => p.share(p.personal_names) >= 0.8,
        // Words, none of them a status: a second `Estado` column of provinces.
        Status => p.status_words == 0 && p.share(p.with_letters) >= 0.8,
        _ => false,
    }
}
