//! Fitting the [`Decision`] on labelled pairs: L2-regularised logistic regression by Newton's
//! method (a handful of steps for a dozen inputs and a few thousand pairs; deterministic, so
//! anyone who refits on the tune half gets the committed weights), and the credit probability
//! chosen by five-fold cross-validation, folds by comment, so a figure is never measured on
//! the comments it was fitted on.

use std::collections::BTreeMap;

use super::decide::{Decision, FEATURES, Features};
use super::eval::Counts;

/// One (comment, issue) pair of the labelled set.
#[derive(Debug, Clone)]
pub struct Row {
    /// The comment's number in its half: rows of one comment stay in one fold.
    pub comment: usize,
    /// Which of the comment's paragraphs (0 but in a summary of several).
    pub paragraph: usize,
    pub issue: usize,
    pub features: Features,
    pub label: bool,
    /// Left to the model: not praise, and sharing a term with the issue. Other rows are never
    /// credited; they count in the figures but are not fitted on.
    pub open: bool,
}

/// The L2 penalty on the weights (not the bias): enough to keep collinear inputs (strength
/// and margin) from trading huge opposite weights.
const PENALTY: f64 = 1.0 / 3.0;
const FOLDS: usize = 5;
/// The credit probabilities cross-validation chooses from.
pub const CREDITS: [f64; 7] = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

/// The bias and weights that best explain the open rows.
pub fn fit(rows: &[Row]) -> (f64, Features) {
    let n = FEATURES.len() + 1;
    let mut w = vec![0.0; n];
    for _ in 0..100 {
        let mut gradient = vec![0.0; n];
        let mut hessian = vec![vec![0.0; n]; n];
        for row in rows.iter().filter(|r| r.open) {
            let x = with_bias(&row.features);
            let p = sigmoid(x.iter().zip(&w).map(|(a, b)| a * b).sum());
            let y = if row.label { 1.0 } else { 0.0 };
            for a in 0..n {
                gradient[a] += (p - y) * x[a];
                for b in 0..n {
                    hessian[a][b] += p * (1.0 - p) * x[a] * x[b];
                }
            }
        }
        for a in 1..n {
            gradient[a] += PENALTY * w[a];
            hessian[a][a] += PENALTY;
        }
        let step = solve(hessian, gradient);
        for (wa, s) in w.iter_mut().zip(&step) {
            *wa -= s;
        }
        let size = w.iter().map(|x| x.abs()).fold(1.0, f64::max);
        if step.iter().all(|s| s.abs() < 1e-10 * size) {
            break;
        }
    }
    let mut weights = [0.0; FEATURES.len()];
    weights.copy_from_slice(&w[1..]);
    (w[0], weights)
}

/// The fitted decision with the credit probability cross-validation chooses, and the
/// cross-validated counts of every candidate probability, in [`CREDITS`] order.
pub fn fit_and_choose(rows: &[Row]) -> (Decision, Vec<Counts>) {
    let counts = cross_validate(rows);
    let best = (0..CREDITS.len()).fold(0, |best, i| {
        if counts[i].f1() > counts[best].f1() {
            i
        } else {
            best
        }
    });
    let (bias, weights) = fit(rows);
    let decision = Decision {
        bias,
        weights,
        credit: CREDITS[best],
    };
    (decision, counts)
}

/// Pair counts at each of [`CREDITS`] when each fold is judged by a model fitted on the other
/// four. A comment's rows (a summary's paragraphs) credit an issue when any of them does.
fn cross_validate(rows: &[Row]) -> Vec<Counts> {
    let mut pairs: BTreeMap<(usize, usize), (f64, bool)> = BTreeMap::new();
    for fold in 0..FOLDS {
        let training: Vec<Row> = rows
            .iter()
            .filter(|r| r.comment % FOLDS != fold)
            .cloned()
            .collect();
        let (bias, weights) = fit(&training);
        let model = Decision {
            bias,
            weights,
            credit: 0.0,
        };
        for row in rows.iter().filter(|r| r.comment % FOLDS == fold) {
            let pair = pairs
                .entry((row.comment, row.issue))
                .or_insert((0.0, false));
            if row.open {
                pair.0 = pair.0.max(model.probability(&row.features));
            }
            pair.1 |= row.label;
        }
    }
    CREDITS
        .iter()
        .map(|&credit| {
            let mut counts = Counts::default();
            for &(p, label) in pairs.values() {
                let credited = p >= credit;
                counts.both += usize::from(credited && label);
                counts.credited_only += usize::from(credited && !label);
                counts.labelled_only += usize::from(!credited && label);
            }
            counts
        })
        .collect()
}

/// Whether two decisions are the same fit, up to the six decimals `eval-scoring --fit` prints.
pub fn same(a: &Decision, b: &Decision) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() < 1e-5;
    a.credit == b.credit
        && close(a.bias, b.bias)
        && a.weights.iter().zip(&b.weights).all(|(x, y)| close(*x, *y))
}

/// How many distinct (comment, issue) pairs the rows hold.
pub fn pairs(rows: &[Row]) -> usize {
    let mut seen: Vec<(usize, usize)> = rows.iter().map(|r| (r.comment, r.issue)).collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

fn with_bias(features: &Features) -> Vec<f64> {
    std::iter::once(1.0)
        .chain(features.iter().copied())
        .collect()
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting (`a` is positive definite
/// here: a Hessian plus the penalty).
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..n {
            let factor = a[row][col] / a[col][col];
            let (upper, lower) = a.split_at_mut(row);
            for (x, p) in lower[0][col..].iter_mut().zip(&upper[col][col..]) {
                *x -= factor * p;
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let rest: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - rest) / a[row][row];
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(comment: usize, strength: f64, label: bool) -> Row {
        let mut features = [0.0; FEATURES.len()];
        features[0] = strength;
        Row {
            comment,
            paragraph: 0,
            issue: 0,
            features,
            label,
            open: true,
        }
    }

    #[test]
    fn a_fitted_model_credits_what_its_labels_credit() {
        let rows: Vec<Row> = (0..40).map(|i| row(i, i as f64 / 40.0, i >= 20)).collect();
        let (bias, weights) = fit(&rows);
        let decision = Decision {
            bias,
            weights,
            credit: 0.5,
        };
        assert!(decision.weights[0] > 0.0);
        let strong = decision.probability(&rows[35].features);
        let weak = decision.probability(&rows[5].features);
        assert!(strong > 0.5 && weak < 0.5, "{strong} {weak}");
    }

    #[test]
    fn solving_a_small_system() {
        let x = solve(vec![vec![0.0, 2.0], vec![3.0, 1.0]], vec![4.0, 5.0]);
        assert!((x[0] - 1.0).abs() < 1e-12 && (x[1] - 2.0).abs() < 1e-12);
    }
}
