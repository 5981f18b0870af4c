use super::index::IssueText;
use super::*;
use submit_fn::model::{Comment, Side};

mod clauses;
mod wording;

const M: Side = Side::Modified;
const O: Side = Side::Original;

fn place(file: &str, side: Side, start: u32, end: u32) -> Place {
    Place {
        file: file.into(),
        side,
        start,
        end,
    }
}

fn issue(id: &str, level: &str, places: Vec<Place>, title: &str, detail: &str) -> KeyIssue {
    KeyIssue {
        id: id.into(),
        level: level.into(),
        category: "correctness".into(),
        places,
        text: IssueText {
            title: title.into(),
            detail: detail.into(),
            ..IssueText::default()
        },
    }
}

/// Three issues in one file, two of them on overlapping lines, one in another file.
fn key_with(map: Box<dyn LineMap + Send + Sync>) -> Key {
    let issues = vec![
        issue(
            "sql-injection",
            "senior",
            vec![place("db.ts", M, 10, 12)],
            "Search term concatenated into SQL: injection",
            "The query string is built with `+`; use bind parameters.",
        ),
        issue(
            "no-pagination",
            "mid",
            vec![place("db.ts", M, 12, 14)],
            "Search returns every row: no limit or pagination",
            "A broad term loads the whole table into memory.",
        ),
        issue(
            "retry-storm",
            "junior",
            vec![place("db.ts", M, 60, 62)],
            "Retries without backoff hammer the database",
            "Every failure retries at once, forever; add exponential backoff and a cap.",
        ),
        issue(
            "token-in-url",
            "senior",
            vec![place("client.ts", M, 5, 5)],
            "Session token sent in the query string",
            "Tokens in URLs land in proxy logs and browser history.",
        ),
    ];
    Key::new(issues, vec!["db.ts".into(), "client.ts".into()], map)
}

fn key() -> Key {
    key_with(Box::new(NoLineMap))
}

fn comment(id: &str, file: &str, side: Side, lines: Option<(u32, u32)>, body: &str) -> Comment {
    Comment {
        id: id.into(),
        file: file.into(),
        side,
        start_line: lines.map(|l| l.0),
        end_line: lines.map(|l| l.1),
        severity: None,
        body: body.into(),
        updated_at: "2026-01-01T00:00:00Z".into(),
        deleted: false,
    }
}

fn scored(comments: Vec<Comment>) -> Score {
    let review = Review {
        comments,
        ..Review::default()
    };
    score(&key(), &review, &Params::default())
}

fn tiers(s: &Score, comment: &str) -> Vec<(String, Tier)> {
    s.matches(comment)
        .iter()
        .map(|m| (m.issue.clone(), m.tier))
        .collect()
}

#[test]
fn on_the_lines_and_saying_it_is_credited_with_its_terms() {
    let s = scored(vec![comment(
        "c",
        "db.ts",
        M,
        Some((11, 11)),
        "SQL injection: bind the search term",
    )]);
    assert_eq!(s.credits("c"), ["sql-injection"]);
    let m = &s.matches("c")[0];
    assert_eq!(m.tier, Tier::OnLines);
    assert!(m.terms.iter().any(|t| t == "inject"), "{:?}", m.terms);
    assert_eq!(s.found, 1);
    assert_eq!(s.per_level["senior"], Tally { found: 1, total: 2 });
}

#[test]
fn overlapping_two_issues_credits_only_the_one_it_talks_about() {
    let s = scored(vec![comment(
        "c",
        "db.ts",
        M,
        Some((12, 12)),
        "This loads every row, add a limit and pagination",
    )]);
    assert_eq!(s.credits("c"), ["no-pagination"]);
    assert_eq!(
        tiers(&s, "c"),
        [
            ("no-pagination".into(), Tier::OnLines),
            ("sql-injection".into(), Tier::Possible)
        ]
    );
    assert_eq!(s.possibly("sql-injection"), ["c"]);
}

#[test]
fn a_comment_naming_two_flaws_is_credited_to_both() {
    let s = scored(vec![comment(
        "c",
        "db.ts",
        M,
        Some((12, 12)),
        "SQL injection through the concatenated term, and no limit: pagination needed",
    )]);
    let mut credits = s.credits("c");
    credits.sort_unstable();
    assert_eq!(credits, ["no-pagination", "sql-injection"]);
}

#[test]
fn a_nit_on_the_lines_is_at_most_possibly() {
    let s = scored(vec![comment(
        "c",
        "db.ts",
        M,
        Some((11, 11)),
        "nit: trailing whitespace",
    )]);
    assert!(s.credits("c").is_empty());
    assert!(s.matches("c").iter().all(|m| m.tier == Tier::Possible));
    assert_eq!(s.found, 0);
}

