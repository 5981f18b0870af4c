//! `reviewroom invite <subcommand>` and `invites` through the CLI, on SQLite and (with
//! dynalite) DynamoDB: reopen lifts a revocation, `invites` and `export` agree after a reopen,
//! relink keeps the invite id, the listing shows time limit, submission time and verdict
//! (issue 18, item 19); the flags the subcommands replaced still work, one at a time (issue 23,
//! item 8).

mod support;

use std::path::Path;

use submit_fn::store::{Submission, now};
use submit_fn::token::Token;

/// A built copy of the fixture project on one store.
struct Fixture {
    tmp: tempfile::TempDir,
    secret: String,
}

impl Fixture {
    fn new(store: &str) -> Fixture {
        let (tmp, _) = support::copy_fixture();
        std::fs::write(tmp.path().join("reviewroom.toml"), store).unwrap();
        let mut fixture = Fixture {
            tmp,
            secret: String::new(),
        };
        fixture.secret = fixture.ok(&["secret", "new"]).trim().to_string();
        fixture.ok(&["build"]);
        fixture
    }

    fn sqlite() -> Fixture {
        Fixture::new("[store]\nkind = \"sqlite\"\n")
    }

    /// Run by scripts/test.d/20-stores.sh, which starts dynalite.
    fn dynamodb() -> Fixture {
        let endpoint = std::env::var("REVIEWROOM_TEST_DYNAMODB")
            .expect("REVIEWROOM_TEST_DYNAMODB (run scripts/test.sh stores, which starts dynalite)");
        let table = format!("invites-{}", Token::mint().unwrap().invite_id());
        Fixture::new(&format!(
            "[store]\nkind = \"dynamodb\"\ntable = \"{table}\"\nendpoint_url = \"{endpoint}\"\n"
        ))
    }

    fn root(&self) -> &Path {
        self.tmp.path()
    }

