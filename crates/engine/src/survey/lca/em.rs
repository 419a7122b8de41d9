//! Fitting a latent class model by expectation–maximisation
//! (docs/product.md#psychographic-classes): class shares and, per class,
//! the probability of each answer to each item, answers taken as
//! independent within a class; missing answers are skipped (missing at
//! random).

use super::items::MISSING;
use crate::rng::SplitMix64;

/// Random starts per fit.
const STARTS: usize = 8;
/// EM steps each start takes before the best one is carried on.
const SHORT_RUN: usize = 20;
/// Most EM steps of the carried-on start.
const MAX_STEPS: usize = 1_000;
/// Relative change of the log-likelihood below which EM stops (for 5,000
/// responses about 0.01 in log-likelihood: far below what moves the BIC).
const TOLERANCE: f64 = 1e-7;
/// Pseudo-count added to every answer probability's counts, so no
/// probability is exactly 0 (it keeps every log finite; at these counts the
/// estimates are the maximum-likelihood ones to three decimals).
const PSEUDO_COUNT: f64 = 1e-3;

/// Distinct answer patterns with how many rows share each: the fit reads
/// patterns, so it is the same whatever order the rows come in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Patterns {
    /// Categories per item.
    pub categories: Vec<u8>,
    /// The patterns' cells, pattern by pattern, in ascending order.
    pub cells: Vec<u8>,
    /// Rows sharing each pattern.
    pub weight: Vec<f64>,
}

impl Patterns {
    /// The distinct patterns of `rows`, each a slice of one cell per item.
    pub fn of<'a>(categories: Vec<u8>, rows: impl Iterator<Item = &'a [u8]>) -> Patterns {
        let mut sorted: Vec<&[u8]> = rows.collect();
        sorted.sort_unstable();
        let mut patterns = Patterns {
            categories,
            cells: Vec::new(),
            weight: Vec::new(),
        };
        for (i, row) in sorted.iter().enumerate() {
            if i > 0 && sorted[i - 1] == *row {
                *patterns.weight.last_mut().expect("a pattern was pushed") += 1.0;
            } else {
                patterns.cells.extend_from_slice(row);
                patterns.weight.push(1.0);
            }
        }
        patterns
    }

    fn len(&self) -> usize {
        self.weight.len()
    }

    fn pattern(&self, p: usize) -> &[u8] {
        let j = self.categories.len();
        &self.cells[p * j..(p + 1) * j]
    }

    /// Free parameters of a `k`-class model.
    pub fn parameters(&self, k: usize) -> usize {
        let per_class: usize = self.categories.iter().map(|&c| usize::from(c) - 1).sum();
        k - 1 + k * per_class
    }

    /// Rows in all.
    pub fn total(&self) -> f64 {
        self.weight.iter().sum()
    }
}

/// A fitted model.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fit {
    /// Classes.
    pub k: usize,
    /// Each class's share of the rows.
    pub share: Vec<f64>,
    /// `answer[class][offset[j] + c]`: the probability that a row of the
    /// class gives answer `c` to item `j`.
    pub answer: Vec<Vec<f64>>,
    /// Where each item's answers start in a class's row of `answer`.
    pub offset: Vec<usize>,
    /// The log-likelihood of the rows.
    pub log_likelihood: f64,
    /// EM steps taken by the start kept.
    pub steps: usize,
}

impl Fit {
    /// Bayesian information criterion: −2 log L + parameters × ln n.
    pub fn bic(&self, patterns: &Patterns) -> f64 {
        -2.0 * self.log_likelihood + patterns.parameters(self.k) as f64 * patterns.total().ln()
    }

    /// The fit's logs, ready to classify rows.
    pub fn classifier(&self) -> Classifier<'_> {
        Classifier {
            log: self.answer.iter().map(|a| a.iter().map(|p| p.ln()).collect()).collect(),
            log_share: self.share.iter().map(|s| s.ln()).collect(),
            offset: &self.offset,
        }
    }
}

/// A fit's parameters as logs, for the E-step and for classifying rows.
pub(crate) struct Classifier<'a> {
    log: Vec<Vec<f64>>,
    log_share: Vec<f64>,
    offset: &'a [usize],
}

