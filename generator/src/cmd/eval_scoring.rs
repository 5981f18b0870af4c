//! `reviewroom eval-scoring`: scoring against the labelled set, per scenario and overall, for
//! each half, beside the old overlap-only rule. The held-out half's comments are never listed
//! or fitted on: only its figures are printed.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::cli::{EvalHalf, EvalScoringArgs};
use crate::config::Project;
use crate::scenario;
use crate::scoring::decide::FEATURES;
use crate::scoring::eval::{self, Cases, Counts, FAR, Outcome, Right};
use crate::scoring::fit::{self, CREDITS};
use crate::scoring::{Key, Params};

pub fn run(project: &Project, args: &EvalScoringArgs) -> Result<()> {
    if args.fit {
        return refit(project, args);
    }
    if let Some(id) = &args.explain {
        return explain(project, args, id);
    }
    if let Some(file) = &args.rows {
        return write_rows(project, args, file);
    }
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
        let sets = eval::by_reviewers(eval::load(&dir)?, &args.reviewer);
        if sets.is_empty() && !args.reviewer.is_empty() {
            println!(
                "{half}: no comments by reviewers {}",
                args.reviewer.join(", ")
            );
            continue;
        }
        if sets.is_empty() {
            bail!("no labelled comments in {}", dir.display());
        }
        println!("{half}:");
        println!(
            "  {:<28} {:>4}  {:>5} {:>5} {:>5}   {:>5} {:>5} {:>5}",
            "scenario", "n", "P", "R", "F1", "oldP", "oldR", "oldF1"
        );
        let (mut new, mut old, mut n) = (Counts::default(), Counts::default(), 0);
        let mut cases = Cases::default();
        for set in &sets {
            let key = key_of(&mut keys, &scenarios_dir, &set.scenario)?;
            let outcome = eval::evaluate(key, set, &params, OLD_WIDEN)?;
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
            cases.add(outcome.cases);
            n += outcome.comments;
        }
        let all = Outcome {
            comments: n,
            new,
            old,
            cases,
            disagreements: Vec::new(),
        };
        print_row("all", &all);
        print_cases(&cases);
        if *half == "tune" {
            tune_total = Some(new);
        }
    }
    floors(args, tune_total)
}

/// A scenario's key, loaded once.
fn key_of<'a>(
    keys: &'a mut BTreeMap<String, Key>,
    scenarios_dir: &std::path::Path,
    slug: &str,
) -> Result<&'a Key> {
    if !keys.contains_key(slug) {
        let loaded = scenario::load(&scenarios_dir.join(slug))
            .with_context(|| format!("cannot load scenario {slug}"))?;
        keys.insert(slug.to_string(), Key::from_scenario(&loaded));
    }
    Ok(&keys[slug])
}

