//! The labelled evaluation set (`eval/scoring/`): blind review comments, each labelled with the
//! key issues it addresses. Scores every comment alone and counts (comment, issue) pairs:
//! credited and labelled, credited only, labelled only; for `score` and the old overlap rule.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use submit_fn::model::{Comment, Review, Side};

use super::fit::Row;
use super::place::Reach;
use super::{Key, Params, evidence, overlap_only, score};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Line,
    File,
    Summary,
}

/// One labelled comment.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labelled {
    pub id: String,
    pub reviewer: String,
    pub kind: Kind,
    pub file: Option<String>,
    pub side: Option<Side>,
    pub lines: Option<[u32; 2]>,
    pub body: String,
    /// The key issues it addresses, by the labeller's reading.
    pub issues: Vec<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SetFile {
    scenario: String,
    comment: Vec<Labelled>,
}

/// One scenario's labelled comments from one half.
pub struct ScenarioSet {
    pub scenario: String,
    pub comments: Vec<Labelled>,
}

/// The sets with only the comments of the named reviewers (all when none is named); a
/// scenario left with none is dropped.
pub fn by_reviewers(sets: Vec<ScenarioSet>, suffixes: &[String]) -> Vec<ScenarioSet> {
    if suffixes.is_empty() {
        return sets;
    }
    let wanted = |reviewer: &str| {
        reviewer
            .rsplit_once("--")
            .is_some_and(|(_, suffix)| suffixes.iter().any(|s| s == suffix))
    };
    sets.into_iter()
        .map(|mut set| {
            set.comments.retain(|c| wanted(&c.reviewer));
            set
        })
        .filter(|set| !set.comments.is_empty())
        .collect()
}

/// Every `<slug>.toml` of a half's folder, sorted by scenario.
pub fn load(dir: &Path) -> Result<Vec<ScenarioSet>> {
    let mut sets = Vec::new();
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot read {}", dir.display()))?
            .path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let file: SetFile =
            toml::from_str(&text).with_context(|| format!("{} is not valid", path.display()))?;
        sets.push(ScenarioSet {
            scenario: file.scenario,
            comments: file.comment,
        });
    }
    sets.sort_by(|a, b| a.scenario.cmp(&b.scenario));
    Ok(sets)
}

/// Pair counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub both: usize,
    pub credited_only: usize,
    pub labelled_only: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.both, self.both + self.credited_only)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.both, self.both + self.labelled_only)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn add(&mut self, other: Counts) {
        self.both += other.both;
        self.credited_only += other.credited_only;
        self.labelled_only += other.labelled_only;
    }
    fn count(&mut self, credited: &BTreeSet<String>, labelled: &BTreeSet<String>) {
        self.both += credited.intersection(labelled).count();
        self.credited_only += credited.difference(labelled).count();
        self.labelled_only += labelled.difference(credited).count();
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// A comment where the new scoring and the labels disagree.
#[derive(Debug, Clone)]
pub struct Disagreement {
    pub comment: String,
    pub credited_only: Vec<String>,
    pub labelled_only: Vec<String>,
}

/// How many of some cases came out right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Right {
    pub right: usize,
    pub of: usize,
}

impl Right {
    fn merge(&mut self, other: Right) {
        self.right += other.right;
        self.of += other.of;
    }

    fn add(&mut self, right: bool) {
        self.right += usize::from(right);
        self.of += 1;
    }
}

/// The cases issue 16's "done when" names, counted by the new scoring.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cases {
    /// A file-level comment's labelled issue with a place in that file: credited.
    pub file: Right,
    /// A line comment's labelled issue more than `FAR` lines from every place of it (or in
    /// another file): credited.
    pub far: Right,
    /// A nit labelled with no issue: credited to none.
    pub nit: Right,
}

/// Lines from an issue's places beyond which a comment is "far" from it.
pub const FAR: u32 = 15;

impl Cases {
    pub fn add(&mut self, other: Cases) {
        self.file.merge(other.file);
        self.far.merge(other.far);
        self.nit.merge(other.nit);
    }

    fn count(&mut self, key: &Key, c: &Labelled, review: &Review, credited: &BTreeSet<String>) {
        if c.issues.is_empty() && super::text::is_nit(&c.body) {
            self.nit.add(credited.is_empty());
        }
        let Some(comment) = review.comments.first() else {
            return;
        };
        let at = key.at(comment);
        for issue in key.issues.iter().filter(|i| c.issues.contains(&i.id)) {
            let found = credited.contains(&issue.id);
            match (&at, super::place::reach(&at, &issue.places, FAR)) {
                (super::At::File(_), Reach::InFile) => self.file.add(found),
                (super::At::Lines(_), Reach::InFile | Reach::Elsewhere) => self.far.add(found),
                _ => {}
            }
        }
    }
}

/// The figures of one scenario.
pub struct Outcome {
    pub comments: usize,
    pub new: Counts,
    pub old: Counts,
    pub cases: Cases,
    pub disagreements: Vec<Disagreement>,
}

/// The comment as a review of its own: a line or file comment, or the summary.
fn review_of(c: &Labelled) -> Result<Review> {
    let comment = |lines: Option<[u32; 2]>| -> Result<Review> {
        let file = c
            .file
            .clone()
            .with_context(|| format!("{}: no file", c.id))?;
        Ok(Review {
            comments: vec![Comment {
                id: c.id.clone(),
                file,
                side: c.side.unwrap_or(Side::Modified),
                start_line: lines.map(|l| l[0]),
                end_line: lines.map(|l| l[1]),
                severity: None,
                body: c.body.clone(),
                updated_at: String::new(),
                deleted: false,
            }],
            ..Review::default()
        })
    };
    match c.kind {
        Kind::Line => {
            comment(Some(c.lines.with_context(|| {
                format!("{}: a line comment needs lines", c.id)
            })?))
        }
        Kind::File => comment(None),
        Kind::Summary => Ok(Review {
            summary: c.body.clone(),
            ..Review::default()
        }),
    }
}

