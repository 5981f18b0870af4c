//! Scoring a review against the answer key: which key issues each comment addresses, judged by
//! what it says (its terms against the issue's, [`text`]) together with where it sits
//! ([`place`]), weighed by a model fitted on labelled comments ([`decide`]). A comment on an
//! issue's lines that says nothing of it is at most "possibly"; a comment anywhere in the file
//! that clearly says the flaw is credited. Every match carries
//! its tier and the words that made it, so the interviewer can check the machine. A pure
//! function of the key and the review: deterministic, offline.

mod clause;
pub mod decide;
pub mod eval;
mod evidence;
mod files;
pub mod fit;
pub mod index;
mod key;
mod linemap;
mod overlap;
mod place;
mod summary;
pub mod text;

use std::collections::BTreeMap;

use serde::Serialize;
use submit_fn::model::Review;

pub use decide::Decision;
pub use evidence::Evidence;
pub use files::Files;
pub use key::{Key, KeyIssue};
pub use linemap::DiffLineMap;
pub use overlap::overlap_only;
pub use place::{At, LineMap, NoLineMap, Place, Reach};

/// How a match was made, most certain first. All but `Possible` are credits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    OnLines,
    Beside,
    InFile,
    Elsewhere,
    Possible,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::OnLines => "on_lines",
            Tier::Beside => "beside",
            Tier::InFile => "in_file",
            Tier::Elsewhere => "elsewhere",
            Tier::Possible => "possible",
        }
    }

    /// The words a report shows.
    pub fn label(self) -> &'static str {
        match self {
            Tier::OnLines => "on the lines and says it",
            Tier::Beside => "beside the lines and says it",
            Tier::InFile => "says it elsewhere in the file",
            Tier::Elsewhere => "says it elsewhere in the review",
            Tier::Possible => "on the lines only, possibly",
        }
    }

    pub fn is_credit(self) -> bool {
        self != Tier::Possible
    }
}

/// One comment matched to one issue, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    pub issue: String,
    pub tier: Tier,
    /// Text strength, 0 to 1 (two decimals): how much of what the comment says is this issue.
    pub strength: f64,
    /// The shared terms (stemmed), most telling first, at most six.
    pub terms: Vec<String>,
}

/// What the evidence is measured against ([`evidence`]): one text strength threshold per
/// reach (the farther from the issue's lines, the higher), the hand rules' margins and leads,
/// and the fitted [`Decision`] that weighs the evidence. Tuned on `eval/scoring/tune` only.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Lines around an issue's place that count as beside it.
    pub near: u32,
    pub on_lines: f64,
    pub beside: f64,
    pub in_file: f64,
    pub elsewhere: f64,
    /// After the greedy pass's first pick, thresholds are scaled by this for what is left of
    /// the comment.
    pub runner_up: f64,
    /// A single sentence names its best issue when its own strength passes the place's
    /// threshold plus this, and beats its second best by `lead` times.
    pub sentence: f64,
    pub lead: f64,
    /// A part needs this many distinct terms to be judged alone.
    pub clause_terms: usize,
    /// As `sentence` and `lead`, for a clause of a sentence (fewer words, so more chance).
    pub clause: f64,
    pub clause_lead: f64,
    /// The margin for a part of a summary paragraph that names no file: said of the review as
    /// a whole, it already meets the highest threshold (`elsewhere`), and a summary names each
    /// flaw briefly by design ("24 h key expiry"), so it needs no extra margin for being short;
    /// less, even (negative): the strength's floor of three terms keeps an item of two
    /// ("all-or-nothing batches") below `elsewhere` however rare its words. It must still lead
    /// its runner-up.
    pub review: f64,
    /// Weighs each pair's evidence into a credit or not.
    pub decision: Decision,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            near: 12,
            on_lines: 0.06,
            beside: 0.22,
            in_file: 0.26,
            elsewhere: 0.42,
            runner_up: 1.5,
            sentence: 0.10,
            lead: 1.3,
            clause_terms: 2,
            clause: 0.20,
            clause_lead: 1.9,
            review: -0.10,
            decision: Decision::default(),
        }
    }
}

