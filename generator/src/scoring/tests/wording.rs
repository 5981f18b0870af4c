//! How a comment's wording becomes what is judged: negated words, code spans inside a clause,
//! terse list items.

use super::*;

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
    let index = index::Index::new(&[
        index::IssueText {
            title: "Query parameters are not URL-encoded".into(),
            ..index::IssueText::default()
        },
        index::IssueText {
            title: "Rows read without a lock".into(),
            ..index::IssueText::default()
        },
    ]);
    let m = index.matches(&text::terms("unencoded params"));
    assert!(m[0].shared.contains(&"encod".to_string()), "{:?}", m[0]);
}

#[test]
fn punctuation_inside_inline_code_does_not_cut_a_clause() {
    let said = "I'd snapshot the list, and drop the ones that fail instead of `except: pass` \
                or `.catch(() => {})`, plus a timeout";
    let texts: Vec<&str> = clause::parts(said, &[At::Review], &[], false)
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
