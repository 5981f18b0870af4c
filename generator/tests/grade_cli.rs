//! `reviewroom grade` as an interviewer runs it: the page on loopback, saves refused without the
//! page's origin, JSON or a valid grade (each naming its field), a saved grade in the store, and
//! `export` then showing the confirmed result beside the suggestion.

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};

use generator::cli::StoreArgs;
use generator::config::Project;
use submit_fn::store::{Submission, now};

/// A fixed path secret (32 zero bytes): the DynamoDB store takes it only from the environment.
const SECRET: &str = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/// A project with the demo scenario on the default store (SQLite).
fn project() -> tempfile::TempDir {
    project_with("")
}

/// A project with the demo scenario and `config` as its reviewroom.toml.
fn project_with(config: &str) -> tempfile::TempDir {
    let tmp = support::demo_project();
    std::fs::write(tmp.path().join("reviewroom.toml"), config).unwrap();
    tmp
}

fn cli(root: &Path, args: &[&str]) -> String {
    let out = support::reviewroom(root)
        .args(args)
        .env("REVIEWROOM_SECRET", SECRET)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned() + &stderr
}

/// An invite of the demo scenario with a submitted review: one comment on each key issue and
/// one that addresses neither.
fn submitted(root: &Path) -> String {
    cli(root, &["build"]);
    let out = cli(root, &["invite", "demo-review", "--candidate", "Ada L."]);
    let id = regex::Regex::new(r"invite ([a-z2-7]{16})")
        .unwrap()
        .captures(&out)
        .unwrap()[1]
        .to_string();
    let [c1, c2] = support::comments_on_the_key();
    let review = serde_json::json!({
        "verdict": "request_changes",
        "summary": "Two problems.",
        "comments": [
            c1, c2,
            {"id": "c3", "file": "src/api/client.ts", "side": "modified",
             "body": "No tests for the client.", "updated_at": "2026-03-02T10:31:00Z"}
        ]
    });
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let project = Project::load(root).unwrap();
        let store = generator::store::open(&project, &StoreArgs::default())
            .await
            .unwrap();
        let submission = Submission {
            round: 0,
            submission_id: "sub-1".into(),
            body_hash: "00".repeat(32),
            review: review.to_string(),
            received_at: now(),
            late_seconds: 0,
            server_elapsed_seconds: None,
        };
        store.submit(&id, &submission).await.unwrap();
    });
    id
}

/// Stops the grade server when the test ends, however it ends.
struct Server {
    child: Child,
    host: String,
    path: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// The grading page, as the grader's browser loads it.
    fn page(&self) -> String {
        request(self, "GET", &self.path, &[], "").1
    }

    /// Saves `body` as the page does: JSON from the page's own origin.
    fn save(&self, body: &str) -> (u16, String) {
        let origin = format!("http://{}", self.host);
        let headers = [("Content-Type", "application/json"), ("Origin", &origin)];
        request(self, "POST", &self.path, &headers, body)
    }
}

fn grade(root: &Path, id: &str, grader: &str) -> Server {
    let mut child = support::reviewroom(root)
        .args(["grade", id, "--grader", grader])
        .env("REVIEWROOM_SECRET", SECRET)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines
            .next()
            .expect("the grade server printed no address")
            .unwrap();
        if let Some(at) = line.find("http://") {
            break line[at + "http://".len()..].trim().to_string();
        }
    };
    // Keep reading stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    let (host, path) = url.split_at(url.find('/').unwrap());
    assert!(host.starts_with("127.0.0.1:"), "{host}");
    Server {
        child,
        host: host.to_string(),
        path: path.to_string(),
    }
}

/// One request to the grade server: (status, body).
fn request(
    server: &Server,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, String) {
    let answer = support::http::request(&server.host, method, path, headers, body);
    (answer.status, answer.body)
}

