//! How a comment's wording becomes what is judged: negated words, synonyms of general English,
//! filler, code spans inside a clause, terse list items.

use super::*;

/// An index of issues that have only a title.
fn index_of(titles: &[&str]) -> index::Index {
    let issues: Vec<index::IssueText> = titles
        .iter()
        .map(|t| index::IssueText {
            title: (*t).into(),
            ..index::IssueText::default()
        })
        .collect();
    index::Index::new(&issues)
}

#[test]
fn a_negated_word_counts_as_its_base_in_a_comment_but_not_in_the_key() {
    let t = text::terms("unencoded params, non-idempotent retries, unlocked rows");
    for base in ["encod", "lock"] {
        assert!(t.iter().any(|w| w == base), "{base} in {t:?}");
    }
    assert!(
        t.iter().any(|w| w == "unencod"),
        "the word itself stays: {t:?}"
    );
    let k = text::key_terms("unauthorized read");
    assert!(!k.iter().any(|w| w == "author"), "{k:?}");
    // Too short or a stop word once the prefix is gone: left alone.
    for word in ["unit", "union", "unused"] {
        assert_eq!(
            text::terms(word).len(),
            1,
            "{word}: {:?}",
            text::terms(word)
        );
    }
    let index = index_of(&[
        "Query parameters are not URL-encoded",
        "Rows read without a lock",
    ]);
    let m = index.matches(&text::terms("unencoded params"));
    assert!(m[0].shared.contains(&"encod".to_string()), "{:?}", m[0]);
}

#[test]
fn punctuation_inside_inline_code_does_not_cut_a_clause() {
    let said = "I'd snapshot the list, and drop the ones that fail instead of `except: pass` \
                or `.catch(() => {})`, plus a timeout";
    let texts: Vec<&str> = clause::parts(said, &[At::Review], &Files::default(), false)
        .iter()
        .filter(|p| p.clause)
        .map(|p| p.text.trim())
        .collect();
    assert_eq!(
        texts,
        [
            "I'd snapshot the list",
            "and drop the ones that fail instead of `except: pass` or `.catch(() => {})`",
            "plus a timeout"
        ]
    );
}

#[test]
fn a_two_term_item_of_a_summary_list_is_judged() {
    let review = Review {
        summary: "Blockers before merge (search injection, retry backoff).".into(),
        ..Review::default()
    };
    let s = score(&key(), &review, &Params::default());
    let mut got = s.credits("summary:1");
    got.sort();
    assert_eq!(got, ["retry-storm", "sql-injection"]);
    let three = Params {
        clause_terms: 3,
        ..Params::default()
    };
    let before = score(&key(), &review, &three);
    assert!(
        before.credits("summary:1").len() < 2,
        "needing three terms, a list item of two is not judged: {:?}",
        before.matches("summary:1")
    );
}

#[test]
fn general_synonyms_fold_and_filler_is_dropped() {
    assert_eq!(text::terms("charged twice"), text::terms("charged double"));
    assert_eq!(
        text::terms("runs indefinitely"),
        text::terms("runs forever"),
        "what the key says of an unbounded refresh"
    );
    assert_eq!(
        text::terms("errors silently"),
        text::terms("errors swallowed")
    );
    assert_eq!(text::terms("oversold"), text::terms("oversell"));
    // "at least": filler that would otherwise match a key's "at-least-once delivery".
    assert_eq!(text::terms("at least log the error"), ["log", "error"]);
    let index = index_of(&["Refresh timers run forever", "Errors are logged"]);
    let m = index.matches(&text::terms("this refreshes indefinitely"));
    assert!(m[0].shared.contains(&"forev".to_string()), "{:?}", m[0]);
}

#[test]
fn a_nit_on_the_lines_must_say_the_issue() {
    assert!(text::is_nit("nit: could be `const`"));
    assert!(text::is_nit("Small nit - naming"));
    assert!(!text::is_nit("Nitpicking aside, this is SQL injection"));
    let remark = "rename this, the query reads oddly";
    let s = scored(vec![
        comment("plain", "db.ts", M, Some((11, 11)), remark),
        comment("nit", "db.ts", M, Some((11, 11)), &format!("nit: {remark}")),
        comment(
            "says-it",
            "db.ts",
            M,
            Some((11, 11)),
            "nit: and the term is concatenated into SQL, an injection",
        ),
    ]);
    // A remark that does not say the flaw is at most "possibly"; "nit:" makes it less likely.
    let likely = |prefix: &str| {
        let body = format!("{prefix}{remark}");
        likelihood(&one("db.ts", Some((11, 11)), &body), "sql-injection")
    };
    assert!(likely("") > likely("nit: "));
    assert!(s.credits("nit").is_empty(), "{:?}", s.matches("nit"));
    assert!(s.credits("plain").is_empty(), "{:?}", s.matches("plain"));
    assert_eq!(s.possibly("sql-injection"), ["plain", "nit"]);
    assert_eq!(s.credits("says-it"), ["sql-injection"]);
}
