//! The decision: a logistic model over each pair's [`Evidence`], fitted on the tune half of the
//! labelled set (`reviewroom eval-scoring --fit` refits it and prints these weights). The hand
//! rules (greedy pass, a part that names the issue) stay as two of its inputs; the model learns
//! how much to trust them against strength, lead and place, which fixed thresholds could not
//! (a sentence that names a flaw by two rare words, a summary item, a nit beside the lines).
//! Each weight reads directly: a positive one makes a credit likelier.

use super::evidence::Evidence;
use super::place::Reach;

/// The inputs, in the order of [`Decision::weights`].
pub const FEATURES: [&str; 12] = [
    "strength",
    "margin",
    "ln_lead",
    "greedy",
    "named",
    "part_strength",
    "part_margin",
    "parts_top",
    "nit",
    "summary",
    "file_of_the_issue",
    "ln_terms",
];

pub type Features = [f64; FEATURES.len()];

impl Evidence {
    /// The model's inputs (names in [`FEATURES`]).
    pub fn features(&self) -> Features {
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        [
            self.strength,
            self.margin,
            (self.lead + 0.01).ln(),
            flag(self.greedy),
            flag(self.named),
            self.part_strength,
            self.part_margin,
            self.parts_top.min(5) as f64 / 5.0,
            flag(self.nit),
            flag(self.summary),
            flag(self.file && self.reach <= Reach::InFile),
            (self.terms as f64).ln_1p(),
        ]
    }
}

/// A fitted logistic model and the probability from which a pair is credited.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    pub bias: f64,
    pub weights: Features,
    /// Chosen by five-fold cross-validation on the tune half: the best F1.
    pub credit: f64,
}

impl Decision {
    /// How likely the comment addresses the issue, 0 to 1.
    pub fn probability(&self, features: &Features) -> f64 {
        let z = self.bias
            + self
                .weights
                .iter()
                .zip(features)
                .map(|(w, x)| w * x)
                .sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// Praise credits nothing, nor does a comment that shares no term with the issue, wherever
    /// it sits: the model weighs what is said, it does not invent it.
    /// Whether the pair is credited, and how likely it is: the model's probability when the
    /// pair is left to it ([`Evidence::open`]), else 0.
    pub fn judge(&self, evidence: &Evidence) -> (bool, f64) {
        if !evidence.open() {
            return (false, 0.0);
        }
        let p = self.probability(&evidence.features());
        (p >= self.credit, p)
    }
}

impl Default for Decision {
    /// Fitted on `eval/scoring/tune` by `reviewroom eval-scoring --fit`.
    fn default() -> Decision {
        Decision {
            bias: -5.133264,
            weights: [
                0.618259,  // strength
                4.435690,  // margin
                1.464674,  // ln_lead
                0.363233,  // greedy
                0.975262,  // named
                3.003977,  // part_strength
                0.327290,  // part_margin
                2.229764,  // parts_top
                -2.399704, // nit
                2.665809,  // summary
                1.242296,  // file_of_the_issue
                0.626626,  // ln_terms
            ],
            credit: 0.45,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The weights read as the design says: what says the issue more, or says it closer, makes
    /// a credit likelier; a nit less likely. A refit that breaks this needs a look.
    #[test]
    fn the_weights_point_the_way_a_reader_expects() {
        let d = Decision::default();
        let weight = |name: &str| d.weights[FEATURES.iter().position(|f| *f == name).unwrap()];
        for name in [
            "strength",
            "margin",
            "ln_lead",
            "greedy",
            "named",
            "part_strength",
        ] {
            assert!(weight(name) > 0.0, "{name}");
        }
        assert!(weight("nit") < 0.0);
    }
}
