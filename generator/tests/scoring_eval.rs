//! The scoring quality floor: on the tune half of the labelled set (eval/scoring/tune), pair
//! precision and recall must not fall below what tuning reached, less a small margin. A quality
//! floor, not a timing. The held-out half is not read here: it is for reporting only
//! (`reviewroom eval-scoring`).

use std::path::Path;

use generator::scenario;
use generator::scoring::eval::{self, Counts, ScenarioSet};
use generator::scoring::{Key, Params, fit};

const MIN_PRECISION: f64 = 0.91;
const MIN_RECALL: f64 = 0.89;

/// The tune half, each scenario's set with its key.
fn tune_half() -> Vec<(ScenarioSet, Key)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let sets = eval::load(&root.join("eval/scoring/tune")).unwrap();
    assert_eq!(sets.len(), 11, "every scenario has labelled comments");
    sets.into_iter()
        .map(|set| {
            let loaded = scenario::load(&root.join("scenarios").join(&set.scenario)).unwrap();
            let key = Key::from_scenario(&loaded);
            (set, key)
        })
        .collect()
}

#[test]
fn the_committed_decision_is_the_fit_of_the_tune_half() {
    let params = Params::default();
    let mut rows: Vec<fit::Row> = Vec::new();
    for (set, key) in &tune_half() {
        eval::add_rows(key, set, &params, &mut rows).unwrap();
    }
    let (refit, _) = fit::fit_and_choose(&rows);
    assert!(
        fit::same(&params.decision, &refit),
        "committed {:?}, refit {refit:?}: run `reviewroom eval-scoring --fit`",
        params.decision
    );
}

#[test]
fn tune_half_stays_above_the_floor() {
    let (mut new, mut old) = (Counts::default(), Counts::default());
    for (set, key) in &tune_half() {
        let outcome = eval::evaluate(key, set, &Params::default(), 3).unwrap();
        new.add(outcome.new);
        old.add(outcome.old);
    }
    eprintln!(
        "tune: precision {:.3} recall {:.3} (old rule: {:.3} {:.3})",
        new.precision(),
        new.recall(),
        old.precision(),
        old.recall()
    );
    assert!(
        new.precision() >= MIN_PRECISION,
        "precision {:.3}",
        new.precision()
    );
    assert!(new.recall() >= MIN_RECALL, "recall {:.3}", new.recall());
    assert!(new.f1() > old.f1(), "the new rule must beat the old one");
}