/// The comment as a review, once its labels and file are known to the key.
fn checked_review(key: &Key, set: &ScenarioSet, c: &Labelled) -> Result<Review> {
    if let Some(unknown) = c
        .issues
        .iter()
        .find(|i| !key.issues.iter().any(|k| &k.id == *i))
    {
        bail!(
            "{} labels {unknown:?}, which is not in the key of {}",
            c.id,
            set.scenario
        );
    }
    if let Some(file) = c.file.as_ref().filter(|f| !key.files.contains(f)) {
        bail!(
            "{} is on {file:?}, which {} does not show",
            c.id,
            set.scenario
        );
    }
    review_of(c)
}

/// Adds every (comment, issue) pair of a scenario's set to `rows`, with its evidence and label,
/// its comments numbered on from those already there: what the decision is fitted on. A summary of several paragraphs
/// gives a row per paragraph; its label goes to the paragraph that says the issue most (the
/// others do not address it, as far as the label tells).
pub fn add_rows(key: &Key, set: &ScenarioSet, params: &Params, rows: &mut Vec<Row>) -> Result<()> {
    let first = rows.last().map_or(0, |r| r.comment + 1);
    for (n, c) in set.comments.iter().enumerate() {
        let review = checked_review(key, set, c)?;
        let said = evidence(key, &review, params);
        for (issue, k) in key.issues.iter().enumerate() {
            let strongest = strongest(&said, issue);
            for (paragraph, e) in said.iter().map(|s| &s[issue]).enumerate() {
                rows.push(Row {
                    comment: first + n,
                    paragraph,
                    issue,
                    features: e.features(),
                    label: c.issues.contains(&k.id) && strongest == Some(paragraph),
                    open: e.open(),
                });
            }
        }
    }
    Ok(())
}

/// Each comment's text as its rows see it: the body, or each paragraph of a summary (for
/// `eval-scoring --rows`, which pairs rows with their words for an outside model).
pub fn row_texts(key: &Key, set: &ScenarioSet) -> Result<Vec<Vec<String>>> {
    let texts = |c| Ok(super::said_texts(key, &checked_review(key, set, c)?));
    set.comments.iter().map(texts).collect()
}

/// The paragraph that says the issue most: where a label goes when a comment has several.
fn strongest(said: &[Vec<super::Evidence>], issue: usize) -> Option<usize> {
    (0..said.len()).max_by(|a, b| {
        said[*a][issue]
            .strength
            .total_cmp(&said[*b][issue].strength)
    })
}

/// One (paragraph, issue) pair of a comment as the decision saw it.
pub struct Explained {
    pub paragraph: usize,
    pub issue: String,
    pub labelled: bool,
    pub evidence: super::Evidence,
    pub probability: f64,
    pub credited: bool,
}

/// The pairs of comment `id` (if the set has it) that share a term with their issue or are
/// labelled, most likely first: what `eval-scoring --explain` prints. A label is shown on the
/// paragraph the fit gives it to ([`add_rows`]).
pub fn explain(
    key: &Key,
    set: &ScenarioSet,
    id: &str,
    params: &Params,
) -> Result<Option<Vec<Explained>>> {
    let Some(c) = set.comments.iter().find(|c| c.id == id) else {
        return Ok(None);
    };
    let review = checked_review(key, set, c)?;
    let said = evidence(key, &review, params);
    let mut out = Vec::new();
    for (paragraph, pairs) in said.iter().enumerate() {
        for (n, (issue, e)) in key.issues.iter().zip(pairs).enumerate() {
            let labelled = c.issues.contains(&issue.id) && strongest(&said, n) == Some(paragraph);
            if e.strength > 0.0 || labelled {
                let (credited, probability) = params.decision.judge(e);
                out.push(Explained {
                    paragraph,
                    issue: issue.id.clone(),
                    labelled,
                    evidence: e.clone(),
                    probability,
                    credited,
                });
            }
        }
    }
    out.sort_by(|a, b| b.probability.total_cmp(&a.probability));
    Ok(Some(out))
}

/// Scores each comment alone and counts pairs against its labels. Labels naming an issue the
/// key lacks, or files it does not show, are errors: the set must follow the scenarios.
pub fn evaluate(key: &Key, set: &ScenarioSet, params: &Params, widen: u32) -> Result<Outcome> {
    let mut outcome = Outcome {
        comments: set.comments.len(),
        new: Counts::default(),
        old: Counts::default(),
        cases: Cases::default(),
        disagreements: Vec::new(),
    };
    for c in &set.comments {
        let review = checked_review(key, set, c)?;
        let scored = score(key, &review, params);
        let credited: BTreeSet<String> = scored
            .comments
            .values()
            .flatten()
            .filter(|m| m.tier.is_credit())
            .map(|m| m.issue.clone())
            .collect();
        let labelled: BTreeSet<String> = c.issues.iter().cloned().collect();
        let old: BTreeSet<String> = review
            .comments
            .first()
            .map(|comment| overlap_only(key, comment, widen))
            .unwrap_or_default()
            .into_iter()
            .collect();
        outcome.new.count(&credited, &labelled);
        outcome.cases.count(key, c, &review, &credited);
        outcome.old.count(&old, &labelled);
        if credited != labelled {
            outcome.disagreements.push(Disagreement {
                comment: c.id.clone(),
                credited_only: credited.difference(&labelled).cloned().collect(),
                labelled_only: labelled.difference(&credited).cloned().collect(),
            });
        }
    }
    Ok(outcome)
}