impl Classifier<'_> {
    /// Writes into `post` the probability of each class given a row's
    /// `cells` and returns the row's log-likelihood (log-sum-exp over the
    /// classes).
    pub fn posterior(&self, cells: &[u8], post: &mut [f64]) -> f64 {
        for (class, slot) in post.iter_mut().enumerate() {
            let log = &self.log[class];
            let mut l = self.log_share[class];
            for (&c, &offset) in cells.iter().zip(self.offset) {
                if c != MISSING {
                    l += log[offset + usize::from(c)];
                }
            }
            *slot = l;
        }
        let top = post.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let mut sum = 0.0;
        for p in post.iter_mut() {
            *p = (*p - top).exp();
            sum += *p;
        }
        post.iter_mut().for_each(|p| *p /= sum);
        top + sum.ln()
    }

    /// The most likely class of a row's `cells` (the first on ties).
    pub fn class_of(&self, cells: &[u8]) -> usize {
        let mut post = vec![0.0; self.log.len()];
        self.posterior(cells, &mut post);
        argmax(&post)
    }
}

/// The index of the largest value (the first on ties).
pub(crate) fn argmax(values: &[f64]) -> usize {
    let mut best = 0;
    for (i, v) in values.iter().enumerate() {
        if *v > values[best] {
            best = i;
        }
    }
    best
}

/// Fits `k` classes to `patterns`: [`STARTS`] random starts run
/// [`SHORT_RUN`] steps each and the one with the highest likelihood is run
/// to convergence. Classes come out largest first.
pub(crate) fn fit(patterns: &Patterns, k: usize, rng: &mut SplitMix64) -> Fit {
    let starts = if k == 1 { 1 } else { STARTS };
    let mut best: Option<Fit> = None;
    for _ in 0..starts {
        let mut start = random_start(patterns, k, rng);
        run(patterns, &mut start, SHORT_RUN);
        if best.as_ref().is_none_or(|b| start.log_likelihood > b.log_likelihood) {
            best = Some(start);
        }
    }
    let mut fit = best.expect("at least one start");
    run(patterns, &mut fit, MAX_STEPS);
    canonical_order(fit)
}

fn random_start(patterns: &Patterns, k: usize, rng: &mut SplitMix64) -> Fit {
    let mut offset = Vec::with_capacity(patterns.categories.len());
    let mut width = 0;
    for &c in &patterns.categories {
        offset.push(width);
        width += usize::from(c);
    }
    let answer = (0..k)
        .map(|_| {
            let mut row: Vec<f64> = (0..width).map(|_| 0.05 + rng.next_f64()).collect();
            for (j, &c) in patterns.categories.iter().enumerate() {
                let cells = &mut row[offset[j]..offset[j] + usize::from(c)];
                let sum: f64 = cells.iter().sum();
                cells.iter_mut().for_each(|p| *p /= sum);
            }
            row
        })
        .collect();
    Fit {
        k,
        share: vec![1.0 / k as f64; k],
        answer,
        offset,
        log_likelihood: f64::NEG_INFINITY,
        steps: 0,
    }
}

/// Runs up to `steps` EM steps on `fit`, stopping early once the
/// log-likelihood settles; `fit.log_likelihood` is that of its final
/// parameters.
fn run(patterns: &Patterns, fit: &mut Fit, steps: usize) {
    let k = fit.k;
    let width = fit.answer[0].len();
    let mut post = vec![0.0; k];
    let mut counts = vec![vec![0.0; width]; k];
    let mut seen = vec![vec![0.0; patterns.categories.len()]; k];
    let mut previous = f64::NEG_INFINITY;
    for step in 0..=steps {
        let classifier = fit.classifier();
        counts.iter_mut().for_each(|c| c.fill(0.0));
        seen.iter_mut().for_each(|s| s.fill(0.0));
        let mut class_total = vec![0.0; k];
        let mut log_likelihood = 0.0;
        for p in 0..patterns.len() {
            let cells = patterns.pattern(p);
            let w = patterns.weight[p];
            log_likelihood += w * classifier.posterior(cells, &mut post);
            for class in 0..k {
                let r = w * post[class];
                class_total[class] += r;
                for (j, &c) in cells.iter().enumerate() {
                    if c != MISSING {
                        counts[class][fit.offset[j] + usize::from(c)] += r;
                        seen[class][j] += r;
                    }
                }
            }
        }
        fit.log_likelihood = log_likelihood;
        fit.steps = step;
        let settled = (log_likelihood - previous).abs() <= TOLERANCE * log_likelihood.abs();
        if step == steps || settled {
            return;
        }
        previous = log_likelihood;
        let total: f64 = class_total.iter().sum();
        for class in 0..k {
            fit.share[class] = (class_total[class] / total).max(f64::MIN_POSITIVE);
            for (j, &c) in patterns.categories.iter().enumerate() {
                let c = usize::from(c);
                let denominator = seen[class][j] + PSEUDO_COUNT * c as f64;
                for a in 0..c {
                    let i = fit.offset[j] + a;
                    fit.answer[class][i] = (counts[class][i] + PSEUDO_COUNT) / denominator;
                }
            }
        }
    }
}

