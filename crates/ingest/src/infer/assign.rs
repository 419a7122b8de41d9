//! Columns assigned to roles from headers and values together: known headers
//! win, values decide for unknown ones (docs/ingest/roles.md#assignment).

use super::fit::{contradicts, inferable, inferable_without_header, value_fit};
use super::profile::ColumnProfile;
use crate::schema::{header_score, normalise_header, FileKind, Role, RoleColumn, RoleSource};

/// Scores below this assign nothing.
const MIN_SCORE: f32 = 0.3;

/// Words of money headers that name a figure other than what the customer
/// paid: before discounts (Square `Gross Sales`) or after the platform's fees
/// (Square `Net Total`, payouts). A header that merely contains an amount
/// synonym and one of these ranks below one that does not, so `Net Sales` or
/// `Total Collected` is the amount (docs/ingest/orders.md#paid-amount).
const NOT_PAID_WORDS: &[&str] = &["gross", "nettotal", "fee", "payout", "毛", "手续费", "到账"];

/// What such a header loses off its amount score (a known header that merely
/// contains a synonym scores 0.35–0.95 with its values).
const NOT_PAID_PENALTY: f32 = 0.2;

/// Assigns columns to the roles of `kind`, each column to at most one role,
/// best matches first. `profiles` holds one profile per column (empty when
/// there are no sample rows: headers alone decide).
pub fn assign_roles(headers: &[String], profiles: &[ColumnProfile], kind: FileKind) -> Vec<RoleColumn> {
    assign(headers, profiles, kind, inferable)
}

/// [`assign_roles`] for a file without a header row, whose `headers` are
/// names by position: values decide every role, the quantity included
/// (docs/ingest/structure.md#headerless-files).
pub fn assign_roles_without_header(headers: &[String], profiles: &[ColumnProfile], kind: FileKind) -> Vec<RoleColumn> {
    assign(headers, profiles, kind, inferable_without_header)
}

