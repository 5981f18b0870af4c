//! Calibration across a scenario's graded reviews: for every two graders who graded the same
//! reviews, their agreement per level (Cohen's kappa over found / partly / missed, one item per
//! key issue of each review both graded), and every issue where graders of a review disagree.

use std::collections::BTreeMap;

use serde::Serialize;

use super::kappa::{Agreement, agreement};
use super::results::counting;
use super::sheet::Outcome;
use crate::export::collect::ScenarioContext;
use crate::export::record::ExportRecord;
use crate::export::report::LEVELS;

#[derive(Debug, Clone, Serialize)]
pub struct LevelAgreement {
    pub level: &'static str,
    pub items: usize,
    pub agreed: usize,
    /// Rounded to two decimals; `None` when undefined (no spread in either grader's marks).
    pub kappa: Option<f64>,
    /// The kappa as shown: two decimals, or "n/a".
    pub kappa_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PairAgreement {
    pub graders: [String; 2],
    /// Reviews both graded.
    pub reviews: usize,
    pub levels: Vec<LevelAgreement>,
    pub all: LevelAgreement,
}

#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    pub invite: String,
    pub candidate: String,
    pub issue: String,
    pub level: &'static str,
    pub title: String,
    /// Grader -> outcome.
    pub outcomes: BTreeMap<String, Outcome>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Calibration {
    pub pairs: Vec<PairAgreement>,
    pub disagreements: Vec<Disagreement>,
}

fn level_agreement(level: &'static str, pairs: &[(Outcome, Outcome)]) -> LevelAgreement {
    let Agreement {
        items,
        agreed,
        kappa,
    } = agreement(pairs);
    LevelAgreement {
        level,
        items,
        agreed,
        kappa: kappa.map(|k| (k * 100.0).round() / 100.0),
        kappa_text: kappa_text(kappa),
    }
}

pub fn calibrate(context: &ScenarioContext, records: &[ExportRecord]) -> Calibration {
    // (grader a, grader b) -> (reviews, level -> outcome pairs)
    type Pairs = BTreeMap<&'static str, Vec<(Outcome, Outcome)>>;
    let mut by_pair: BTreeMap<(String, String), (usize, Pairs)> = BTreeMap::new();
    let mut disagreements = Vec::new();
    for record in records {
        let sheets: Vec<_> = counting(&record.grades).collect();
        for (i, (a, sheet_a)) in sheets.iter().enumerate() {
            for (b, sheet_b) in &sheets[i + 1..] {
                let entry = by_pair.entry((a.to_string(), b.to_string())).or_default();
                entry.0 += 1;
                for issue in &context.scenario.key {
                    let (Some(x), Some(y)) =
                        (sheet_a.issues.get(&issue.id), sheet_b.issues.get(&issue.id))
                    else {
                        continue;
                    };
                    entry
                        .1
                        .entry(issue.level.as_str())
                        .or_default()
                        .push((x.outcome, y.outcome));
                }
            }
        }
        for issue in &context.scenario.key {
            let Some(result) = record.results.get(&issue.id) else {
                continue;
            };
            if result.outcome().is_none() {
                disagreements.push(Disagreement {
                    invite: record.invite.id.clone(),
                    candidate: record.invite.candidate.clone(),
                    issue: issue.id.clone(),
                    level: issue.level.as_str(),
                    title: issue.title.clone(),
                    outcomes: result.confirmed.clone(),
                });
            }
        }
    }
    let pairs = by_pair
        .into_iter()
        .map(|((a, b), (reviews, levels))| {
            let all: Vec<(Outcome, Outcome)> = levels.values().flatten().copied().collect();
            PairAgreement {
                graders: [a, b],
                reviews,
                levels: LEVELS
                    .iter()
                    .rev()
                    .map(|l| {
                        level_agreement(
                            l.as_str(),
                            levels.get(l.as_str()).map_or(&[][..], Vec::as_slice),
                        )
                    })
                    .collect(),
                all: level_agreement("all", &all),
            }
        })
        .collect();
    disagreements
        .sort_by_key(|d| std::cmp::Reverse(LEVELS.iter().position(|l| l.as_str() == d.level)));
    Calibration {
        pairs,
        disagreements,
    }
}

fn kappa_text(k: Option<f64>) -> String {
    k.map_or_else(|| "n/a".into(), |k| format!("{k:.2}"))
}

fn outcomes_text(outcomes: &BTreeMap<String, Outcome>) -> String {
    let each: Vec<String> = outcomes
        .iter()
        .map(|(g, o)| format!("{} by {g}", o.as_str()))
        .collect();
    each.join(", ")
}

/// The calibration sections of `compare --format md`; empty when no review has two graders.
/// `cell` makes text safe in a table cell.
pub fn markdown(c: &Calibration, cell: fn(&str) -> String) -> String {
    use std::fmt::Write as _;
    if c.pairs.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "\n## Agreement between graders\n\nCohen's kappa over found / partly / missed, one item per key issue of each review both graded (n/a: no spread to measure).\n\n| graders | reviews | level | issues | agreed | kappa |\n| --- | --- | --- | --- | --- | --- |",
    );
    for pair in &c.pairs {
        let who = cell(&super::results::names(
            pair.graders.iter().map(String::as_str),
        ));
        for l in pair.levels.iter().chain([&pair.all]) {
            let _ = write!(
                out,
                "\n| {who} | {} | {} | {} | {} | {} |",
                pair.reviews, l.level, l.items, l.agreed, l.kappa_text
            );
        }
    }
    out.push_str("\n\n## Where graders disagree\n\n");
    if c.disagreements.is_empty() {
        out.push_str("Nowhere: every issue graded twice got the same mark.\n");
        return out;
    }
    out.push_str("| candidate | issue | level | marks |\n| --- | --- | --- | --- |");
    for d in &c.disagreements {
        let _ = write!(
            out,
            "\n| {} (`{}`) | {} | {} | {} |",
            cell(&d.candidate),
            d.invite,
            cell(&d.title),
            d.level,
            cell(&outcomes_text(&d.outcomes))
        );
    }
    out.push('\n');
    out
}
