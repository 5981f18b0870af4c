//! The scoring quality floor: on the tune half of the labelled set (eval/scoring/tune), pair
//! precision and recall must not fall below what tuning reached, less a small margin. A quality
//! floor, not a timing. The held-out half is not read here: it is for reporting only
//! (`reviewroom eval-scoring`).

use std::path::Path;

use generator::scenario;
use generator::scoring::eval::{self, Counts};
use generator::scoring::{Key, Params};

const MIN_PRECISION: f64 = 0.91;
const MIN_RECALL: f64 = 0.89;

#[test]
fn tune_half_stays_above_the_floor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let sets = eval::load(&root.join("eval/scoring/tune")).unwrap();
    assert_eq!(sets.len(), 11, "every scenario has labelled comments");
    let (mut new, mut old) = (Counts::default(), Counts::default());
    for set in &sets {
        let loaded = scenario::load(&root.join("scenarios").join(&set.scenario)).unwrap();
        let key = Key::from_scenario(&loaded);
        let outcome = eval::evaluate(&key, set, &Params::default(), 3).unwrap();
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