/// The page's fields as a complete grade: every issue `outcome`, every suggested match
/// confirmed, every extra valid.
fn grade_from_page(page: &str, outcome: &str) -> serde_json::Value {
    let fields = regex::Regex::new(r#"data-field="([^"]+)""#).unwrap();
    let mut grade = serde_json::json!({"issues": {}, "extras": {}, "notes": "Probe the retry bound.", "recommendation": "yes"});
    for field in fields.captures_iter(page).map(|c| c[1].to_string()) {
        let parts: Vec<&str> = field.trim_start_matches('/').split('/').collect();
        match parts.as_slice() {
            ["issues", id] => grade["issues"][*id]["outcome"] = outcome.into(),
            ["issues", id, "matches", comment] => {
                grade["issues"][*id]["matches"][*comment] = "confirmed".into()
            }
            ["extras", comment] => grade["extras"][*comment] = "valid".into(),
            _ => {}
        }
    }
    grade
}

#[test]
fn a_grade_posted_on_loopback_is_stored_and_exported_as_confirmed() {
    let tmp = project();
    let root = tmp.path();
    let id = submitted(root);
    let before = cli(root, &["export", "--invite", &id, "--format", "md"]);
    assert!(
        before.contains("## Results, suggested by scoring"),
        "{before}"
    );

    let server = grade(root, &id, "Barbara");
    let (status, page) = request(&server, "GET", &server.path, &[], "");
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("Grade: Ada L.")
            && page.contains("Grading as <strong class=\"grader\">Barbara</strong>"),
        "{page}"
    );
    assert!(
        page.contains("SQL injection here?"),
        "the candidate's comment beside its match"
    );
    let (status, _) = request(
        &server,
        "GET",
        "/grade/0123456789abcdef0123456789abcdef",
        &[],
        "",
    );
    assert_eq!(status, 404, "another token finds nothing");
    let (status, _) = request(
        &server,
        "GET",
        &server.path,
        &[("Host", "evil.example")],
        "",
    );
    assert_eq!(status, 403, "a rebound name is refused");

    let origin = format!("http://{}", server.host);
    let json = ("Content-Type", "application/json");
    let grade = grade_from_page(&page, "found");
    assert!(grade["extras"]["c3"] == "valid", "{grade}");
    let body = grade.to_string();
    let (status, answer) = request(&server, "POST", &server.path, &[json], &body);
    assert_eq!(status, 403, "no origin: {answer}");
    let (status, _) = request(
        &server,
        "POST",
        &server.path,
        &[json, ("Origin", "http://evil.example")],
        &body,
    );
    assert_eq!(status, 403, "another origin");
    let (status, _) = request(
        &server,
        "POST",
        &server.path,
        &[("Content-Type", "text/plain"), ("Origin", &origin)],
        &body,
    );
    assert_eq!(status, 415, "a form post");
    let mut missing = grade.clone();
    missing.as_object_mut().unwrap().remove("recommendation");
    let (status, answer) = server.save(&missing.to_string());
    assert_eq!(status, 422, "{answer}");
    let answer: serde_json::Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(answer["error"]["field"], "/recommendation", "{answer}");
    let (status, answer) = server.save("{not json");
    assert_eq!(status, 400, "{answer}");

    let (status, answer) = server.save(&body);
    assert_eq!(status, 200, "{answer}");
    let answer: serde_json::Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(
        (answer["grader"].as_str(), answer["review_id"].as_str()),
        (Some("Barbara"), Some("sub-1"))
    );
    let page = server.page();
    assert!(
        page.contains(" checked>") && page.contains("Probe the retry bound."),
        "the saved grade fills the page"
    );
    drop(server);

    let md = cli(root, &["export", "--invite", &id, "--format", "md"]);
    assert!(md.contains("## Results, confirmed by Barbara"), "{md}");
    assert!(md.contains("found, confirmed by Barbara"), "{md}");
    assert!(
        md.contains("### Graded by Barbara: Yes") && md.contains("> Probe the retry bound."),
        "{md}"
    );
    let json: serde_json::Value = serde_json::from_str(
        &cli(root, &["export", "--invite", &id, "--format", "json"])
            .lines()
            .take_while(|l| !l.starts_with("warning"))
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    assert_eq!(
        json["records"][0]["results"]["sql-injection-qx7"]["label"],
        "found, confirmed by Barbara"
    );
}

#[test]
fn a_second_grader_sees_the_first_grade_only_after_saving() {
    two_graders_then_compare(&project());
}

/// Run by scripts/test.d/20-stores.sh, which starts dynalite and sets REVIEWROOM_TEST_DYNAMODB.
#[test]
#[ignore = "needs dynalite: scripts/test.sh stores"]
fn two_graders_on_dynamodb() {
    let endpoint = std::env::var("REVIEWROOM_TEST_DYNAMODB")
        .expect("REVIEWROOM_TEST_DYNAMODB (run scripts/test.sh stores, which starts dynalite)");
    let table = format!("grade-{}", std::process::id());
    two_graders_then_compare(&project_with(&format!(
        "[store]\nkind = \"dynamodb\"\ntable = \"{table}\"\nendpoint_url = \"{endpoint}\"\n"
    )));
}

/// Two graders grade one submitted review in turn; the second sees the first's grade only after
/// saving, and `compare` shows where they disagree.
fn two_graders_then_compare(tmp: &tempfile::TempDir) {
    let root = tmp.path();
    let id = submitted(root);
    let first = grade(root, &id, "Barbara");
    let page = first.page();
    let (status, _) = first.save(&grade_from_page(&page, "found").to_string());
    assert_eq!(status, 200);
    drop(first);

    let second = grade(root, &id, "Edsger");
    let page = second.page();
    assert!(
        !page.contains("Barbara"),
        "Barbara's grade stays hidden before Edsger saves"
    );
    assert!(
        page.contains("1 other grade of this review stays hidden"),
        "{page}"
    );
    let (status, _) = second.save(&grade_from_page(&page, "partly").to_string());
    assert_eq!(status, 200);
    let page = second.page();
    assert!(
        page.contains("Barbara: <strong>found</strong>"),
        "shown once both are saved:\n{page}"
    );
    drop(second);

    let compare = cli(root, &["compare", "demo-review"]);
    assert!(compare.contains("## Where graders disagree"), "{compare}");
    assert!(
        compare.contains("found by Barbara, partly by Edsger"),
        "{compare}"
    );
}
