//! `reviewroom eval-scoring`: scoring against the labelled set, per scenario and overall, for
//! each half, beside the old overlap-only rule. The held-out half is only ever summed.

use std::collections::BTreeMap;

use anyhow::{Context, Result, bail};

use crate::cli::{EvalHalf, EvalScoringArgs};
use crate::config::Project;
use crate::scenario;
use crate::scoring::eval::{self, Counts, Outcome};
use crate::scoring::{Key, Params};

pub fn run(project: &Project, args: &EvalScoringArgs) -> Result<()> {
    let halves: &[&str] = match args.half {
        EvalHalf::Tune => &["tune"],
        EvalHalf::Heldout => &["heldout"],
        EvalHalf::Both => &["tune", "heldout"],
    };
    let scenarios_dir = project.path(&project.config.scenarios_dir);
    let mut keys: BTreeMap<String, Key> = BTreeMap::new();
    let params = Params::default();
    let mut tune_total = None;
    for half in halves {
        let dir = project.path(&args.set).join(half);
        let sets = eval::load(&dir)?;
        if sets.is_empty() {
            bail!("no labelled comments in {}", dir.display());
        }
        println!("{half}:");
        println!(
            "  {:<28} {:>4}  {:>5} {:>5} {:>5}   {:>5} {:>5} {:>5}",
            "scenario", "n", "P", "R", "F1", "oldP", "oldR", "oldF1"
        );
        let (mut new, mut old, mut n) = (Counts::default(), Counts::default(), 0);
        for set in &sets {
            if !keys.contains_key(&set.scenario) {
                let loaded = scenario::load(&scenarios_dir.join(&set.scenario))
                    .with_context(|| format!("cannot load scenario {}", set.scenario))?;
                keys.insert(set.scenario.clone(), Key::from_scenario(&loaded));
            }
            let outcome = eval::evaluate(&keys[&set.scenario], set, &params, OLD_WIDEN)?;
            print_row(&set.scenario, &outcome);
            if args.disagreements && *half == "tune" {
                for d in &outcome.disagreements {
                    println!(
                        "      {}: credited only {:?}, labelled only {:?}",
                        d.comment, d.credited_only, d.labelled_only
                    );
                }
            }
            new.add(outcome.new);
            old.add(outcome.old);
            n += outcome.comments;
        }
        let all = Outcome {
            comments: n,
            new,
            old,
            disagreements: Vec::new(),
        };
        print_row("all", &all);
        if *half == "tune" {
            tune_total = Some(new);
        }
    }
    floors(args, tune_total)
}

/// The old rule's default reach, for the baseline column.
const OLD_WIDEN: u32 = 3;

fn print_row(name: &str, o: &Outcome) {
    println!(
        "  {:<28} {:>4}  {:>5.3} {:>5.3} {:>5.3}   {:>5.3} {:>5.3} {:>5.3}",
        name,
        o.comments,
        o.new.precision(),
        o.new.recall(),
        o.new.f1(),
        o.old.precision(),
        o.old.recall(),
        o.old.f1()
    );
}

fn floors(args: &EvalScoringArgs, tune: Option<Counts>) -> Result<()> {
    if args.min_precision.is_none() && args.min_recall.is_none() {
        return Ok(());
    }
    let Some(tune) = tune else {
        bail!("--min-precision and --min-recall apply to the tune half");
    };
    if let Some(min) = args.min_precision.filter(|min| tune.precision() < *min) {
        bail!("tune precision {:.3} is below {min}", tune.precision());
    }
    if let Some(min) = args.min_recall.filter(|min| tune.recall() < *min) {
        bail!("tune recall {:.3} is below {min}", tune.recall());
    }
    Ok(())
}