    /// Runs the CLI in the project; returns success, stdout and stderr.
    fn cli(&self, args: &[&str]) -> (bool, String, String) {
        let mut command = support::reviewroom(self.root());
        command.args(args);
        if self.secret.is_empty() {
            command.env_remove("REVIEWROOM_SECRET");
        } else {
            command.env("REVIEWROOM_SECRET", &self.secret);
        }
        let out = command.output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn ok(&self, args: &[&str]) -> String {
        let (ok, out, err) = self.cli(args);
        assert!(ok, "reviewroom {args:?} failed: {out}{err}");
        out
    }

    /// A new invite (30 minutes' time box); its id and link.
    fn invite(&self) -> (String, String) {
        let (ok, link, err) = self.cli(&[
            "invite",
            "new",
            "demo-review",
            "--candidate",
            "Bea",
            "--time-limit",
            "30m",
        ]);
        assert!(ok, "{err}");
        let id = err.split_whitespace().nth(1).unwrap().to_string();
        (id, link.trim().to_string())
    }

    /// The cell of `column` in the `invites` row of `id`; None when the invite is not listed.
    fn cell(&self, id: &str, column: &str) -> Option<String> {
        let listing = self.ok(&["invites"]);
        let header = listing.lines().next()?;
        let from = header.find(column).unwrap();
        let to = header[from + column.len()..]
            .find(|c: char| c.is_ascii_uppercase())
            .map_or(usize::MAX, |at| from + column.len() + at);
        let row = listing.lines().find(|l| l.starts_with(id))?;
        Some(row.get(from..to.min(row.len()))?.trim().to_string())
    }

    /// The candidate's submission of the invite's current round, written to the store.
    fn submit(&self, id: &str, verdict: &str) {
        let project = generator::config::Project::load(self.root()).unwrap();
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async {
            let store = generator::store::open(&project, &Default::default())
                .await
                .unwrap();
            let state = store.load(id).await.unwrap().unwrap();
            let submission = Submission {
                round: state.invite.round,
                submission_id: format!("sub-{}", state.invite.round),
                body_hash: "00".repeat(32),
                review: format!(r#"{{"verdict":"{verdict}","summary":"","comments":[]}}"#),
                received_at: now(),
                late_seconds: 0,
                server_elapsed_seconds: None,
            };
            store.submit(id, &submission).await.unwrap();
        });
    }

    /// `export --invite ID` as JSON: the one record.
    fn exported(&self, id: &str) -> serde_json::Value {
        let out = self.ok(&["export", "--invite", id, "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        json["records"][0].clone()
    }
}

fn reopen_lifts_a_revocation(f: &Fixture) {
    let (id, _) = f.invite();
    f.ok(&["invite", "revoke", &id]);
    assert_eq!(f.cell(&id, "STATE").as_deref(), Some("revoked"));
    let out = f.ok(&["invite", "reopen", &id]);
    assert!(out.contains("reopened"), "{out}");
    assert_eq!(
        f.cell(&id, "STATE").as_deref(),
        Some("invited"),
        "`invite reopen` said reopened: the invite must not stay revoked"
    );
    assert_eq!(f.exported(&id)["invite"]["revoked"], false);
}

fn invites_and_export_agree_after_a_reopen(f: &Fixture) {
    let (id, _) = f.invite();
    f.submit(&id, "approve");
    assert_eq!(f.cell(&id, "STATE").as_deref(), Some("submitted"));
    assert_eq!(f.exported(&id)["status"], "submitted");
    f.ok(&["invite", "reopen", &id]);
    let listed = f.cell(&id, "STATE").unwrap();
    let exported = f.exported(&id);
    assert_eq!(
        exported["status"].as_str(),
        Some(listed.as_str()),
        "invites and export disagree"
    );
    assert_eq!(listed, "reopened");
    assert_eq!(
        exported["submission_id"], "sub-0",
        "the earlier round is what exports"
    );
    f.submit(&id, "comment");
    assert_eq!(f.cell(&id, "STATE").as_deref(), Some("submitted"));
    assert_eq!(f.exported(&id)["status"], "submitted");
    assert_eq!(f.exported(&id)["submission_id"], "sub-1");
}

fn relink_keeps_the_id(f: &Fixture) {
    let (id, old_link) = f.invite();
    f.submit(&id, "approve");
    let (ok, out, err) = f.cli(&["invite", "relink", &id]);
    assert!(ok, "{err}");
    let link = out.lines().last().unwrap();
    assert_ne!(link, old_link, "a new token");
    let token = Token::parse(link.split("#invite=").nth(1).unwrap()).unwrap();
    assert_eq!(token.invite_id(), id, "the new link names the same invite");
    assert_eq!(
        f.cell(&id, "STATE").as_deref(),
        Some("submitted"),
        "listed under its id, with its records"
    );
    assert_eq!(f.exported(&id)["invite"]["id"], id.as_str());
    let old = Token::parse(old_link.split("#invite=").nth(1).unwrap()).unwrap();
    let project = generator::config::Project::load(f.root()).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let stored = runtime.block_on(async {
        let store = generator::store::open(&project, &Default::default())
            .await
            .unwrap();
        store.load(&id).await.unwrap().unwrap().invite
    });
    let hash = stored.token_hash().unwrap();
    assert!(token.hash().matches(&hash), "the new token opens it");
    assert!(!old.hash().matches(&hash), "the old token does not");
}

fn invites_lists_time_limit_submission_and_verdict(f: &Fixture) {
    let (id, _) = f.invite();
    assert_eq!(f.cell(&id, "TIME LIMIT").as_deref(), Some("30m"));
    assert_eq!(f.cell(&id, "SUBMITTED").as_deref(), Some("-"));
    assert_eq!(f.cell(&id, "VERDICT").as_deref(), Some("-"));
    f.submit(&id, "request_changes");
    let submitted = f.cell(&id, "SUBMITTED").unwrap();
    assert!(
        submitted.starts_with("20") && submitted.ends_with('Z'),
        "{submitted}"
    );
    assert_eq!(f.cell(&id, "VERDICT").as_deref(), Some("request_changes"));
}

const CASES: [fn(&Fixture); 4] = [
    reopen_lifts_a_revocation,
    invites_and_export_agree_after_a_reopen,
    relink_keeps_the_id,
    invites_lists_time_limit_submission_and_verdict,
];

/// One test per case on SQLite, each on a fresh project; on DynamoDB the cases run in one test.
macro_rules! on_sqlite {
    ($($case:ident => $test:ident,)*) => {
        $(
            #[test]
            fn $test() {
                $case(&Fixture::sqlite());
            }
        )*
    };
}

on_sqlite! {
    reopen_lifts_a_revocation => reopen_lifts_a_revocation_on_sqlite,
    invites_and_export_agree_after_a_reopen => invites_and_export_agree_after_a_reopen_on_sqlite,
    relink_keeps_the_id => relink_keeps_the_id_on_sqlite,
    invites_lists_time_limit_submission_and_verdict => invites_lists_time_limit_submission_and_verdict_on_sqlite,
}

#[test]
#[ignore = "needs dynalite: scripts/test.sh stores"]
fn every_case_on_dynamodb() {
    let f = Fixture::dynamodb();
    for case in CASES {
        case(&f);
    }
}

/// The spellings before the subcommands: each flag still does its one thing (with a note), two
/// are refused instead of one being ignored, and a flag beside a new invite's arguments too.
#[test]
fn the_old_flags_work_one_at_a_time() {
    let f = Fixture::sqlite();
    let (ok, link, err) = f.cli(&["invite", "demo-review", "--candidate", "Ann"]);
    assert!(ok && link.contains("#invite=rr2_"), "{err}");
    let (a, _) = f.invite();
    let (b, _) = f.invite();

    let (ok, out, err) = f.cli(&["invite", "--revoke", &a, "--delete", &b]);
    assert!(!ok, "two changes in one command: {out}");
    assert!(
        err.contains("--revoke") && err.contains("--delete"),
        "{err}"
    );
    assert_eq!(
        f.cell(&a, "STATE").as_deref(),
        Some("invited"),
        "nothing applied"
    );
    assert!(f.cell(&b, "STATE").is_some(), "nothing deleted");

    let (ok, _, err) = f.cli(&[
        "invite",
        "demo-review",
        "--candidate",
        "Ann",
        "--revoke",
        &a,
    ]);
    assert!(!ok, "a change beside a new invite's arguments");
    assert!(err.contains("--revoke"), "{err}");

    let (ok, _, err) = f.cli(&["invite", "--revoke", &a]);
    assert!(ok, "{err}");
    assert!(
        err.contains("reviewroom invite revoke"),
        "the new spelling is named: {err}"
    );
    assert_eq!(f.cell(&a, "STATE").as_deref(), Some("revoked"));
    let (ok, out, err) = f.cli(&["invite", "--extend", &a, "3d"]);
    assert!(ok && out.contains("until"), "{err}");
    let (ok, _, err) = f.cli(&["invite", "--reopen", &a]);
    assert!(ok, "{err}");
    assert_eq!(f.cell(&a, "STATE").as_deref(), Some("invited"));
    let (ok, out, err) = f.cli(&["invite", "--relink", &a]);
    assert!(ok && out.contains(&a), "{err}");
    let (ok, _, err) = f.cli(&["invite", "--delete", &b]);
    assert!(ok, "{err}");
    assert_eq!(f.cell(&b, "STATE"), None);

    let (ok, _, err) = f.cli(&["invite", "relink", &a, "--candidate", "X"]);
    assert!(!ok, "a subcommand takes no new invite's arguments: {err}");
    let (ok, _, err) = f.cli(&["invite", "delete", &b]);
    assert!(!ok && err.contains(&b), "{err}");
    let (ok, _, err) = f.cli(&["invite", "revoke", "NOT-AN-ID"]);
    assert!(!ok && err.contains("not an invite id"), "{err}");
}
