//! A BM25 index over the scenario's own key, each issue one document of weighted fields, so a
//! term rare in this key ("idempotency") weighs more than one every issue shares ("request").

use std::collections::{BTreeSet, HashMap};

use super::text::key_terms;
#[cfg(test)]
use super::text::terms;

/// One key issue's text by field; each field weighs differently in the index.
#[derive(Debug, Clone, Default)]
pub struct IssueText {
    pub title: String,
    pub detail: String,
    /// The key's anchors and the code on the issue's lines.
    pub code: String,
    /// key.toml `terms`: words a strong comment uses that the code does not contain.
    pub terms: Vec<String>,
}

const TITLE_WEIGHT: f64 = 3.0;
const TERMS_WEIGHT: f64 = 3.0;
/// Low: the code on an issue's lines is shared by every comment about those lines, flaw or
/// nit ("`include_closed=false` is truthy" names the cache key's variables, not its flaw), so
/// identifiers only break ties; what the comment says about them must come from the prose.
const CODE_WEIGHT: f64 = 0.1;
const DETAIL_WEIGHT: f64 = 1.0;
const K1: f64 = 1.2;
const B: f64 = 0.5;

/// BM25 over one scenario's key: each issue is a document of weighted term counts.
#[derive(Debug, Default)]
pub struct Index {
    docs: Vec<HashMap<String, f64>>,
    lengths: Vec<f64>,
    average: f64,
    idf: HashMap<String, f64>,
}

/// How well a comment's terms meet one issue's.
#[derive(Debug, Clone, PartialEq)]
pub struct TextMatch {
    /// BM25 divided by the comment's own best possible score: 0 says nothing of the issue,
    /// values near 1 name what the issue is about in nearly every term.
    pub strength: f64,
    /// The shared terms, most telling first.
    pub shared: Vec<String>,
}

impl TextMatch {
    /// At most `n` shared terms to show a reader, most telling first, one per word: an
    /// identifier gives its whole and its parts as terms (`GenServer`: genserver, gen, server),
    /// so a term made whole of other shared terms stands for them.
    pub fn shown(&self, n: usize) -> Vec<String> {
        let all: Vec<&str> = self.shared.iter().map(String::as_str).collect();
        let mut covered: Vec<&str> = Vec::new();
        for whole in &all {
            let others: Vec<&str> = all.iter().copied().filter(|t| t != whole).collect();
            covered.extend(split_into(whole, &others).unwrap_or_default());
        }
        all.into_iter()
            .filter(|t| !covered.contains(t))
            .take(n)
            .map(str::to_string)
            .collect()
    }
}

/// `word` as two or more of `terms` end to end (`genserver`: gen, server), if it is one.
fn split_into<'a>(word: &str, terms: &[&'a str]) -> Option<Vec<&'a str>> {
    // reach[i]: the parts that make up word[..i], when some do.
    let mut reach: Vec<Option<Vec<&'a str>>> = vec![None; word.len() + 1];
    reach[0] = Some(Vec::new());
    for i in 0..word.len() {
        let Some(before) = reach[i].clone() else {
            continue;
        };
        for term in terms {
            let end = i + term.len();
            if !term.is_empty() && word[i..].starts_with(term) && reach[end].is_none() {
                let mut parts = before.clone();
                parts.push(term);
                reach[end] = Some(parts);
            }
        }
    }
    reach.pop().flatten().filter(|parts| parts.len() >= 2)
}

