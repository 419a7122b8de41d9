//! How far two classifications of the same rows agree: the adjusted Rand
//! index (Hubert & Arabie, 1985): 1 for the same partition whatever the
//! class numbers, about 0 for chance agreement.

/// The adjusted Rand index of two labellings of the same rows (1 when both
/// put every row in one class).
pub fn adjusted_rand_index(a: &[usize], b: &[usize]) -> f64 {
    assert_eq!(a.len(), b.len(), "two labellings of the same rows");
    let ka = a.iter().max().map_or(0, |m| m + 1);
    let kb = b.iter().max().map_or(0, |m| m + 1);
    let mut table = vec![0u64; ka * kb];
    for (&x, &y) in a.iter().zip(b) {
        table[x * kb + y] += 1;
    }
    let pairs = |n: u64| (n * n.saturating_sub(1) / 2) as f64;
    let rows: f64 = (0..ka).map(|x| pairs(table[x * kb..(x + 1) * kb].iter().sum())).sum();
    let columns: f64 = (0..kb).map(|y| pairs((0..ka).map(|x| table[x * kb + y]).sum())).sum();
    let cells: f64 = table.iter().map(|&n| pairs(n)).sum();
    let expected = rows * columns / pairs(a.len() as u64).max(1.0);
    let most = (rows + columns) / 2.0;
    if (most - expected).abs() < f64::EPSILON {
        return 1.0;
    }
    (cells - expected) / (most - expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_partition_under_other_numbers_is_one() {
        assert_eq!(adjusted_rand_index(&[0, 0, 1, 1, 2], &[2, 2, 0, 0, 1]), 1.0);
        assert_eq!(adjusted_rand_index(&[0, 0, 0], &[0, 0, 0]), 1.0);
    }

    #[test]
    fn matches_a_hand_computed_value() {
        // Contingency [[2,1],[0,2]]: Σ C(nij,2) = 2, rows 3+1, columns 1+3,
        // C(5,2) = 10: expected 1.6, max 4, ARI = 0.4 / 2.4.
        let ari = adjusted_rand_index(&[0, 0, 0, 1, 1], &[0, 0, 1, 1, 1]);
        assert!((ari - 0.4 / 2.4).abs() < 1e-12, "{ari}");
    }
}
