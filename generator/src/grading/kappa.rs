//! Cohen's kappa: how much two graders agree beyond what their own rates of found, partly and
//! missed would give by chance. (A statistics crate would bring ndarray for one formula.)

use super::sheet::Outcome;

/// Agreement of two graders on the same items: how many, how many alike, and kappa.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Agreement {
    pub items: usize,
    pub agreed: usize,
    /// `None` when chance agreement is already total (both graders gave every item the same
    /// one outcome): kappa is undefined there.
    pub kappa: Option<f64>,
}

/// Kappa over pairs of outcomes, one pair per item: (p_o - p_e) / (1 - p_e), with p_o the
/// share of items alike and p_e the sum over outcomes of the product of each grader's share.
pub fn agreement(pairs: &[(Outcome, Outcome)]) -> Agreement {
    let n = pairs.len();
    let agreed = pairs.iter().filter(|(a, b)| a == b).count();
    if n == 0 {
        return Agreement {
            items: 0,
            agreed: 0,
            kappa: None,
        };
    }
    let share = |pick: fn(&(Outcome, Outcome)) -> Outcome, o: Outcome| {
        pairs.iter().filter(|p| pick(p) == o).count() as f64 / n as f64
    };
    let chance: f64 = Outcome::ALL
        .iter()
        .map(|&o| share(|p| p.0, o) * share(|p| p.1, o))
        .sum();
    let observed = agreed as f64 / n as f64;
    let kappa = (chance < 1.0 - 1e-12).then(|| (observed - chance) / (1.0 - chance));
    Agreement {
        items: n,
        agreed,
        kappa,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Outcome::{Found as F, Missed as M, Partly as P};

    #[test]
    fn kappa_against_a_hand_computed_table() {
        // 10 items: 7 alike (4 found, 1 partly, 2 missed). Grader A: 5 F, 3 P, 2 M; grader B:
        // 6 F, 1 P, 3 M. p_o = 0.7; p_e = .5*.6 + .3*.1 + .2*.3 = 0.39;
        // kappa = (0.7 - 0.39) / 0.61 = 0.5082...
        let pairs = [
            (F, F),
            (F, F),
            (F, F),
            (F, F),
            (F, M),
            (P, P),
            (P, F),
            (P, F),
            (M, M),
            (M, M),
        ];
        let a = agreement(&pairs);
        assert_eq!((a.items, a.agreed), (10, 7));
        assert!((a.kappa.unwrap() - 0.508_196_72).abs() < 1e-6, "{a:?}");
    }

    #[test]
    fn total_and_chance_agreement() {
        assert_eq!(agreement(&[(F, F), (M, M)]).kappa, Some(1.0));
        assert_eq!(
            agreement(&[(F, F), (F, F)]).kappa,
            None,
            "no spread: undefined"
        );
        let opposite = agreement(&[(F, M), (M, F)]).kappa.unwrap();
        assert!((opposite + 1.0).abs() < 1e-9, "{opposite}");
        assert_eq!(agreement(&[]).items, 0);
    }
}