#[test]
fn far_from_the_lines_but_naming_the_flaw_is_credited_in_the_file() {
    let s = scored(vec![comment(
        "c",
        "db.ts",
        M,
        Some((40, 40)),
        "The retry loop has no backoff: failures retry at once and hammer the database",
    )]);
    assert_eq!(tiers(&s, "c"), [("retry-storm".into(), Tier::InFile)]);
}

/// How likely the decision finds that the review's first comment (or summary paragraph)
/// addresses the issue.
fn likelihood(review: &Review, issue: &str) -> f64 {
    let key = key();
    let i = key.issues.iter().position(|k| k.id == issue).unwrap();
    let params = Params::default();
    let evidence = evidence(&key, review, &params);
    params.decision.probability(&evidence[0][i].features())
}

fn one(file: &str, lines: Option<(u32, u32)>, body: &str) -> Review {
    Review {
        comments: vec![comment("c", file, M, lines, body)],
        ..Review::default()
    }
}

#[test]
fn the_farther_from_the_lines_the_more_a_comment_must_say() {
    let body = "retries without any backoff";
    let lines = [61, 66, 20].map(|l| likelihood(&one("db.ts", Some((l, l)), body), "retry-storm"));
    assert!(lines[0] > lines[1] && lines[1] > lines[2], "{lines:?}");
    let beside = score(
        &key(),
        &one("db.ts", Some((66, 66)), body),
        &Params::default(),
    );
    assert_eq!(tiers(&beside, "c"), [("retry-storm".into(), Tier::Beside)]);
    // A comment on the whole file the issue is in, against one on another file.
    let files = ["db.ts", "client.ts"].map(|f| likelihood(&one(f, None, body), "retry-storm"));
    assert!(files[0] > files[1], "{files:?}");
    let vague = "this part could be cleaner";
    assert!(likelihood(&one("db.ts", Some((61, 61)), vague), "retry-storm") < lines[2]);
}

#[test]
fn a_file_comment_naming_a_flaw_of_its_file_is_credited() {
    let s = scored(vec![comment(
        "c",
        "client.ts",
        M,
        None,
        "The session token goes in the URL query string; it will end up in logs",
    )]);
    assert_eq!(tiers(&s, "c"), [("token-in-url".into(), Tier::InFile)]);
}

#[test]
fn a_vague_file_comment_is_credited_to_nothing() {
    let s = scored(vec![comment("c", "db.ts", M, None, "Needs tests.")]);
    assert!(s.matches("c").is_empty());
}

#[test]
fn tombstones_and_empty_bodies_get_nothing() {
    let mut gone = comment("gone", "db.ts", M, Some((11, 11)), "SQL injection");
    gone.deleted = true;
    let s = scored(vec![gone, comment("empty", "db.ts", M, Some((11, 11)), "")]);
    assert!(!s.comments.contains_key("gone"));
    assert!(s.credits("empty").is_empty());
    assert_eq!(s.found, 0);
}

struct Shift(u32);
impl LineMap for Shift {
    fn unchanged_to_modified(&self, file: &str, line: u32) -> Option<u32> {
        (file == "db.ts" && line < 100).then_some(line + self.0)
    }
}

#[test]
fn original_side_of_an_unchanged_line_meets_the_modified_issue() {
    let key = key_with(Box::new(Shift(5)));
    let review = Review {
        comments: vec![comment(
            "c",
            "db.ts",
            O,
            Some((6, 6)),
            "SQL injection via concatenation",
        )],
        ..Review::default()
    };
    let s = score(&key, &review, &Params::default());
    assert_eq!(tiers(&s, "c"), [("sql-injection".into(), Tier::OnLines)]);
}

#[test]
fn an_empty_review_finds_nothing_of_the_total() {
    let s = score(&key(), &Review::default(), &Params::default());
    assert_eq!((s.found, s.total), (0, 4));
    assert_eq!(s.per_category["correctness"], Tally { found: 0, total: 4 });
}

#[test]
fn the_old_rule_still_counts_by_overlap_then_nearest() {
    let key = key();
    let c = comment("c", "db.ts", M, Some((12, 12)), "nit");
    let mut ids = overlap_only(&key, &c, 3);
    ids.sort_unstable();
    assert_eq!(ids, ["no-pagination", "sql-injection"]);
    let c = comment("c", "db.ts", M, Some((16, 16)), "nit");
    assert_eq!(overlap_only(&key, &c, 3), ["no-pagination"]);
    let c = comment("c", "db.ts", M, None, "SQL injection");
    assert!(overlap_only(&key, &c, 3).is_empty());
}
