//! Simulated candidates against the API on a local server: each saves N drafts and submits
//! once over a keep-alive connection, with random duplicate requests (sequential and
//! concurrent) and retries on 503 or a dropped connection. Afterwards every acknowledged submission must be
//! stored exactly once; a violation exits non-zero. Prints throughput and p50/p99 latency.
//!
//! `cargo run -p submit-fn --example load -- --store sqlite|dynamodb|bare [--candidates 200]
//! [--drafts 20] [--pause-pid PID --pause-secs 10]`. `dynamodb` needs REVIEWROOM_TEST_DYNAMODB;
//! `--pause-pid` stops that process (SIGSTOP) for a while mid-run, then resumes it (SIGCONT).
//! `bare` is one axum route doing nothing: the ceiling for this machine.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use submit_fn::model::{FileStatus, Manifest, ManifestFile};
use submit_fn::store::{DynamoStore, Invite, ReviewStore, SqliteStore, now};
use submit_fn::token::Token;
use submit_fn::{AppState, app};
use tokio::sync::Mutex;

mod client;

use client::{Client, connected};

struct Options {
    store: String,
    candidates: usize,
    drafts: u64,
    pause_pid: Option<u32>,
    pause_secs: u64,
}

fn options() -> Options {
    let mut o = Options {
        store: "sqlite".into(),
        candidates: 200,
        drafts: 20,
        pause_pid: None,
        pause_secs: 10,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value = pair.get(1).cloned().unwrap_or_default();
        match pair[0].as_str() {
            "--store" => o.store = value,
            "--candidates" => o.candidates = value.parse().expect("--candidates N"),
            "--drafts" => o.drafts = value.parse().expect("--drafts N"),
            "--pause-pid" => o.pause_pid = Some(value.parse().expect("--pause-pid PID")),
            "--pause-secs" => o.pause_secs = value.parse().expect("--pause-secs N"),
            other => panic!("unknown option {other}"),
        }
    }
    o
}

/// Latencies of answered requests and counts of what came back.
#[derive(Default)]
struct Stats {
    latencies: Mutex<Vec<Duration>>,
    unavailable: AtomicU64,
    /// 503 answers without a Retry-After header: each is a failure.
    no_retry_after: AtomicU64,
    dropped: AtomicU64,
    requests: AtomicU64,
}

/// A small xorshift: duplicate decisions without a rand dependency.
struct Rng(u64);

impl Rng {
    fn chance(&mut self, percent: u64) -> bool {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % 100 < percent
    }
}