/// Refits the decision on the tune half (never the held-out one): the cross-validated figures
/// of each credit probability, then the weights of the best, as `decide.rs` holds them.
fn refit(project: &Project, args: &EvalScoringArgs) -> Result<()> {
    let scenarios_dir = project.path(&project.config.scenarios_dir);
    let dir = project.path(&args.set).join("tune");
    let mut keys = BTreeMap::new();
    let params = Params::default();
    let mut rows = Vec::new();
    for set in eval::load(&dir)? {
        let key = key_of(&mut keys, &scenarios_dir, &set.scenario)?;
        eval::add_rows(key, &set, &params, &mut rows)?;
    }
    if rows.is_empty() {
        bail!("no labelled comments in {}", dir.display());
    }
    let (decision, counts) = fit::fit_and_choose(&rows);
    println!(
        "five-fold cross-validation on tune ({} pairs, {} rows):",
        fit::pairs(&rows),
        rows.len()
    );
    println!("  {:>6}  {:>5} {:>5} {:>5}", "credit", "P", "R", "F1");
    for (credit, c) in CREDITS.iter().zip(&counts) {
        println!(
            "  {credit:>6.2}  {:>5.3} {:>5.3} {:>5.3}",
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    println!("\nDecision {{");
    println!("    bias: {:.6},", decision.bias);
    println!("    weights: [");
    for (name, w) in FEATURES.iter().zip(decision.weights) {
        println!("        {w:.6}, // {name}");
    }
    println!("    ],\n    credit: {},\n}}", decision.credit);
    if fit::same(&params.decision, &decision) {
        println!("the committed decision is this fit");
        Ok(())
    } else {
        bail!("the committed decision (scoring/decide.rs) is not this fit: paste the one above")
    }
}

/// The tune half's rows as JSON lines: ids, the comment's fold number (as `--fit` numbers
/// it), the text, the label, whether the row is left to the model, and its named inputs.
fn write_rows(project: &Project, args: &EvalScoringArgs, file: &Path) -> Result<()> {
    let scenarios_dir = project.path(&project.config.scenarios_dir);
    let dir = project.path(&args.set).join("tune");
    let (mut keys, params) = (BTreeMap::new(), Params::default());
    let (mut rows, mut out) = (Vec::new(), String::new());
    for set in eval::load(&dir)? {
        let key = key_of(&mut keys, &scenarios_dir, &set.scenario)?;
        let (start, first) = (
            rows.len(),
            rows.last().map_or(0, |r: &fit::Row| r.comment + 1),
        );
        eval::add_rows(key, &set, &params, &mut rows)?;
        let texts = eval::row_texts(key, &set)?;
        for row in &rows[start..] {
            let features: serde_json::Map<String, serde_json::Value> = FEATURES
                .iter()
                .zip(row.features)
                .map(|(name, value)| (name.to_string(), value.into()))
                .collect();
            let line = serde_json::json!({
                "scenario": set.scenario,
                "comment": set.comments[row.comment - first].id,
                "fold_number": row.comment,
                "paragraph": row.paragraph,
                "text": texts[row.comment - first][row.paragraph],
                "issue": key.issues[row.issue].id,
                "label": row.label,
                "open": row.open,
                "features": features,
            });
            out.push_str(&format!("{line}\n"));
        }
    }
    if rows.is_empty() {
        bail!("no labelled comments in {}", dir.display());
    }
    std::fs::write(file, out).with_context(|| format!("cannot write {}", file.display()))?;
    println!(
        "{} rows of the tune half written to {}",
        rows.len(),
        file.display()
    );
    Ok(())
}

/// The evidence of one tune comment (never a held-out one: that half is only counted): the
/// decision's inputs for each issue it shares a term with or is labelled with, numbered as in
/// `FEATURES`, with the probability. Marks: `ok` credited and labelled, `+` credited only, `-`
/// labelled only.
fn explain(project: &Project, args: &EvalScoringArgs, id: &str) -> Result<()> {
    let scenarios_dir = project.path(&project.config.scenarios_dir);
    let dir = project.path(&args.set).join("tune");
    let set = eval::load(&dir)?
        .into_iter()
        .find(|s| s.comments.iter().any(|c| c.id == id))
        .with_context(|| format!("no comment {id:?} in {}", dir.display()))?;
    let mut keys = BTreeMap::new();
    let key = key_of(&mut keys, &scenarios_dir, &set.scenario)?;
    let params = Params::default();
    let pairs = eval::explain(key, &set, id, &params)?.unwrap_or_default();
    if let Some(c) = set.comments.iter().find(|c| c.id == id) {
        let lines = c
            .lines
            .map(|[a, b]| format!(":{a}-{b}"))
            .unwrap_or_default();
        let side = c.side.map(|s| format!(" ({s:?})")).unwrap_or_default();
        let file = c.file.as_deref().unwrap_or("the review");
        println!("{id}: {:?} on {file}{lines}{side}", c.kind);
        println!("labelled: {:?}", c.issues);
    }
    let legend: Vec<String> = FEATURES
        .iter()
        .enumerate()
        .map(|(n, name)| format!("{} {name}", n + 1))
        .collect();
    println!("inputs: {}\n", legend.join(", "));
    print!(
        "{:<3} {:<38} {:>3} {:>5} {:<9}",
        "", "issue", "par", "p", "reach"
    );
    for n in 1..=FEATURES.len() {
        print!(" {n:>6}");
    }
    println!();
    for x in pairs {
        let mark = match (x.credited, x.labelled) {
            (true, true) => "ok",
            (true, false) => "+",
            (false, true) => "-",
            (false, false) => "",
        };
        print!(
            "{mark:<3} {:<38} {:>3} {:>5.3} {:<9}",
            x.issue,
            x.paragraph + 1,
            x.probability,
            format!("{:?}", x.evidence.reach)
        );
        for value in x.evidence.features() {
            print!(" {value:>6.3}");
        }
        println!();
    }
    Ok(())
}

/// The cases the issue names apart, over the half.
fn print_cases(cases: &Cases) {
    let row = |what: &str, r: Right| {
        println!("  {what:<58} {:>3} of {:>3}", r.right, r.of);
    };
    row("file comments' issues in that file, credited", cases.file);
    row(
        &format!("line comments' issues over {FAR} lines away, credited"),
        cases.far,
    );
    row("nits that name no issue, credited to none", cases.nit);
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
