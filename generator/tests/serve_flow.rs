//! End to end over HTTP: `reviewroom serve` on a free port in a temp project, an invite from
//! `reviewroom invite`, the candidate's whole flow, then everything read back from the store.

mod support;

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Kills the server when the test ends, even on a failed assertion.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One request to the server on `port`, with the candidate's token when given.
fn request(
    port: u16,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> (u16, String, String) {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let bearer = token.map(|t| format!("Bearer {t}"));
    let mut headers = Vec::new();
    if let Some(bearer) = &bearer {
        headers.push(("Authorization", bearer.as_str()));
    }
    if !body.is_empty() {
        headers.push(("Content-Type", "application/json"));
    }
    let host = format!("127.0.0.1:{port}");
    let answer = support::http::request(&host, method, path, &headers, &body);
    (answer.status, answer.headers, answer.body)
}

fn api(port: u16, method: &str, path: &str, token: &str, body: Option<Value>) -> (u16, Value) {
    let (status, headers, text) = request(port, method, path, Some(token), body.as_ref());
    assert!(headers.contains("cache-control: no-store"), "{headers}");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// `reviewroom serve` on a free port in a copy of the demo project: the project, the port and
/// the server, stopped when dropped.
fn serving() -> (tempfile::TempDir, u16, Server) {
    let tmp = support::demo_project();
    let port = support::free_port();
    let server = start_server(tmp.path(), port);
    (tmp, port, server)
}

/// `POST /api/submissions` with `body`.
fn submit(port: u16, token: &str, body: Value) -> (u16, Value) {
    api(port, "POST", "/api/submissions", token, Some(body))
}

fn start_server(root: &Path, port: u16) -> Server {
    start_server_with(root, port, &[]).0
}

/// `reviewroom serve --port PORT EXTRA...`, once it serves, with what it printed before.
fn start_server_with(root: &Path, port: u16, extra: &[&str]) -> (Server, Vec<String>) {
    let mut child = support::reviewroom(root)
        .args(["serve", "--port", &port.to_string()])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    support::forward_lines(&mut child, move |line| {
        let _ = tx.send(line);
    });
    let mut server = Server(child);
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(line) if line.starts_with("serving ") => return (server, seen),
            Ok(line) => seen.push(line),
            Err(_) => {
                if let Ok(Some(status)) = server.0.try_wait() {
                    panic!("reviewroom serve exited ({status}): {seen:#?}");
                }
            }
        }
    }
    panic!("reviewroom serve did not start: {seen:#?}");
}

/// Serving the demo again prints the same demo invite's same link (a tab in the middle of the
/// demo keeps working), not one more invite; once that invite is closed, a new one.
#[test]
fn serving_the_demo_again_prints_the_same_link() {
    let tmp = support::demo_project();
    let root = tmp.path();
    let demo = || {
        let (server, seen) = start_server_with(root, support::free_port(), &["--demo"]);
        drop(server);
        let at = seen
            .iter()
            .position(|l| l.starts_with("demo invite "))
            .unwrap_or_else(|| panic!("no demo invite in {seen:#?}"));
        let id = seen[at].split_whitespace().nth(2).unwrap().to_string();
        // The path and token, without the origin: each run serves on its own port.
        let link = seen[at + 1].trim();
        let (_, path) = link.split_once("/s/").unwrap_or_else(|| panic!("{link}"));
        (id, path.to_string())
    };
    let (first_id, first_link) = demo();
    let (second_id, second_link) = demo();
    assert_eq!(first_id, second_id, "the same demo invite");
    assert_eq!(first_link, second_link, "with the same link");
    let listing = support::succeeds(support::reviewroom(root).arg("invites"));
    assert_eq!(
        listing.matches("Demo candidate").count(),
        1,
        "one demo invite:\n{listing}"
    );
    support::succeeds(support::reviewroom(root).args(["invite", "revoke", &first_id]));
    let (third_id, _) = demo();
    assert_ne!(
        third_id, first_id,
        "a revoked demo invite is not printed again"
    );
}

