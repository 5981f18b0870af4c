//! What a comment says, in terms: identifiers split (camelCase, snake_case), case folded, stop
//! words dropped, English stems, a few reviewer abbreviations spelled out; and a BM25 index over
//! the scenario's own key, so a term rare in this key ("idempotency") weighs more than one every
//! issue shares ("request").

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// Words that carry no meaning for matching: English function words, review filler and the
/// keywords every language shares.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "each",
    "else",
    "etc",
    "even",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "let",
    "like",
    "ll",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "need",
    "needs",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "please",
    "re",
    "really",
    "same",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "use",
    "used",
    "uses",
    "using",
    "ve",
    "very",
    "was",
    "way",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yes",
    "yet",
    "think",
    "maybe",
    "probably",
    "still",
    "already",
    "want",
    "make",
    "makes",
    "thing",
    "things",
    "something",
    "anything",
    "nothing",
    "lot",
    "bit",
    "nit",
    "nits",
    "pr",
    "lgtm",
    "imo",
    "fyi",
    "todo",
    "e",
    "g",
    "ie",
    "eg",
    "s",
    "t",
    "d",
    "const",
    "var",
    "def",
    "fn",
    "function",
    "return",
    "returns",
    "self",
    "this",
    "true",
    "false",
    "null",
    "none",
    "new",
    "public",
    "private",
    "static",
    "void",
    "import",
    "from",
    "export",
    "default",
    "async",
    "await",
    "end",
    "do",
    "val",
    "pub",
    "mut",
];

/// Abbreviations reviewers write for what key text spells out.
const EXPANSIONS: &[(&str, &str)] = &[
    ("sqli", "sql injection"),
    ("xss", "cross site scripting html injection"),
    ("csrf", "cross site request forgery"),
    ("ssrf", "server side request forgery"),
    ("dos", "denial of service"),
    ("ddos", "denial of service"),
    ("oom", "out of memory"),
    ("n+1", "n plus one query per row"),
    ("toctou", "race check then act"),
    ("idor", "authorization access other users"),
    ("authz", "authorization"),
    ("authn", "authentication"),
    ("ttl", "expiry time to live"),
    ("a11y", "accessibility"),
    ("pii", "personal data"),
    ("rbac", "role permissions"),
];

fn stop_words() -> &'static BTreeSet<&'static str> {
    static WORDS: OnceLock<BTreeSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| STOP_WORDS.iter().copied().collect())
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Splits an identifier at underscores, hyphens and case changes: `getUserById` -> get, user,
/// by, id; `HTTPServer` -> http, server.
fn split_identifier(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut parts = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' || c == '-' {
            parts.push(std::mem::take(&mut current));
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let boundary = match prev {
            Some(p) if c.is_uppercase() => {
                p.is_lowercase() || p.is_ascii_digit() || next.is_some_and(char::is_lowercase)
            }
            Some(p) => c.is_ascii_digit() != p.is_ascii_digit() && p != '_' && p != '-',
            None => false,
        };
        if boundary && prev.is_some_and(|p| p.is_uppercase()) && !c.is_uppercase() {
            // "HTTPServer": the boundary is before the last capital, handled on that capital.
        } else if boundary {
            parts.push(std::mem::take(&mut current));
        }
        current.extend(c.to_lowercase());
    }
    parts.push(current);
    parts.retain(|p| !p.is_empty());
    parts
}

/// The terms of a text, in order, with repeats: what BM25 counts.
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lowered = text.to_lowercase();
    for (abbreviation, spelled) in EXPANSIONS {
        if abbreviation.contains('+') && lowered.contains(abbreviation) {
            push_words(spelled, &mut out);
        }
    }
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')) {
        let word = word.trim_matches('-');
        if word.is_empty() {
            continue;
        }
        let lower = word.to_lowercase();
        if let Some((_, spelled)) = EXPANSIONS.iter().find(|(a, _)| *a == lower) {
            push_words(spelled, &mut out);
            continue;
        }
        let parts = split_identifier(word);
        if parts.len() > 1 {
            // The whole identifier is a term of its own: rarer, so more telling.
            let joined: String = parts.concat();
            if joined.chars().count() > 3 {
                out.push(joined);
            }
        }
        for part in parts {
            push_term(&part, &mut out);
        }
    }
    out
}

/// Praise names no flaw, whatever words it shares with the key ("+1 for the bind params"): a
/// short comment that opens with praise and turns to no "but".
pub fn is_praise(text: &str) -> bool {
    const TURNS: &[&str] = &["but", "however", "though", "although", "except", "unless"];
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() > 30 || words.iter().any(|w| TURNS.contains(&w.as_str())) {
        return false;
    }
    const OPENINGS: &[&str] = &[
        "+1",
        "nice",
        "good",
        "great",
        "love",
        "thanks",
        "thank you",
        "lgtm",
        "praise",
        "kudos",
        "\u{1f44d}",
        "well done",
        "neat",
    ];
    let start = text.trim_start().to_lowercase();
    OPENINGS.iter().any(|o| {
        start.starts_with(o)
            && start[o.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The sentences of a text (split at . ! ? ; and line breaks), for comments that name one flaw
/// per sentence.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let end_here = match c {
            '\n' => true,
            '.' | '!' | '?' | ';' => bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()),
            _ => false,
        };
        if end_here {
            out.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&text[start..]);
    out.retain(|s| !s.trim().is_empty());
    out
}

fn push_words(text: &str, out: &mut Vec<String>) {
    for word in text.split_whitespace() {
        push_term(word, out);
    }
}

fn push_term(part: &str, out: &mut Vec<String>) {
    let numeric = part.chars().all(|c| c.is_ascii_digit());
    if part.chars().count() < 2 || stop_words().contains(part) || (numeric && part.len() < 2) {
        return;
    }
    out.push(stemmer().stem(part).into_owned());
}

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
const CODE_WEIGHT: f64 = 1.0;
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
                for term in terms(text) {
                    *doc.entry(term).or_default() += weight;
                }
            }
            for term in issue.terms.iter().flat_map(|t| terms(t)) {
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

    /// Terms that appear in the key at all (for the evidence of a summary paragraph).
    pub fn knows(&self, term: &str) -> bool {
        self.idf.contains_key(term)
    }
}

/// Counts of terms, for tests and evidence.
pub fn term_counts(text: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for term in terms(text) {
        *counts.entry(term).or_default() += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_split_fold_and_stem() {
        assert_eq!(split_identifier("getUserById"), ["get", "user", "by", "id"]);
        assert_eq!(split_identifier("HTTPServer"), ["http", "server"]);
        assert_eq!(split_identifier("max_retries"), ["max", "retries"]);
        let t = terms("The retries in jobQueue.push are unbounded");
        assert!(t.contains(&"retri".to_string()), "{t:?}");
        assert!(t.contains(&"jobqueue".to_string()), "{t:?}");
        assert!(t.contains(&"queue".to_string()), "{t:?}");
        assert!(!t.iter().any(|w| w == "the" || w == "are"), "{t:?}");
    }

    #[test]
    fn praise_is_recognised_by_its_opening() {
        assert!(is_praise("+1 for the `@spec`"));
        assert!(is_praise("Nice: bind params."));
        assert!(!is_praise("Nicer names would help"));
        assert!(!is_praise("This leaks memory, good catch elsewhere"));
    }

    #[test]
    fn abbreviations_spell_out() {
        let t = terms("SQLi here");
        assert!(
            t.contains(&"sql".to_string()) && t.contains(&"inject".to_string()),
            "{t:?}"
        );
        assert!(terms("classic N+1").contains(&"queri".to_string()));
    }

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
}