impl Params {
    fn threshold(&self, reach: Reach) -> f64 {
        match reach {
            Reach::OnLines => self.on_lines,
            Reach::Beside => self.beside,
            Reach::InFile => self.in_file,
            Reach::Elsewhere => self.elsewhere,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub found: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    /// Issue id -> ids of the comments credited to it, in review order.
    pub issues: BTreeMap<String, Vec<String>>,
    /// Issue id -> ids of comments on its lines that do not say it: for the interviewer only.
    pub possible: BTreeMap<String, Vec<String>>,
    /// Comment id (or `summary:N`) -> its matches, credits first.
    pub comments: BTreeMap<String, Vec<Match>>,
    pub per_level: BTreeMap<String, Tally>,
    pub per_category: BTreeMap<String, Tally>,
    /// Issues with at least one credited comment.
    pub found: usize,
    pub total: usize,
}

impl Score {
    /// Comments credited to an issue.
    pub fn credited(&self, issue: &str) -> &[String] {
        self.issues.get(issue).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Comments on an issue's lines that do not say it.
    pub fn possibly(&self, issue: &str) -> &[String] {
        self.possible.get(issue).map(Vec::as_slice).unwrap_or(&[])
    }

    /// A comment's matches, credits first.
    pub fn matches(&self, comment: &str) -> &[Match] {
        self.comments.get(comment).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The ids of the issues a comment is credited to.
    pub fn credits(&self, comment: &str) -> Vec<&str> {
        self.matches(comment)
            .iter()
            .filter(|m| m.tier.is_credit())
            .map(|m| m.issue.as_str())
            .collect()
    }
}

/// What one comment or summary paragraph says and where.
struct Said<'a> {
    id: &'a str,
    at: Vec<At>,
    text: &'a str,
    /// A summary paragraph: its sentences may point at files of their own.
    summary: bool,
}

/// The review's comments (tombstones skipped), then its summary paragraphs.
fn said<'a>(
    key: &Key,
    review: &'a Review,
    paragraphs: &'a [summary::Paragraph],
) -> impl Iterator<Item = Said<'a>> {
    let comments = review.comments.iter().filter(|c| !c.deleted).map(|c| Said {
        id: &c.id,
        at: vec![key.at(c)],
        text: &c.body,
        summary: false,
    });
    comments.chain(paragraphs.iter().map(|p| Said {
        id: &p.id,
        at: p.at.iter().map(|at| key.normalise(at.clone())).collect(),
        text: &p.text,
        summary: true,
    }))
}

/// Scores every comment of the review (tombstones skipped) and every summary paragraph (one
/// that names no file is said of the review as a whole).
pub fn score(key: &Key, review: &Review, params: &Params) -> Score {
    let paragraphs = summary::paragraphs(&review.summary, &key.files);
    let mut result = Score {
        total: key.issues.len(),
        ..Score::default()
    };
    for item in said(key, review, &paragraphs) {
        let matches = judge(key, &item, params);
        for m in &matches {
            let into = if m.tier.is_credit() {
                &mut result.issues
            } else {
                &mut result.possible
            };
            into.entry(m.issue.clone())
                .or_default()
                .push(item.id.to_string());
        }
        result.comments.insert(item.id.to_string(), matches);
    }
    tally(key, &mut result);
    result
}

/// Each comment's and summary paragraph's evidence, issue by issue in key order (what the
/// decision is fitted on).
pub fn evidence(key: &Key, review: &Review, params: &Params) -> Vec<Vec<Evidence>> {
    let paragraphs = summary::paragraphs(&review.summary, &key.files);
    said(key, review, &paragraphs)
        .map(|item| evidence::weigh(key, &item, params).evidence)
        .collect()
}

/// The text of each item [`evidence`] weighs, in the same order.
pub fn said_texts(key: &Key, review: &Review) -> Vec<String> {
    let paragraphs = summary::paragraphs(&review.summary, &key.files);
    said(key, review, &paragraphs)
        .map(|item| item.text.to_string())
        .collect()
}

/// One comment against every issue ([`evidence`] weighs, [`decide`] decides). Credits come
/// first, likeliest first, each at the closer of the whole comment's place and that of a part
/// that names it; issues it sits on without saying them are "possibly".
fn judge(key: &Key, said: &Said, params: &Params) -> Vec<Match> {
    let weighed = evidence::weigh(key, said, params);
    let found = |i: usize, tier: Tier| Match {
        issue: key.issues[i].id.clone(),
        tier,
        strength: (weighed.whole[i].strength * 100.0).round() / 100.0,
        terms: weighed.whole[i].shown(6),
    };
    let mut credited: Vec<(f64, usize)> = weighed
        .evidence
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match params.decision.judge(e) {
            (true, p) => Some((p, i)),
            (false, _) => None,
        })
        .collect();
    credited.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let credits = credited.iter().map(|&(_, i)| {
        let tier = match weighed.evidence[i].reach {
            Reach::OnLines => Tier::OnLines,
            Reach::Beside => Tier::Beside,
            Reach::InFile => Tier::InFile,
            Reach::Elsewhere => Tier::Elsewhere,
        };
        found(i, tier)
    });
    let possible = weighed
        .evidence
        .iter()
        .enumerate()
        .filter(|(i, e)| e.reach == Reach::OnLines && !credited.iter().any(|c| c.1 == *i))
        .map(|(i, _)| found(i, Tier::Possible));
    credits.chain(possible).collect()
}

fn tally(key: &Key, result: &mut Score) {
    for issue in &key.issues {
        let found = !result.credited(&issue.id).is_empty();
        for tally in [
            result.per_level.entry(issue.level.clone()).or_default(),
            result
                .per_category
                .entry(issue.category.clone())
                .or_default(),
        ] {
            tally.total += 1;
            tally.found += usize::from(found);
        }
        result.found += usize::from(found);
    }
}

#[cfg(test)]
mod tests;