#[test]
fn candidate_flow_over_http() {
    let (tmp, port, _server) = serving();
    let root = tmp.path();

    // The demo invite printed by serve is not needed: mint one as an interviewer would.
    let invite = [
        "invite",
        "demo-review",
        "--candidate",
        "Cy",
        "--ref",
        "ats-9",
        "--time-limit",
        "45m",
    ];
    let out = support::succeeds(support::reviewroom(root).args(invite));
    let link = out.trim().to_string();
    let (page, token) = link.split_once("#invite=").unwrap();
    let page_path = &page[page.find("/s/").unwrap()..];

    let (status, _, html) = request(port, "GET", page_path, None, None);
    assert_eq!(status, 200);
    assert!(html.contains("<html"), "the scenario page is served");
    let (status, _, _) = request(port, "GET", "/s/nothing-here/", None, None);
    assert_eq!(status, 404);

    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join(".reviewroom/manifests/demo-review.json")).unwrap(),
    )
    .unwrap();
    let file = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["modified_lines"].as_u64().unwrap_or(0) > 0)
        .unwrap()["path"]
        .as_str()
        .unwrap()
        .to_string();

    let (status, session) = api(port, "GET", "/api/session", token, None);
    assert_eq!(status, 200, "{session}");
    assert_eq!(session["state"], "not_started");
    assert_eq!(session["scenario_hash"], manifest["scenario_hash"]);
    let (status, session) = api(port, "POST", "/api/session/start", token, None);
    assert_eq!((status, session["state"].as_str()), (200, Some("started")));
    assert!(session["deadline"].is_string());

    let comment = json!({"id": "c1", "file": file, "side": "modified", "start_line": 1,
        "end_line": 1, "body": "why?", "updated_at": "2026-01-01T00:00:00Z"});
    let first = json!({"version": 0, "save_id": "save-1", "review": {"summary": "first"}});
    let (status, saved) = api(port, "PUT", "/api/draft", token, Some(first.clone()));
    assert_eq!(
        (status, saved["version"].as_u64()),
        (200, Some(1)),
        "{saved}"
    );
    let (status, retried) = api(port, "PUT", "/api/draft", token, Some(first));
    assert_eq!(
        (status, retried["version"].as_u64()),
        (200, Some(1)),
        "a retried save"
    );
    let second = json!({"version": 1, "save_id": "save-2",
        "review": {"summary": "second", "comments": [comment.clone()]}});
    let (status, saved) = api(port, "PUT", "/api/draft", token, Some(second));
    assert_eq!((status, saved["version"].as_u64()), (200, Some(2)));

    let submission = json!({"submission_id": "sub-1", "verdict": "request_changes",
        "summary": "final", "comments": [comment], "elapsed_seconds": 300});
    let (status, receipt) = submit(port, token, submission.clone());
    assert_eq!(status, 201, "{receipt}");
    let (status, replay) = submit(port, token, submission.clone());
    assert_eq!((status, &replay), (200, &receipt));
    let mut other = submission;
    other["submission_id"] = json!("sub-2");
    let (status, refused) = submit(port, token, other);
    assert_eq!(
        (status, refused["error"]["code"].as_str()),
        (409, Some("already_submitted"))
    );
    assert_eq!(refused["submission_id"], "sub-1");

    // Read it all back through the store, as export does.
    let project = generator::config::Project::load(root).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let states = runtime.block_on(async {
        let store = generator::store::open(&project, &Default::default())
            .await
            .unwrap();
        store.list(Some("demo-review")).await.unwrap()
    });
    let state = states.iter().find(|s| s.invite.candidate == "Cy").unwrap();
    assert_eq!(state.invite.reference.as_deref(), Some("ats-9"));
    assert_eq!(state.invite.time_limit_seconds, Some(45 * 60));
    assert!(state.invite.opened_at.is_some() && state.invite.started_at.is_some());
    let draft = state.draft.as_ref().unwrap();
    assert_eq!((draft.version, draft.save_id.as_str()), (2, "save-2"));
    assert_eq!(state.submissions.len(), 1);
    let stored = &state.submissions[0];
    assert_eq!(stored.submission_id, "sub-1");
    let review: Value = serde_json::from_str(&stored.review).unwrap();
    assert_eq!(review["summary"], "final");
    assert_eq!(review["comments"][0]["file"], file.as_str());

    let out = support::reviewroom(root)
        .args(["invites", "--scenario", "demo-review"])
        .output()
        .unwrap();
    let listing = String::from_utf8(out.stdout).unwrap();
    let line = listing.lines().find(|l| l.contains("Cy")).unwrap();
    assert!(
        line.contains("submitted") && line.contains(&state.invite.id),
        "{listing}"
    );
}

/// `serve --port P` in one shell, then `invite` and `catalog` in another, with no base_url:
/// the links they print use port P and open (docs/design.md §4).
#[test]
fn links_printed_while_serving_use_the_served_port() {
    let (tmp, port, _server) = serving();
    let root = tmp.path();
    let run = |args: &[&str]| {
        let out = support::reviewroom(root).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{args:?}: {stderr}");
        (String::from_utf8(out.stdout).unwrap(), stderr)
    };
    let origin = format!("http://127.0.0.1:{port}");
    let (link, stderr) = run(&["invite", "demo-review", "--candidate", "Ann"]);
    let path = link.trim().strip_prefix(&origin).unwrap_or_else(|| {
        panic!("the link is not on the served port {port}: {link}");
    });
    assert!(!stderr.contains("note:"), "the server answers: {stderr}");
    let page = path.split('#').next().unwrap();
    assert_eq!(request(port, "GET", page, None, None).0, 200, "{link}");

    let catalog = root.join("catalog-out");
    run(&["catalog", "--out", catalog.to_str().unwrap()]);
    let text: String = walkdir::WalkDir::new(&catalog)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    assert!(
        text.contains(&format!("{origin}/s/")),
        "catalog links: {text:.400}"
    );
    assert!(
        !text.contains("127.0.0.1:8080"),
        "no link on the default port"
    );
}