/// Sends until an answer other than 503 arrives (bounded), waiting as told by Retry-After.
async fn until_answered(
    stats: &Stats,
    client: &mut Client,
    method: &str,
    path: &str,
    token: &str,
    body: &str,
) -> (u16, Value) {
    for _ in 0..60 {
        if !client.connect().await {
            stats.dropped.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_millis(200)).await;
            continue;
        }
        let started = Instant::now();
        stats.requests.fetch_add(1, Ordering::Relaxed);
        match client.send(method, path, token, body).await {
            Some((503, _, retry_after)) => {
                stats.unavailable.fetch_add(1, Ordering::Relaxed);
                if retry_after.is_none() {
                    stats.no_retry_after.fetch_add(1, Ordering::Relaxed);
                }
                let wait = retry_after.unwrap_or(2).min(60);
                tokio::time::sleep(Duration::from_secs(wait)).await;
            }
            Some((status, body, _)) => {
                stats.latencies.lock().await.push(started.elapsed());
                return (status, body);
            }
            None => {
                stats.dropped.fetch_add(1, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
    panic!("{method} {path}: no answer after 60 tries");
}

/// `POST /api/submissions`, until answered.
async fn submit(stats: &Stats, client: &mut Client, token: &str, body: &str) -> (u16, Value) {
    until_answered(stats, client, "POST", "/api/submissions", token, body).await
}

fn manifest() -> Manifest {
    Manifest {
        version: 1,
        scenario: "load".into(),
        scenario_hash: "load".into(),
        secret_fingerprint: "00000000".into(),
        path: "/s/aaaaaaaaaaaaaaaa/".into(),
        files: vec![ManifestFile {
            path: "src/main.rs".into(),
            old_path: None,
            status: FileStatus::Modified,
            original_lines: 100,
            modified_lines: 120,
        }],
    }
}

/// One candidate: drafts with duplicates, then one submission, sometimes sent twice at once.
async fn candidate(
    i: usize,
    mut client: Client,
    token: String,
    drafts: u64,
    stats: Arc<Stats>,
) -> Result<String, String> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ ((i as u64 + 1) * 0x1000_0001));
    let mut second = Client::new(client.port);
    for version in 0..drafts {
        let body = json!({"version": version, "save_id": format!("{i}-{version}"),
            "review": {"summary": format!("draft {version}"), "comments": [{"id": "c", "file": "src/main.rs",
            "side": "modified", "start_line": 1 + version as u32, "end_line": 2 + version as u32,
            "body": "look", "updated_at": "2026-01-01T00:00:00Z"}]}})
        .to_string();
        let sends = if rng.chance(20) { 2 } else { 1 };
        for _ in 0..sends {
            let (status, answer) =
                until_answered(&stats, &mut client, "PUT", "/api/draft", &token, &body).await;
            if status != 200 || answer["version"] != version + 1 {
                return Err(format!("candidate {i} draft {version}: {status} {answer}"));
            }
        }
    }
    let submission_id = format!("sub-{i}");
    let body = json!({"submission_id": submission_id, "verdict": "comment", "summary": "done",
        "comments": [], "elapsed_seconds": 1})
    .to_string();
    let mut answers = Vec::new();
    if rng.chance(30) {
        let (a, b) = tokio::join!(
            submit(&stats, &mut client, &token, &body),
            submit(&stats, &mut second, &token, &body)
        );
        answers.extend([a, b]);
    } else {
        answers.push(submit(&stats, &mut client, &token, &body).await);
    }
    if rng.chance(20) {
        answers.push(submit(&stats, &mut client, &token, &body).await);
    }
    let created = answers.iter().filter(|(s, _)| *s == 201).count();
    for (status, answer) in &answers {
        if !(*status == 201 || *status == 200) || answer["submission_id"] != submission_id.as_str()
        {
            return Err(format!("candidate {i} submission: {status} {answer}"));
        }
    }
    if created > 1 {
        return Err(format!("candidate {i}: {created} submissions created"));
    }
    Ok(submission_id)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

async fn bare(o: &Options) {
    let router = axum::Router::new().route("/api/health", axum::routing::get(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(listener, router).await });
    let stats = Arc::new(Stats::default());
    // Ten times the candidates' count: the bare route is too fast to time otherwise.
    let per = 10 * (o.drafts as usize + 1);
    let clients = connected(port, o.candidates).await;
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for mut client in clients {
        let stats = stats.clone();
        tasks.spawn(async move {
            for _ in 0..per {
                until_answered(&stats, &mut client, "GET", "/api/health", "x", "").await;
            }
        });
    }
    while tasks.join_next().await.is_some() {}
    report("bare", &stats, started.elapsed()).await;
}

async fn report(name: &str, stats: &Stats, elapsed: Duration) {
    let mut latencies = stats.latencies.lock().await.clone();
    latencies.sort();
    println!(
        "{name}: {} requests in {:.1} s = {:.0} req/s; p50 {:.1} ms, p99 {:.1} ms; 503s {}, dropped {}",
        stats.requests.load(Ordering::Relaxed),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        percentile(&latencies, 0.5).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
        stats.unavailable.load(Ordering::Relaxed),
        stats.dropped.load(Ordering::Relaxed),
    );
}

#[tokio::main]
async fn main() {
    let o = options();
    if o.store == "bare" {
        return bare(&o).await;
    }
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn ReviewStore> = match o.store.as_str() {
        "sqlite" => Arc::new(SqliteStore::open(&dir.path().join("load.sqlite3"), None).unwrap()),
        "dynamodb" => {
            let endpoint =
                std::env::var("REVIEWROOM_TEST_DYNAMODB").expect("REVIEWROOM_TEST_DYNAMODB");
            let table = format!("load-{}", Token::mint().unwrap().invite_id());
            let store = DynamoStore::connect(&table, None, Some(&endpoint), None).await;
            store.create_table().await.unwrap();
            Arc::new(store)
        }
        other => panic!("unknown store {other}"),
    };
    let mut tokens = Vec::new();
    for _ in 0..o.candidates {
        let token = Token::mint().unwrap();
        let at = now();
        let invite = Invite {
            time_limit_seconds: Some(3600),
            ..Invite::new(&token, manifest(), "Load", at, at + time::Duration::days(1))
        };
        store.create_invite(&invite).await.unwrap();
        tokens.push(token);
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let router = app(AppState::new(store.clone()));
    tokio::spawn(async move { axum::serve(listener, router).await });

    let stats = Arc::new(Stats::default());
    let clients = connected(port, tokens.len()).await;
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for ((i, token), client) in tokens.iter().enumerate().zip(clients) {
        tasks.spawn(candidate(
            i,
            client,
            token.as_str().to_string(),
            o.drafts,
            stats.clone(),
        ));
    }
    if let Some(pid) = o.pause_pid {
        tokio::time::sleep(Duration::from_secs(1)).await;
        println!("pausing process {pid} for {} s", o.pause_secs);
        let stop = std::process::Command::new("kill")
            .args(["-STOP", &pid.to_string()])
            .status()
            .unwrap();
        assert!(stop.success(), "cannot stop {pid}");
        tokio::time::sleep(Duration::from_secs(o.pause_secs)).await;
        std::process::Command::new("kill")
            .args(["-CONT", &pid.to_string()])
            .status()
            .unwrap();
        println!("resumed process {pid}");
    }
    let mut acknowledged = Vec::new();
    let mut failures = Vec::new();
    while let Some(done) = tasks.join_next().await {
        match done.expect("candidate task") {
            Ok(id) => acknowledged.push(id),
            Err(e) => failures.push(e),
        }
    }
    report(&o.store, &stats, started.elapsed()).await;

    for (i, token) in tokens.iter().enumerate() {
        let state = store
            .load(&token.invite_id())
            .await
            .unwrap()
            .expect("invite");
        let wanted = format!("sub-{i}");
        let matching = state
            .submissions
            .iter()
            .filter(|s| s.submission_id == wanted)
            .count();
        if acknowledged.contains(&wanted) && (matching != 1 || state.submissions.len() != 1) {
            failures.push(format!(
                "candidate {i}: {} submissions stored",
                state.submissions.len()
            ));
        }
        if state.draft.as_ref().map(|d| d.version) != Some(o.drafts) {
            failures.push(format!(
                "candidate {i}: draft {:?}",
                state.draft.map(|d| d.version)
            ));
        }
    }
    if stats.no_retry_after.load(Ordering::Relaxed) > 0 {
        failures.push("a 503 came without Retry-After".into());
    }
    if o.pause_pid.is_some() && stats.unavailable.load(Ordering::Relaxed) == 0 {
        failures.push("the store was paused but the API never answered 503".into());
    }
    println!(
        "{}: {} of {} submissions acknowledged, each stored exactly once: {}",
        o.store,
        acknowledged.len(),
        o.candidates,
        failures.is_empty()
    );
    if !failures.is_empty() || acknowledged.len() != o.candidates {
        for f in failures.iter().take(20) {
            eprintln!("{f}");
        }
        std::process::exit(1);
    }
}