/// Puts the classes largest first (ties by their answer probabilities),
/// so equal fits number their classes alike.
fn canonical_order(fit: Fit) -> Fit {
    let mut order: Vec<usize> = (0..fit.k).collect();
    order.sort_by(|&a, &b| {
        fit.share[b].total_cmp(&fit.share[a]).then_with(|| {
            let (x, y) = (&fit.answer[a], &fit.answer[b]);
            x.iter()
                .zip(y)
                .map(|(p, q)| q.total_cmp(p))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        })
    });
    Fit {
        share: order.iter().map(|&c| fit.share[c]).collect(),
        answer: order.iter().map(|&c| fit.answer[c].clone()).collect(),
        ..fit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patterns(rows: &[[u8; 3]]) -> Patterns {
        Patterns::of(vec![2, 2, 3], rows.iter().map(|r| &r[..]))
    }

    #[test]
    fn patterns_merge_equal_rows_whatever_their_order() {
        let a = patterns(&[[0, 1, 2], [1, 1, MISSING], [0, 1, 2]]);
        let b = patterns(&[[1, 1, MISSING], [0, 1, 2], [0, 1, 2]]);
        assert_eq!(a, b);
        assert_eq!(a.weight, vec![2.0, 1.0]);
        assert_eq!(a.total(), 3.0);
        // 1 share + 2 classes × (1 + 1 + 2) answer probabilities.
        assert_eq!(a.parameters(2), 9);
    }

    #[test]
    fn one_class_is_the_answer_shares() {
        let p = patterns(&[[0, 0, 0], [0, 1, 1], [1, 1, 2], [0, MISSING, 2]]);
        let fit = fit(&p, 1, &mut SplitMix64::new(1));
        let near = |a: f64, b: f64| (a - b).abs() < 1e-3;
        assert!(near(fit.answer[0][0], 0.75) && near(fit.answer[0][1], 0.25));
        // Item 2 was answered by three rows: one said 1.
        assert!(near(fit.answer[0][2], 1.0 / 3.0));
        assert!(near(fit.answer[0][4], 0.25) && near(fit.answer[0][6], 0.5));
        let expected = 3.0 * 0.75f64.ln()
            + 0.25f64.ln()
            + (1.0f64 / 3.0).ln()
            + 2.0 * (2.0f64 / 3.0).ln()
            + 0.25f64.ln() * 2.0
            + 0.5f64.ln() * 2.0;
        assert!(
            (fit.log_likelihood - expected).abs() < 1e-2,
            "{} vs {expected}",
            fit.log_likelihood
        );
    }

    #[test]
    fn the_likelihood_never_falls_and_probabilities_sum_to_one() {
        let rows: Vec<[u8; 3]> = (0..200u32)
            .map(|i| [(i % 2) as u8, ((i / 3) % 2) as u8, (i % 3) as u8])
            .collect();
        let p = patterns(&rows);
        let mut rng = SplitMix64::new(5);
        let mut start = random_start(&p, 3, &mut rng);
        let mut last = f64::NEG_INFINITY;
        for _ in 0..20 {
            run(&p, &mut start, 1);
            assert!(start.log_likelihood >= last - 1e-9);
            last = start.log_likelihood;
        }
        assert!((start.share.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        for class in &start.answer {
            for (j, &c) in p.categories.iter().enumerate() {
                let sum: f64 = class[start.offset[j]..start.offset[j] + usize::from(c)].iter().sum();
                assert!((sum - 1.0).abs() < 1e-9);
            }
        }
    }
}