impl Index {
    pub fn new(issues: &[IssueText]) -> Index {
        let mut docs = Vec::with_capacity(issues.len());
        for issue in issues {
            let mut doc: HashMap<String, f64> = HashMap::new();
            let fields = [
                (issue.title.as_str(), TITLE_WEIGHT),
                (issue.detail.as_str(), DETAIL_WEIGHT),
                (issue.code.as_str(), CODE_WEIGHT),
            ];
            for (text, weight) in fields {
                for term in key_terms(text) {
                    *doc.entry(term).or_default() += weight;
                }
            }
            for term in issue.terms.iter().flat_map(|t| key_terms(t)) {
                *doc.entry(term).or_default() += TERMS_WEIGHT;
            }
            docs.push(doc);
        }
        let lengths: Vec<f64> = docs.iter().map(|d| d.values().sum()).collect();
        let average = (lengths.iter().sum::<f64>() / lengths.len().max(1) as f64).max(1.0);
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for doc in &docs {
            for term in doc.keys() {
                *counts.entry(term).or_default() += 1;
            }
        }
        let n = docs.len() as f64;
        let idf = counts
            .into_iter()
            .map(|(term, df)| {
                let df = df as f64;
                (term.to_string(), (1.0 + (n - df + 0.5) / (df + 0.5)).ln())
            })
            .collect();
        Index {
            docs,
            lengths,
            average,
            idf,
        }
    }

    /// The comment's terms against every issue, in key order.
    pub fn matches(&self, comment: &[String]) -> Vec<TextMatch> {
        let query: BTreeSet<&str> = comment.iter().map(String::as_str).collect();
        self.matches_within(&query, self.ceiling(&query))
    }

    /// The best a document could do on this query: every term it knows, saturated.
    pub fn ceiling(&self, query: &BTreeSet<&str>) -> f64 {
        query
            .iter()
            .filter_map(|t| self.idf.get(*t))
            .map(|idf| idf * (K1 + 1.0))
            .sum::<f64>()
            .max(self.floor())
    }

    /// Some of a comment's terms against every issue, as a share of `ceiling` (the whole
    /// comment's), so what is left of a comment after one issue explained part of it weighs
    /// as that part of the comment.
    pub fn matches_within(&self, query: &BTreeSet<&str>, ceiling: f64) -> Vec<TextMatch> {
        self.docs
            .iter()
            .zip(&self.lengths)
            .map(|(doc, len)| {
                let mut shared: Vec<(f64, &str)> = Vec::new();
                let mut total = 0.0;
                for term in query {
                    let Some(tf) = doc.get(*term) else { continue };
                    let idf = self.idf[*term];
                    let part =
                        idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / self.average));
                    total += part;
                    shared.push((part, term));
                }
                shared.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
                TextMatch {
                    strength: total / ceiling,
                    shared: shared.into_iter().map(|(_, t)| t.to_string()).collect(),
                }
            })
            .collect()
    }

    /// A comment of one or two rare terms must not reach full strength by naming one of them:
    /// the ceiling is never below what three mid-frequency terms would give.
    fn floor(&self) -> f64 {
        let n = self.docs.len() as f64;
        3.0 * (1.0 + (n - 1.5) / 2.5).max(1.0).ln() * (K1 + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_shared_terms_rank_the_right_issue_first() {
        let index = Index::new(&[
            IssueText {
                title: "SQL injection in the search query".into(),
                ..IssueText::default()
            },
            IssueText {
                title: "Search results are not paginated".into(),
                ..IssueText::default()
            },
        ]);
        let m = index.matches(&terms("SQLi here"));
        assert!(m[0].strength > m[1].strength);
        assert!(m[0].shared.contains(&"inject".to_string()));
        assert_eq!(m[1].strength, 0.0);
    }

    #[test]
    fn an_identifier_and_its_parts_are_shown_once() {
        let shared = [
            "caller",
            "gen",
            "genserver",
            "timeout",
            "time",
            "server",
            "org",
            "orgid",
            "id",
            "valid",
        ];
        let m = TextMatch {
            strength: 1.0,
            shared: shared.map(String::from).to_vec(),
        };
        // time is no part of timeout here (out is no term), nor id of valid.
        assert_eq!(
            m.shown(8),
            ["caller", "genserver", "timeout", "time", "orgid", "valid"]
        );
        assert_eq!(m.shown(2), ["caller", "genserver"]);
    }
}
