//! Export benchmark (run by scripts/bench.sh, not CI): stores N submitted reviews in a real
//! store, then times `list` + scoring + writing JSON and CSV, as `reviewroom export` does.
//! On SQLite the peer is the floor any exporter has: one SELECT of the same rows, each
//! written out as JSON with serde_json, no scoring; the ratio to it is printed.
//!
//!   cargo run --release -p generator --example bench_export -- sqlite 10000
//!   cargo run --release -p generator --example bench_export -- dynamodb 10000 http://127.0.0.1:8001

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use generator::cli::{ExportFormat, StoreArgs};
use generator::config::Project;
use generator::export::{self, collect::ScenarioContext};
use generator::scenario;
use generator::site::manifest::{manifest, scenario_hash};
use submit_fn::store::{Invite, ReviewStore, Submission};

fn review(i: usize) -> String {
    let comments: Vec<serde_json::Value> = (0..10)
        .map(|c| {
            serde_json::json!({
                "id": format!("c{c}"), "file": "src/api/client.ts", "side": "modified",
                "start_line": 10 + c, "end_line": 11 + c, "severity": "minor",
                "body": format!("Comment {c} of review {i}: this retry loop needs a bound and a test."),
                "updated_at": "2026-03-02T10:20:00Z"
            })
        })
        .collect();
    serde_json::json!({"submission_id": format!("s{i}"), "verdict": "comment",
        "summary": "Overall fine.", "elapsed_seconds": 1800, "comments": comments})
    .to_string()
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let kind = args.first().map(String::as_str).unwrap_or("sqlite");
    let count: usize = args
        .get(1)
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(10_000);
    let dir = tempfile::tempdir()?;
    let config = match kind {
        "sqlite" => "[store]\nkind = \"sqlite\"\n".to_string(),
        _ => format!(
            "[store]\nkind = \"dynamodb\"\ntable = \"bench-{}\"\nendpoint_url = \"{}\"\n",
            std::process::id(),
            args.get(2)
                .map(String::as_str)
                .unwrap_or("http://127.0.0.1:8001")
        ),
    };
    std::fs::write(dir.path().join("reviewroom.toml"), config)?;
    let project = Project::load(dir.path())?;
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios/demo-review");
    let context = ScenarioContext::new(scenario::load(&fixture)?);
    let hash = scenario_hash(&context.scenario);
    let manifest = manifest(&context.scenario, &hash, "0badf00d", "/s/aaaaaaaaaaaaaaaa/");
    let runtime = generator::store::runtime()?;

    let store: Arc<dyn ReviewStore> =
        runtime.block_on(generator::store::open(&project, &StoreArgs::default()))?;
    let started = Instant::now();
    runtime.block_on(async {
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..count {
            let store = store.clone();
            let manifest = manifest.clone();
            tasks.spawn(async move {
                let now = submit_fn::store::now();
                let id = format!("{i:016}");
                let invite = Invite {
                    id: id.clone(),
                    token_hash: "00".repeat(32),
                    scenario: "demo-review".into(),
                    manifest,
                    candidate: format!("Candidate {i}"),
                    reference: None,
                    created_at: now,
                    expires_at: now + time::Duration::days(7),
                    time_limit_seconds: Some(3600),
                    revoked_at: None,
                    opened_at: Some(now),
                    started_at: Some(now),
                    round: 0,
                };
                store.create_invite(&invite).await?;
                let submission = Submission {
                    round: 0,
                    submission_id: format!("s{i}"),
                    body_hash: "11".repeat(32),
                    review: review(i),
                    received_at: now,
                    late_seconds: 0,
                    server_elapsed_seconds: Some(0),
                };
                store.submit(&id, &submission).await?;
                anyhow::Ok(())
            });
            while tasks.len() >= 32 {
                tasks.join_next().await.transpose()?.transpose()?;
            }
        }
        while let Some(done) = tasks.join_next().await {
            done??;
        }
        anyhow::Ok(())
    })?;
    let stored = started.elapsed();

    let floor = (kind == "sqlite")
        .then(|| raw_dump(&dir.path().join(".reviewroom/reviews.sqlite3")))
        .transpose()?;
    if let Some((seconds, rows, bytes)) = floor {
        println!(
            "peer   raw SELECT + serde_json: {rows} reviews in {seconds:.2} s, {:.1} MB",
            bytes as f64 / 1e6
        );
    }

    let contexts = BTreeMap::from([("demo-review".to_string(), context)]);
    let hashes = BTreeMap::from([("demo-review".to_string(), hash)]);
    for format in [ExportFormat::Json, ExportFormat::Csv] {
        let started = Instant::now();
        let states = runtime.block_on(store.list(Some("demo-review")))?;
        let listed = started.elapsed();
        let records = export::records(
            &states,
            &contexts,
            &hashes,
            &generator::scoring::Params::default(),
        )?;
        let mut out = Vec::new();
        export::write(&records, &contexts, format, "-", None, &mut out)?;
        println!(
            "export {kind:>8} {format:?}: {} reviews in {:.2} s (store read {:.2} s), {:.1} MB; stored them in {:.1} s",
            records.len(),
            started.elapsed().as_secs_f64(),
            listed.as_secs_f64(),
            out.len() as f64 / 1e6,
            stored.as_secs_f64()
        );
        if let Some((seconds, _, _)) = floor {
            println!(
                "       {:.2}x the raw dump",
                started.elapsed().as_secs_f64() / seconds
            );
        }
    }
    Ok(())
}

/// The peer: every invite joined to its submission in one query, each row to JSON.
/// Returns (seconds, rows, bytes written).
fn raw_dump(path: &Path) -> anyhow::Result<(f64, usize, usize)> {
    let started = Instant::now();
    let conn = rusqlite::Connection::open(path)?;
    let mut query = conn.prepare(
        "SELECT i.id, i.candidate, i.reference, i.created_at, i.opened_at, i.started_at, \
         s.review, s.received_at, s.late_seconds \
         FROM invites i JOIN submissions s ON s.invite_id = i.id WHERE i.scenario = ?1",
    )?;
    let mut rows = query.query(["demo-review"])?;
    let mut out = Vec::new();
    let mut count = 0;
    while let Some(row) = rows.next()? {
        let review: String = row.get(6)?;
        let record = serde_json::json!({
            "id": row.get::<_, String>(0)?, "candidate": row.get::<_, String>(1)?,
            "reference": row.get::<_, Option<String>>(2)?, "created_at": row.get::<_, String>(3)?,
            "opened_at": row.get::<_, Option<String>>(4)?,
            "started_at": row.get::<_, Option<String>>(5)?,
            "review": serde_json::from_str::<serde_json::Value>(&review)?,
            "received_at": row.get::<_, String>(7)?, "late_seconds": row.get::<_, i64>(8)?,
        });
        serde_json::to_writer(&mut out, &record)?;
        out.push(b'\n');
        count += 1;
    }
    Ok((started.elapsed().as_secs_f64(), count, out.len()))
}
