//! The SQLite schema and its migrations, counted in `PRAGMA user_version`.

use rusqlite::Connection;

use super::sql;
use crate::store::StoreError;

/// Schema steps, applied in order; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL,
    scenario TEXT NOT NULL,
    manifest TEXT NOT NULL,
    candidate TEXT NOT NULL,
    reference TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    time_limit_seconds INTEGER,
    revoked_at TEXT,
    opened_at TEXT,
    started_at TEXT,
    round INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX invites_by_scenario ON invites (scenario, created_at, id);
CREATE TABLE drafts (
    invite_id TEXT PRIMARY KEY REFERENCES invites (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    save_id TEXT NOT NULL,
    review TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
CREATE TABLE submissions (
    invite_id TEXT NOT NULL REFERENCES invites (id) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    submission_id TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    review TEXT NOT NULL,
    received_at TEXT NOT NULL,
    late_seconds INTEGER NOT NULL,
    PRIMARY KEY (invite_id, round)
);
"#,
    r#"
ALTER TABLE submissions ADD COLUMN server_elapsed_seconds INTEGER;
"#,
    r#"
CREATE TABLE grades (
    invite_id TEXT NOT NULL REFERENCES invites (id) ON DELETE CASCADE,
    grader TEXT NOT NULL,
    review_id TEXT NOT NULL,
    sheet TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (invite_id, grader)
);
"#,
];

pub(super) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let done: usize = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sql)?;
    for (i, step) in MIGRATIONS.iter().enumerate().skip(done) {
        let tx = conn.transaction().map_err(sql)?;
        tx.execute_batch(step).map_err(sql)?;
        tx.pragma_update(None, "user_version", i + 1).map_err(sql)?;
        tx.commit().map_err(sql)?;
    }
    Ok(())
}
