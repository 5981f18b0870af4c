//! What the decision weighs for each (comment, issue) pair: how strongly the whole comment
//! says the issue and how far ahead of the others, where it sits, whether the hand rules would
//! credit it (the greedy pass over the whole comment, a sentence or clause that names it), and
//! what kind of remark it is. [`super::decide`] turns these into a credit or not.

use std::collections::BTreeSet;

use super::clause;
use super::index::TextMatch;
use super::place::{self, At, Reach};
use super::{Key, Params, Said, text};

/// One (comment, issue) pair as the decision sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The whole comment's text strength for the issue ([`super::index`]).
    pub strength: f64,
    /// The closest the comment, or a part of it that names the issue, sits to it.
    pub reach: Reach,
    /// Strength minus the threshold of that reach.
    pub margin: f64,
    /// Strength over the best other issue's ([`lead`]).
    pub lead: f64,
    /// The greedy pass over the whole comment credits it.
    pub greedy: bool,
    /// A sentence or clause names it clearly ([`clause::verdict`]).
    pub named: bool,
    /// The best strength of a part whose best issue it is (0 if none).
    pub part_strength: f64,
    /// The best margin of such a part over its place's threshold (-1 if none); not
    /// necessarily the part of `part_strength`.
    pub part_margin: f64,
    /// How many parts have it as their best issue.
    pub parts_top: usize,
    pub nit: bool,
    pub praise: bool,
    /// A paragraph of the summary, not a comment on a file.
    pub summary: bool,
    /// A comment on a whole file.
    pub file: bool,
    /// The comment's distinct terms.
    pub terms: usize,
}

/// The evidence for every issue, in key order, with the whole comment's text matches (for
/// the terms a match shows).
pub(super) struct Weighed {
    pub evidence: Vec<Evidence>,
    pub whole: Vec<TextMatch>,
}

impl Evidence {
    /// Left to the model: praise credits nothing, nor does a comment that shares no term with
    /// the issue, wherever it sits (the model weighs what is said; it does not invent it).
    pub fn open(&self) -> bool {
        !self.praise && self.strength > 0.0
    }
}

/// Weighs one comment against every issue.
pub(super) fn weigh(key: &Key, said: &Said, params: &Params) -> Weighed {
    // A nit is a remark on style: on the lines, it must say an issue as clearly as a comment
    // beside them ("nit: use `logger.error` here" is not the missing metrics).
    let nit_params = Params {
        on_lines: params.on_lines.max(params.beside),
        ..*params
    };
    let nit = text::is_nit(said.text);
    let params = if nit { &nit_params } else { params };
    let praise = text::is_praise(said.text);
    let kept = text::without_praise(said.text);
    let terms = text::terms(&key.files.without_places(&kept));
    let all: BTreeSet<&str> = terms.iter().map(String::as_str).collect();
    let ceiling = key.index.ceiling(&all);
    let whole = key.index.matches_within(&all, ceiling);
    let reaches = reaches(key, &said.at, params);
    let greedy = if praise {
        Vec::new()
    } else {
        greedy(key, &all, ceiling, &reaches, params)
    };
    let mut evidence: Vec<Evidence> = (0..key.issues.len())
        .map(|i| Evidence {
            strength: whole[i].strength,
            reach: reaches[i],
            margin: 0.0,
            lead: lead(&whole, i),
            greedy: greedy.contains(&i),
            named: false,
            part_strength: 0.0,
            part_margin: -1.0,
            parts_top: 0,
            nit,
            praise,
            summary: said.summary,
            file: matches!(said.at.as_slice(), [At::File(_)]),
            terms: all.len(),
        })
        .collect();
    if !praise {
        for part in clause::parts(&kept, &said.at, &key.files, said.summary) {
            let Some(v) = clause::verdict(key, &part, params) else {
                continue;
            };
            let e = &mut evidence[v.issue];
            e.parts_top += 1;
            e.part_strength = e.part_strength.max(v.strength);
            e.part_margin = e.part_margin.max(v.strength - params.threshold(v.reach));
            if v.names {
                e.named = true;
                e.reach = e.reach.min(v.reach);
            }
        }
    }
    for e in &mut evidence {
        e.margin = e.strength - params.threshold(e.reach);
    }
    Weighed { evidence, whole }
}

/// How close the comment sits to each issue: the closest of its places.
fn reaches(key: &Key, at: &[At], params: &Params) -> Vec<Reach> {
    key.issues
        .iter()
        .map(|issue| {
            at.iter()
                .map(|at| place::reach(at, &issue.places, params.near))
                .min()
                .unwrap_or(Reach::Elsewhere)
        })
        .collect()
}

/// How far the issue leads the best other one: 0 when the comment shares nothing with it, at
/// most 5 (a runner-up under 0.05 counts as 0.05, so one stray term does not lead by 100).
fn lead(whole: &[TextMatch], i: usize) -> f64 {
    let other = whole
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != i)
        .map(|(_, m)| m.strength)
        .fold(0.05, f64::max);
    (whole[i].strength / other).min(5.0)
}

/// The greedy pass: the issue whose strength passes its place's threshold by the widest
/// margin, then, with the terms it explains set aside, the next one on what is left of the
/// comment (a comment that names two flaws keeps words for the second; one that names one has
/// little left).
fn greedy(
    key: &Key,
    all: &BTreeSet<&str>,
    ceiling: f64,
    reaches: &[Reach],
    params: &Params,
) -> Vec<usize> {
    let mut remaining = all.clone();
    let mut credited: Vec<usize> = Vec::new();
    while credited.len() < key.issues.len() {
        let scale = if credited.is_empty() {
            1.0
        } else {
            params.runner_up
        };
        let now = key.index.matches_within(&remaining, ceiling);
        let best = now
            .iter()
            .enumerate()
            .filter(|(i, _)| !credited.contains(i))
            .map(|(i, m)| (m.strength - scale * params.threshold(reaches[i]), i))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let Some((_, i)) = best.filter(|(margin, _)| *margin >= 0.0) else {
            break;
        };
        for term in &now[i].shared {
            remaining.remove(term.as_str());
        }
        credited.push(i);
    }
    credited
}
