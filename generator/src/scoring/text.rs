//! What a comment says, in terms: identifiers split (camelCase, snake_case), case folded, stop
//! words dropped, English stems, a few reviewer abbreviations spelled out. [`super::index`]
//! ranks key issues by these terms.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// Words that carry no meaning for matching (English function words, review filler, keywords
/// every language shares), kept as data beside this file.
const STOP_WORDS: &str = include_str!("stop_words.txt");

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

/// Words of general English that say the same of a flaw, each folded to the first: a comment
/// says "charged twice" or "runs forever" where the key says "duplicate charge" or
/// "indefinitely".
const SYNONYMS: &[&[&str]] = &[
    &[
        "duplicate",
        "duplicated",
        "duplicates",
        "twice",
        "double",
        "doubled",
    ],
    &["forever", "indefinitely", "indefinite", "endlessly"],
    &["swallowed", "swallow", "swallows", "silently", "silent"],
    &["oversell", "oversold", "overselling", "oversells"],
    &["stale", "outdated"],
];

fn synonym(word: &str) -> &str {
    SYNONYMS
        .iter()
        .find(|group| group.contains(&word))
        .map_or(word, |group| group[0])
}

fn stop_words() -> &'static BTreeSet<&'static str> {
    static WORDS: OnceLock<BTreeSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        STOP_WORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
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
                // "URLs", "IDs": an acronym's plural, not a capital starting a word.
                let plural = next == Some('s') && i + 2 == chars.len();
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (next.is_some_and(char::is_lowercase) && !plural)
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

/// The terms of a comment, in order, with repeats: what BM25 counts. A negated word counts as
/// its base too ([`negated`]).
pub fn terms(text: &str) -> Vec<String> {
    terms_with(text, true)
}

/// The terms of key text: as [`terms`], but a negated word stays whole, so "unauthorized" in
/// one issue's terms does not make "authorization" less telling for the others.
pub fn key_terms(text: &str) -> Vec<String> {
    terms_with(text, false)
}

fn terms_with(text: &str, negate: bool) -> Vec<String> {
    let mut out = Vec::new();
    let lowered = text.to_lowercase();
    for (abbreviation, spelled) in EXPANSIONS {
        if abbreviation.contains('+') && lowered.contains(abbreviation) {
            push_words(spelled, negate, &mut out);
        }
    }
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')) {
        let word = word.trim_matches('-');
        if word.is_empty() {
            continue;
        }
        let lower = word.to_lowercase();
        if let Some((_, spelled)) = EXPANSIONS.iter().find(|(a, _)| *a == lower) {
            push_words(spelled, negate, &mut out);
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
            push_term(&part, negate, &mut out);
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
        "i like",
        "i do like",
        "i really like",
        "i love",
        "i appreciate",
    ];
    opens_with(text, OPENINGS)
}

/// Whether the text opens with one of `openings` (lower case) as whole words.
fn opens_with(text: &str, openings: &[&str]) -> bool {
    let start = text.trim_start().to_lowercase();
    openings.iter().any(|o| {
        start.starts_with(o)
            && start[o.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A nit: a short comment its author opens as a remark on style ("nit: ...", "Small nit: ...").
pub fn is_nit(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "nit",
        "nits",
        "nitpick",
        "small nit",
        "tiny nit",
        "minor nit",
    ];
    text.split_whitespace().count() <= 40 && opens_with(text, OPENINGS)
}

/// The text without its sentences of praise, one sentence a line: "Thanks, the load-test
/// numbers look great. The cache key lacks the org." is judged on its second sentence, so the
/// praise's words neither dilute what the comment says of a flaw nor credit one themselves.
pub fn without_praise(text: &str) -> String {
    sentences(text)
        .into_iter()
        .filter(|s| !is_praise(s))
        .collect::<Vec<_>>()
        .join("\n")
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

fn push_words(text: &str, negate: bool, out: &mut Vec<String>) {
    for word in text.split_whitespace() {
        push_term(word, negate, out);
    }
}

fn push_term(part: &str, negate: bool, out: &mut Vec<String>) {
    let numeric = part.chars().all(|c| c.is_ascii_digit());
    if part.chars().count() < 2 || stop_words().contains(part) || (numeric && part.len() < 2) {
        return;
    }
    let part = synonym(part);
    out.push(stemmer().stem(part).into_owned());
    if let Some(base) = negate.then(|| negated(part)).flatten() {
        out.push(stemmer().stem(base).into_owned());
    }
}

/// The word a negating prefix turns around: "unencoded" says "encoded" is missing, which is
/// how the key says it ("not encoded"), so both are terms. Only for a remainder long enough to
/// be a word of its own ("unique", "until" are left alone by the length and stop words).
fn negated(word: &str) -> Option<&str> {
    let base = word
        .strip_prefix("non")
        .or_else(|| word.strip_prefix("un"))?;
    (base.chars().count() >= 4 && !stop_words().contains(base)).then_some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_split_fold_and_stem() {
        assert_eq!(split_identifier("getUserById"), ["get", "user", "by", "id"]);
        assert_eq!(split_identifier("HTTPServer"), ["http", "server"]);
        assert_eq!(split_identifier("max_retries"), ["max", "retries"]);
        assert_eq!(split_identifier("URLs"), ["urls"]);
        assert_eq!(split_identifier("userIDs"), ["user", "ids"]);
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
        assert!(is_praise("I do like how small `processOrder` became."));
        assert!(!is_praise("I like the idea, but the lock is gone"));
        assert!(!is_praise("I'd like a lock here"));
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
}
