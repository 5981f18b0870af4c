//! The scoring quality floor: on the tune half of the labelled set (eval/scoring/tune), pair
//! precision and recall must not fall below what tuning reached, less a small margin. A quality
//! floor, not a timing. The held-out half is not read here: it is for reporting only
//! (`reviewroom eval-scoring`).

mod support;

use std::path::Path;

use generator::scenario;
use generator::scoring::decide::FEATURES;
use generator::scoring::eval::{self, Counts, ScenarioSet};
use generator::scoring::{Key, Params, fit};

const MIN_PRECISION: f64 = 0.915;
const MIN_RECALL: f64 = 0.87;

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

/// `eval-scoring --explain` shows what scoring decided: the issues it marks credited are the
/// ones the evaluation counts as credited, and every labelled issue is marked on one row (a
/// summary's on the paragraph the fit gives the label to).
#[test]
fn explain_shows_what_the_evaluation_counts() {
    use std::collections::BTreeSet;
    let params = Params::default();
    let mut paragraphs = 0;
    for (set, key) in &tune_half() {
        let outcome = eval::evaluate(key, set, &params, 3).unwrap();
        for c in &set.comments {
            let pairs = eval::explain(key, set, &c.id, &params).unwrap().unwrap();
            let credited: BTreeSet<&str> = pairs
                .iter()
                .filter(|x| x.credited)
                .map(|x| x.issue.as_str())
                .collect();
            let mut expected: BTreeSet<&str> = c.issues.iter().map(String::as_str).collect();
            if let Some(d) = outcome.disagreements.iter().find(|d| d.comment == c.id) {
                expected.retain(|i| !d.labelled_only.iter().any(|l| l == i));
                expected.extend(d.credited_only.iter().map(String::as_str));
            }
            assert_eq!(credited, expected, "{}", c.id);
            let mut labelled: Vec<&str> = pairs
                .iter()
                .filter(|x| x.labelled)
                .map(|x| x.issue.as_str())
                .collect();
            labelled.sort_unstable();
            let mut labels: Vec<&str> = c.issues.iter().map(String::as_str).collect();
            labels.sort_unstable();
            assert_eq!(labelled, labels, "{}", c.id);
            assert!(
                pairs
                    .windows(2)
                    .all(|w| w[0].probability >= w[1].probability)
            );
            paragraphs = paragraphs.max(pairs.iter().map(|x| x.paragraph + 1).max().unwrap_or(0));
        }
        assert!(
            eval::explain(key, set, "no-such-comment", &params)
                .unwrap()
                .is_none()
        );
    }
    assert!(
        paragraphs > 1,
        "the tune half has a summary of several paragraphs"
    );
}

/// `eval-scoring --reviewer d` measures one batch alone: only its reviewers' comments are kept,
/// and the batches together are the whole half.
#[test]
fn a_batch_is_measured_alone() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let tune = || eval::load(&root.join("eval/scoring/tune")).unwrap();
    let all: usize = tune().iter().map(|s| s.comments.len()).sum();
    let mut kept = 0;
    for suffix in ["a", "b", "c", "d"] {
        let sets = eval::by_reviewers(tune(), &[suffix.to_string()]);
        assert!(!sets.is_empty(), "batch {suffix} has comments");
        for c in sets.iter().flat_map(|s| &s.comments) {
            assert!(c.reviewer.ends_with(&format!("--{suffix}")), "{}", c.id);
            kept += 1;
        }
    }
    assert_eq!(kept, all, "every comment is in one batch");
    assert!(eval::by_reviewers(tune(), &["zz".to_string()]).is_empty());
    assert_eq!(eval::by_reviewers(tune(), &[]).len(), tune().len());
}

/// The design document states the credit probability the committed fit chose, so a refit that
/// moves it cannot leave docs/design.md §8 behind.
#[test]
fn the_design_states_the_committed_credit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let design = std::fs::read_to_string(root.join("docs/design.md")).unwrap();
    let said = format!(
        "probability reaches {:.2}",
        Params::default().decision.credit
    );
    assert!(design.contains(&said), "docs/design.md must say {said:?}");
}

/// `eval-scoring --rows` writes the fit's own rows: read back, they refit to the committed
/// decision, so an outside model tried beside them (eval/scoring/embedding_check.py) starts
/// from exactly what `--fit` saw; and each row carries the text its comment said.
#[test]
fn rows_written_for_an_outside_model_are_the_fits_rows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rows.jsonl");
    support::succeeds(
        support::reviewroom(&root)
            .args(["eval-scoring", "--rows"])
            .arg(&file),
    );
    let halves = tune_half();
    let bodies: std::collections::BTreeMap<&str, &str> = halves
        .iter()
        .flat_map(|(set, _)| &set.comments)
        .map(|c| (c.id.as_str(), c.body.as_str()))
        .collect();
    let mut rows = Vec::new();
    for line in std::fs::read_to_string(&file).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let mut features = [0.0; FEATURES.len()];
        for (x, name) in features.iter_mut().zip(FEATURES) {
            *x = v["features"][name].as_f64().unwrap();
        }
        let body = bodies[v["comment"].as_str().unwrap()];
        let text = v["text"].as_str().unwrap();
        assert!(
            !text.is_empty() && (body == text || body.contains(text.trim())),
            "{v}"
        );
        rows.push(fit::Row {
            comment: v["fold_number"].as_u64().unwrap() as usize,
            paragraph: v["paragraph"].as_u64().unwrap() as usize,
            issue: 0,
            features,
            label: v["label"].as_bool().unwrap(),
            open: v["open"].as_bool().unwrap(),
        });
    }
    let expected: usize = halves
        .iter()
        .map(|(set, key)| {
            let mut r = Vec::new();
            eval::add_rows(key, set, &Params::default(), &mut r).unwrap();
            r.len()
        })
        .sum();
    assert_eq!(rows.len(), expected);
    assert!(
        rows.iter().any(|r| r.paragraph > 0),
        "summary paragraphs have rows of their own"
    );
    let (bias, weights) = fit::fit(&rows);
    let committed = Params::default().decision;
    assert!(
        fit::same(
            &committed,
            &generator::scoring::decide::Decision {
                bias,
                weights,
                credit: committed.credit
            }
        ),
        "refit from the rows file: {bias} {weights:?}"
    );
}
