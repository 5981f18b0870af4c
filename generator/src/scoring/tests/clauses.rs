//! Scoring by parts: summary paragraphs placed by the files they name, sentences and clauses
//! judged alone, places and praise set aside before a comment becomes terms.

use super::*;

#[test]
fn summary_paragraphs_are_placed_by_the_files_they_name() {
    let review = Review {
        summary: "Solid work overall.\n\nIn client.ts the session token travels in the query \
                  string.\n\nThe SQL injection worries me."
            .into(),
        ..Review::default()
    };
    let s = score(&key(), &review, &Params::default());
    assert_eq!(
        tiers(&s, "summary:2"),
        [("token-in-url".into(), Tier::InFile)]
    );
    assert_eq!(
        tiers(&s, "summary:3"),
        [("sql-injection".into(), Tier::Elsewhere)],
        "names no file: said of the review"
    );
    assert!(s.credits("summary:1").is_empty());
}

#[test]
fn a_summary_listing_flaws_in_clauses_credits_each_where_its_sentence_points() {
    let review = Review {
        summary: "Two things before merge: the search term is concatenated into SQL, \
                  and retries have no exponential backoff. In client.ts the session token \
                  ends up in the URL."
            .into(),
        ..Review::default()
    };
    let s = score(&key(), &review, &Params::default());
    let mut got = tiers(&s, "summary:1");
    got.sort();
    assert_eq!(
        got,
        [
            ("retry-storm".into(), Tier::Elsewhere),
            ("sql-injection".into(), Tier::Elsewhere),
            ("token-in-url".into(), Tier::InFile),
        ],
        "the last sentence names client.ts, so it is placed there"
    );
}

#[test]
fn a_clause_that_could_be_either_issue_credits_neither() {
    let s = scored(vec![comment(
        "c",
        "other.ts",
        M,
        Some((1, 1)),
        "Looks fine, and the search is quick.",
    )]);
    assert!(s.credits("c").is_empty(), "{:?}", s.matches("c"));
}

#[test]
fn naming_a_file_says_where_not_what() {
    let key = Key::new(
        vec![
            issue(
                "retry-storm",
                "junior",
                vec![place("worker.ts", M, 60, 62)],
                "Retries without backoff hammer the database",
                "Add exponential backoff and a cap.",
            ),
            issue(
                "queue-unbounded",
                "mid",
                vec![place("queue.ts", M, 5, 5)],
                "The queue grows without bound",
                "Nothing caps the queue; add backpressure.",
            ),
        ],
        vec!["worker.ts".into(), "queue.ts".into()],
        Box::new(NoLineMap),
    );
    let strength = |body: &str| {
        let review = Review {
            comments: vec![comment("c", "worker.ts", M, Some((61, 61)), body)],
            ..Review::default()
        };
        let s = score(&key, &review, &Params::default());
        s.matches("c")
            .iter()
            .find(|m| m.issue == "retry-storm")
            .map(|m| m.strength)
    };
    // `queue.ts` (and its line) name where the retries end up, not the queue's own flaw.
    assert_eq!(
        strength("Retries with no backoff, called from queue.ts line 5"),
        strength("Retries with no backoff, called from")
    );
}

#[test]
fn a_sentence_of_praise_credits_nothing_in_a_longer_comment() {
    let s = scored(vec![comment(
        "c",
        "db.ts",
        M,
        Some((61, 61)),
        "Nice: the search term goes into the SQL as a bind parameter now, no injection there. \
         Here, though, every failed call retries at once and forever, so one slow database \
         turns into a storm; add exponential backoff with jitter and a cap on attempts.",
    )]);
    assert_eq!(s.credits("c"), ["retry-storm"]);
}

#[test]
fn a_summary_that_names_no_file_names_a_flaw_briefly() {
    let review = Review {
        summary: "Two asks: a backoff cap, and keep the session token out of history.".into(),
        ..Review::default()
    };
    let s = score(&key(), &review, &Params::default());
    let mut got = s.credits("summary:1");
    got.sort();
    // "a backoff cap": two terms, as a list item says it, name the retry storm's fix.
    assert_eq!(got, ["retry-storm", "token-in-url"]);
}