fn assign(
    headers: &[String],
    profiles: &[ColumnProfile],
    kind: FileKind,
    inferable: fn(Role) -> bool,
) -> Vec<RoleColumn> {
    let roles = kind.roles();
    let largest_money = profiles
        .iter()
        .filter(|p| p.share(p.money) >= 0.6)
        .map(|p| p.median_number.abs())
        .fold(0.0f64, f64::max);
    let mut candidates: Vec<(f32, usize, usize, RoleSource)> = Vec::new();
    for (ri, role) in roles.iter().enumerate() {
        for (ci, header) in headers.iter().enumerate() {
            let profile = profiles.get(ci).filter(|p| p.filled > 0);
            let named = header_score(header, *role);
            let (mut score, source) = combine(*role, named, profile, inferable(*role));
            if *role == Role::Amount && named > 0.0 && named < 0.9 && names_other_figure(header) {
                score -= NOT_PAID_PENALTY;
            }
            // An orders file's event type comes from its header only: payment
            // or order words alone would take a status or product column.
            if (kind, *role, source) == (FileKind::Orders, Role::EventType, RoleSource::Values) {
                continue;
            }
            // An orders file's buyer address gives way to its order columns
            // (`State` is the order's state in some exports).
            if kind == FileKind::Orders && is_buyer_address(*role) {
                score -= BUYER_ADDRESS_PENALTY;
            }
            // Among unknown money columns, the order total is usually the largest.
            if let (Role::Amount, RoleSource::Values, Some(p)) = (role, source, profile) {
                if largest_money > 0.0 {
                    score += 0.04 * (p.median_number.abs() / largest_money) as f32;
                }
            }
            if score >= MIN_SCORE {
                candidates.push((score, ri, ci, source));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut result: Vec<RoleColumn> = roles.iter().map(|r| RoleColumn::unassigned(*r)).collect();
    let mut used = vec![false; headers.len()];
    for (score, ri, ci, source) in candidates {
        if result[ri].column.is_none() && !used[ci] {
            result[ri] = RoleColumn {
                role: roles[ri],
                column: Some(ci),
                confidence: score.min(1.0),
                source,
            };
            used[ci] = true;
        }
    }
    let key_header_elsewhere = headers.iter().any(|h| header_score(h, Role::CustomerKey) > 0.9);
    drop_guessed_key(&mut result, key_header_elsewhere);
    result
}

/// A customer key guessed from values alone gives way to an e-mail, phone or
/// person key column (contacts and national ids are the documented fallback
/// keys, a guessed code column such as a zip, a SKU or a tracking number is
/// not), and to a header that names the buyer but whose values cannot be a
/// key (names): the file then has no key.
fn drop_guessed_key(result: &mut [RoleColumn], key_header_elsewhere: bool) {
    let has_contact = result
        .iter()
        .any(|r| matches!(r.role, Role::Email | Role::Phone | Role::PersonKey) && r.column.is_some());
    if let Some(key) = result.iter_mut().find(|r| r.role == Role::CustomerKey) {
        if (has_contact || key_header_elsewhere) && key.source == RoleSource::Values {
            *key = RoleColumn::unassigned(Role::CustomerKey);
        }
    }
}

/// What a buyer-address role loses in an orders file, so that a header
/// naming both an order column and an address part is the order column.
const BUYER_ADDRESS_PENALTY: f32 = 0.1;

/// The roles an orders file fills only for the contacts of its buyers
/// (docs/export/activation.md#contacts).
fn is_buyer_address(role: Role) -> bool {
    matches!(
        role,
        Role::FirstName | Role::LastName | Role::City | Role::Region | Role::Zip | Role::Country
    )
}

/// True when a money header names a figure before discounts or after fees
/// ([`NOT_PAID_WORDS`]).
fn names_other_figure(header: &str) -> bool {
    let h = normalise_header(header);
    NOT_PAID_WORDS.iter().any(|w| h.contains(w))
}

/// One column's score for `role` from its header score `header` and its values.
/// `telling`: the values can say the role.
fn combine(role: Role, header: f32, profile: Option<&ColumnProfile>, telling: bool) -> (f32, RoleSource) {
    let Some(p) = profile else {
        return (header, RoleSource::Header);
    };
    let fit = value_fit(role, p);
    // Exact synonyms score 0.96–1 (by their place in the list), contained ones 0.6.
    if header > 0.9 {
        if contradicts(role, p) && role == Role::CustomerKey {
            (0.0, RoleSource::Header)
        } else if contradicts(role, p) {
            (0.5 * header, RoleSource::Header)
        } else if telling && fit >= 0.6 {
            (header, RoleSource::HeaderAndValues)
        } else {
            (header, RoleSource::Header)
        }
    } else if header > 0.0 {
        match (telling, fit) {
            (false, _) => (header, RoleSource::Header),
            (true, f) if f < 0.3 => (0.0, RoleSource::Header),
            (true, f) => (0.35 + 0.6 * f, RoleSource::HeaderAndValues),
        }
    } else if telling && fit >= 0.6 {
        (0.5 * fit, RoleSource::Values)
    } else {
        (0.0, RoleSource::Header)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(hs: &[&str]) -> Vec<String> {
        hs.iter().map(|s| s.to_string()).collect()
    }

    fn column(roles: &[RoleColumn], role: Role) -> Option<usize> {
        roles.iter().find(|r| r.role == role).and_then(|r| r.column)
    }

    fn profiles(rows: &[&[&str]]) -> Vec<ColumnProfile> {
        let rows: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
        (0..rows[0].len()).map(|c| ColumnProfile::of(&rows, c)).collect()
    }

    #[test]
    fn english_orders_by_header() {
        let h = headers(&["order_id", "customer_id", "order_date", "amount", "status", "category"]);
        let roles = assign_roles(&h, &[], FileKind::Orders);
        assert_eq!(column(&roles, Role::CustomerKey), Some(1));
        assert_eq!(column(&roles, Role::OrderDate), Some(2));
        assert_eq!(column(&roles, Role::Amount), Some(3));
        assert_eq!(column(&roles, Role::OrderId), Some(0));
    }

    #[test]
    fn chinese_headers_by_header() {
        let h = headers(&["订单编号", "客户ID", "下单时间", "实付金额", "订单状态"]);
        let roles = assign_roles(&h, &[], FileKind::Orders);
        assert_eq!(column(&roles, Role::CustomerKey), Some(1));
        assert_eq!(column(&roles, Role::Amount), Some(3));
        let c = headers(&["客户ID", "姓名", "注册日期", "来源渠道"]);
        assert_eq!(
            column(&assign_roles(&c, &[], FileKind::Customers), Role::Source),
            Some(3)
        );
    }

    #[test]
    fn generic_words_count_only_as_whole_headers() {
        let h = headers(&["customer_id", "customer_name", "order_date", "amount", "billing_state"]);
        let roles = assign_roles(&h, &[], FileKind::Orders);
        assert_eq!(column(&roles, Role::OrderId), None);
        assert_eq!(column(&roles, Role::Status), None);
        let h = headers(&["Name", "Billing Name", "Created at", "Total", "State"]);
        let roles = assign_roles(&h, &[], FileKind::Orders);
        assert_eq!(column(&roles, Role::OrderId), Some(0));
        assert_eq!(column(&roles, Role::Status), Some(4));
    }

    #[test]
    fn buyer_phone_and_paid_amount_win_in_chinese_exports() {
        let h = headers(&[
            "订单号",
            "下单时间",
            "买家手机号",
            "商品总金额",
            "订单实付金额",
            "收货人手机号",
            "订单退款状态",
            "订单状态",
        ]);
        let roles = assign_roles(&h, &[], FileKind::Orders);
        assert_eq!(column(&roles, Role::Phone), Some(2));
        assert_eq!(column(&roles, Role::Amount), Some(4));
        assert_eq!(column(&roles, Role::Status), Some(7));
    }

    #[test]
    fn unknown_headers_are_mapped_from_values() {
        let h = headers(&["Número de orden", "Correo", "Fecha", "Estado del pago", "Total"]);
        let p = profiles(&[
            &["1001", "ana@example.com", "03/04/2023 10:00:00", "pagado", "59,90"],
            &["1002", "luis@example.com", "04/04/2023 11:30:00", "pendiente", "120,00"],
            &["1003", "ana@example.com", "05/04/2023 09:12:00", "pagado", "15,50"],
            &["1004", "eva@example.com", "05/04/2023 18:40:00", "cancelado", "33,00"],
        ]);
        let roles = assign_roles(&h, &p, FileKind::Orders);
        assert_eq!(column(&roles, Role::OrderId), Some(0));
        assert_eq!(column(&roles, Role::Email), Some(1));
        assert_eq!(column(&roles, Role::OrderDate), Some(2));
        assert_eq!(column(&roles, Role::Status), Some(3));
        assert_eq!(column(&roles, Role::Amount), Some(4));
        let date = roles.iter().find(|r| r.role == Role::OrderDate).map(|r| r.source);
        assert_eq!(date, Some(RoleSource::Values));
    }

    #[test]
    fn a_header_naming_the_customer_does_not_take_a_count_column() {
        let h = headers(&[
            "Order Number",
            "Phone (Billing)",
            "Customer Paid Orders",
            "Order Total Amount",
        ]);
        let p = profiles(&[
            &["7001", "+1 555 010 2000", "3", "59.90"],
            &["7002", "+1 555 010 2001", "1", "20.00"],
            &["7003", "+1 555 010 2000", "3", "18.00"],
        ]);
        let roles = assign_roles(&h, &p, FileKind::Orders);
        assert_eq!(column(&roles, Role::CustomerKey), None);
        assert_eq!(column(&roles, Role::Phone), Some(1));
        assert_eq!(column(&roles, Role::Amount), Some(3));
    }

    #[test]
    fn the_paid_amount_wins_over_gross_and_after_fee_figures() {
        let rows: [&[&str]; 3] = [
            &["$54.00", "$54.00", "$61.96", "$60.25", "T1", "Payment"],
            &["$119.25", "$119.25", "$130.09", "$126.61", "T2", "Payment"],
            &["-$39.00", "-$39.00", "-$42.22", "-$42.22", "T3", "Refund"],
        ];
        let p = profiles(&rows);
        let h = headers(&[
            "Gross Sales",
            "Net Sales",
            "Total Collected",
            "Net Total",
            "Transaction ID",
            "Event Type",
        ]);
        let roles = assign_roles(&h, &p, FileKind::Orders);
        assert_eq!(column(&roles, Role::Amount), Some(2));
        assert_eq!(column(&roles, Role::OrderId), Some(4));
        assert_eq!(column(&roles, Role::EventType), Some(5));
        // Without Total Collected, Net Sales (after discounts, before fees).
        let h = headers(&[
            "Gross Sales",
            "Net Sales",
            "Tip",
            "Net Total",
            "Transaction ID",
            "Event Type",
        ]);
        assert_eq!(column(&assign_roles(&h, &p, FileKind::Orders), Role::Amount), Some(1));
        // A gross or after-fee figure is still the amount when it is the only one.
        let h = headers(&[
            "Gross Sales",
            "Discounts",
            "Tip",
            "Fees",
            "Transaction ID",
            "Event Type",
        ]);
        assert_eq!(column(&assign_roles(&h, &p, FileKind::Orders), Role::Amount), Some(0));
    }

    #[test]
    fn an_orders_event_type_comes_from_its_header_only() {
        let h = headers(&["order_id", "customer_id", "order_date", "amount", "what"]);
        let p = profiles(&[
            &["1", "c1", "2024-01-01", "10.00", "purchase"],
            &["2", "c2", "2024-01-02", "12.00", "purchase"],
            &["3", "c1", "2024-01-03", "8.00", "return"],
        ]);
        assert_eq!(column(&assign_roles(&h, &p, FileKind::Orders), Role::EventType), None);
    }
}