#[test]
fn a_line_a_comment_names_by_number_places_its_sentence_there_too() {
    // On line 20 of db.ts, 40 lines from the retries: "in the file" needs more than this says.
    let body = "This loops on failure too, see line 61.";
    let s = scored(vec![comment("c", "db.ts", M, Some((20, 20)), body)]);
    assert_eq!(tiers(&s, "c"), [("retry-storm".into(), Tier::OnLines)]);
    // A sentence that names another file and a line is not placed in this one: at most it
    // says the flaw somewhere in the comment's file.
    assert_on_no_issues_lines(
        "db.ts",
        20,
        "This loops on failure too, see client.ts line 61.",
    );
}

/// A line comment with these words, on this line, is on the lines of no issue.
fn assert_on_no_issues_lines(file: &str, line: u32, body: &str) {
    let s = scored(vec![comment("d", file, M, Some((line, line)), body)]);
    assert!(
        s.matches("d").iter().all(|m| m.tier != Tier::OnLines),
        "{:?}",
        s.matches("d")
    );
}

#[test]
fn a_terse_item_of_a_summary_said_of_the_review_is_credited() {
    let review = |text: &str| Review {
        summary: text.into(),
        ..Review::default()
    };
    let listed = review("Before merge: no pagination, and the docs.");
    let s = score(&key(), &listed, &Params::default());
    assert_eq!(s.credits("summary:1"), ["no-pagination"]);
    // Still a clear naming: two words that name no flaw credit nothing.
    let vague = score(
        &key(),
        &review("Before merge: search results, and the docs."),
        &Params::default(),
    );
    assert!(
        vague.credits("summary:1").is_empty(),
        "{:?}",
        vague.matches("summary:1")
    );
}

#[test]
fn the_evaluation_counts_the_cases_the_issue_names() {
    use super::super::eval::{Kind, Labelled, Right, ScenarioSet, evaluate};
    let labelled = |id: &str, kind: Kind, file: &str, lines: Option<[u32; 2]>, body: &str| {
        let issues = if body.starts_with("nit") {
            vec![]
        } else {
            vec!["retry-storm".to_string()]
        };
        Labelled {
            id: id.into(),
            reviewer: "r".into(),
            kind,
            file: Some(file.into()),
            side: Some(M),
            lines,
            body: body.into(),
            issues,
            note: None,
        }
    };
    let set = ScenarioSet {
        scenario: "fixture".into(),
        comments: vec![
            labelled(
                "f",
                Kind::File,
                "db.ts",
                None,
                "Retries without any backoff, forever",
            ),
            labelled(
                "far",
                Kind::Line,
                "db.ts",
                Some([20, 20]),
                "Retries with no backoff below",
            ),
            labelled(
                "near",
                Kind::Line,
                "db.ts",
                Some([61, 61]),
                "Retries with no backoff",
            ),
            labelled("n", Kind::Line, "db.ts", Some([11, 11]), "nit: rename this"),
        ],
    };
    let outcome = evaluate(&key(), &set, &Params::default(), 3).unwrap();
    assert_eq!(outcome.cases.file, Right { right: 1, of: 1 });
    assert_eq!(
        outcome.cases.far,
        Right { right: 1, of: 1 },
        "line 20 is 40 lines away"
    );
    assert_eq!(outcome.cases.nit, Right { right: 1, of: 1 });
}

#[test]
fn a_part_that_shares_nothing_with_the_key_counts_for_no_issue() {
    // Two sentences of terms no issue has: neither is any issue's best part (it once fell to
    // the first issue of the key by the tie-break).
    let review = one(
        "db.ts",
        Some((61, 61)),
        "Retries without backoff. Lovely weather outside today. Coffee machine broken again.",
    );
    let evidence = evidence(&key(), &review, &Params::default());
    let first = &evidence[0][0];
    assert_eq!((first.parts_top, first.part_margin), (0, -1.0), "{first:?}");
    assert!(
        evidence[0][2].parts_top >= 1,
        "the retries sentence names retry-storm"
    );
}

#[test]
fn a_sentence_naming_another_shown_file_and_line_points_there_too() {
    // On the token's line of client.ts, a sentence about db.ts's retries.
    let body = "Retries have no backoff at all, see db.ts line 61.";
    let s = scored(vec![comment("c", "client.ts", M, Some((5, 5)), body)]);
    assert!(
        tiers(&s, "c").contains(&("retry-storm".into(), Tier::OnLines)),
        "{:?}",
        s.matches("c")
    );
    // The same words pointing at a line of db.ts far from the retries are not on them.
    assert_on_no_issues_lines(
        "client.ts",
        5,
        "Retries have no backoff at all, see db.ts line 200.",
    );
}
