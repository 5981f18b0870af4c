//! `SqliteStore`: the embedded store for one machine. rusqlite (bundled SQLite) in WAL mode
//! with a 5 s busy timeout, so `reviewroom invite` can write while `reviewroom serve` runs;
//! calls run on the blocking pool.

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, params};
use time::OffsetDateTime;

mod rows;
mod schema;

use rows::{get_draft, get_submissions, load, require};
use schema::migrate;

use super::{
    DraftOutcome, DraftSave, Grade, Invite, InviteChange, InviteState, ReviewStore, StoreError,
    StoreFuture, Submission, SubmitOutcome, rfc3339,
};

const INVITE_COLUMNS: &str = "id, token_hash, scenario, manifest, candidate, reference, created_at, \
     expires_at, time_limit_seconds, revoked_at, opened_at, started_at, round";

#[derive(Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
}

fn internal(e: impl std::fmt::Display) -> StoreError {
    StoreError::Internal(e.to_string())
}

/// A busy or locked database is worth retrying; anything else is not.
fn sql(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            StoreError::Unavailable(e.to_string())
        }
        _ => internal(e),
    }
}

impl SqliteStore {
    /// Opens (creating) the database file and brings its schema up to date; with
    /// `retention_days`, purges invites created longer ago than that.
    pub fn open(path: &Path, retention_days: Option<u32>) -> Result<SqliteStore, StoreError> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(internal)?;
        }
        let mut conn = Connection::open(path).map_err(sql)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(sql)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(sql)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sql)?;
        migrate(&mut conn)?;
        if let Some(days) = retention_days {
            let cutoff = super::now() - time::Duration::days(i64::from(days));
            conn.execute(
                "DELETE FROM invites WHERE created_at < ?1",
                params![rfc3339(cutoff)],
            )
            .map_err(sql)?;
        }
        Ok(SqliteStore {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` on the blocking pool with the connection.
    fn call<'a, T: Send + 'static>(
        &'a self,
        f: impl FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> StoreFuture<'a, T> {
        let conn = self.conn.clone();
        Box::pin(async move {
            tokio::task::spawn_blocking(move || {
                let mut guard = conn
                    .lock()
                    .map_err(|_| StoreError::Internal("connection lock poisoned".into()))?;
                f(&mut guard)
            })
            .await
            .map_err(internal)?
        })
    }
}

/// A write transaction that takes the write lock at once, so it never fails half-way on a
/// lock another process holds. Draft and submission writes check the invite inside theirs,
/// and a delete is one: a write lands before a delete (and is deleted) or after it (and finds
/// no invite), never in between.
fn write_tx(conn: &mut Connection) -> Result<rusqlite::Transaction<'_>, StoreError> {
    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(sql)
}

impl ReviewStore for SqliteStore {
    fn create_invite<'a>(&'a self, invite: &'a Invite) -> StoreFuture<'a, ()> {
        let invite = invite.clone();
        self.call(move |conn| {
            let manifest = serde_json::to_string(&invite.manifest).map_err(internal)?;
            let inserted = conn
                .execute(
                    &format!(
                        "INSERT INTO invites ({INVITE_COLUMNS}) VALUES \
                         (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) \
                         ON CONFLICT (id) DO NOTHING"
                    ),
                    params![
                        invite.id,
                        invite.token_hash,
                        invite.scenario,
                        manifest,
                        invite.candidate,
                        invite.reference,
                        rfc3339(invite.created_at),
                        rfc3339(invite.expires_at),
                        invite.time_limit_seconds.map(|s| s as i64),
                        invite.revoked_at.map(rfc3339),
                        invite.opened_at.map(rfc3339),
                        invite.started_at.map(rfc3339),
                        invite.round,
                    ],
                )
                .map_err(sql)?;
            if inserted == 0 {
                return Err(StoreError::Exists(invite.id));
            }
            Ok(())
        })
    }

    fn load<'a>(&'a self, invite_id: &'a str) -> StoreFuture<'a, Option<InviteState>> {
        let id = invite_id.to_string();
        self.call(move |conn| load(conn, &id))
    }

    fn change<'a>(&'a self, invite_id: &'a str, change: InviteChange) -> StoreFuture<'a, Invite> {
        let id = invite_id.to_string();
        self.call(move |conn| {
            let (statement, value): (&str, Option<String>) = match change {
                // The id stays: the new token carries it (docs/design.md §4).
                InviteChange::Relink { token_hash } => (
                    "UPDATE invites SET token_hash = ?2 WHERE id = ?1",
                    Some(token_hash.to_hex()),
                ),
                InviteChange::Extend { expires_at } => (
                    "UPDATE invites SET expires_at = ?2 WHERE id = ?1",
                    Some(rfc3339(expires_at)),
                ),
                InviteChange::Revoke { at } => (
                    "UPDATE invites SET revoked_at = COALESCE(revoked_at, ?2) WHERE id = ?1",
                    Some(rfc3339(at)),
                ),
                InviteChange::Reopen => (
                    "UPDATE invites SET round = round + 1, revoked_at = NULL \
                     WHERE id = ?1 AND ?2 IS NULL",
                    None,
                ),
            };
            let changed = conn.execute(statement, params![id, value]).map_err(sql)?;
            if changed == 0 {
                return Err(StoreError::NotFound(id));
            }
            require(conn, &id)
        })
    }

    fn mark_opened<'a>(
        &'a self,
        invite_id: &'a str,
        at: OffsetDateTime,
    ) -> StoreFuture<'a, Invite> {
        let id = invite_id.to_string();
        self.call(move |conn| {
            conn.execute(
                "UPDATE invites SET opened_at = ?2 WHERE id = ?1 AND opened_at IS NULL",
                params![id, rfc3339(at)],
            )
            .map_err(sql)?;
            require(conn, &id)
        })
    }

    fn start<'a>(&'a self, invite_id: &'a str, at: OffsetDateTime) -> StoreFuture<'a, Invite> {
        let id = invite_id.to_string();
        self.call(move |conn| {
            conn.execute(
                "UPDATE invites SET started_at = ?2, opened_at = COALESCE(opened_at, ?2) \
                 WHERE id = ?1 AND started_at IS NULL",
                params![id, rfc3339(at)],
            )
            .map_err(sql)?;
            require(conn, &id)
        })
    }

    fn save_draft<'a>(
        &'a self,
        invite_id: &'a str,
        save: DraftSave<'a>,
    ) -> StoreFuture<'a, DraftOutcome> {
        let (id, base_version, draft) = (invite_id.to_string(), save.base_version, save.draft());
        self.call(move |conn| {
            let tx = write_tx(conn)?;
            require(&tx, &id)?;
            let current = get_draft(&tx, &id)?;
            if let Some(stored) = current.as_ref().filter(|d| d.save_id == draft.save_id) {
                return Ok(DraftOutcome::Repeated(stored.clone()));
            }
            let stored_version = current.as_ref().map_or(0, |d| d.version);
            if stored_version != base_version {
                return Ok(DraftOutcome::Conflict(current));
            }
            tx.execute(
                "INSERT INTO drafts (invite_id, version, save_id, review, saved_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (invite_id) DO UPDATE SET \
                 version = excluded.version, save_id = excluded.save_id, \
                 review = excluded.review, saved_at = excluded.saved_at",
                params![
                    id,
                    draft.version as i64,
                    draft.save_id,
                    draft.review,
                    rfc3339(draft.saved_at)
                ],
            )
            .map_err(sql)?;
            tx.commit().map_err(sql)?;
            Ok(DraftOutcome::Saved(draft))
        })
    }

    fn submit<'a>(
        &'a self,
        invite_id: &'a str,
        submission: &'a Submission,
    ) -> StoreFuture<'a, SubmitOutcome> {
        let id = invite_id.to_string();
        let submission = submission.clone();
        self.call(move |conn| {
            let tx = write_tx(conn)?;
            require(&tx, &id)?;
            let inserted = tx
                .execute(
                    "INSERT INTO submissions (invite_id, round, submission_id, body_hash, review, \
                     received_at, late_seconds, server_elapsed_seconds) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
                     ON CONFLICT (invite_id, round) DO NOTHING",
                    params![
                        id,
                        submission.round,
                        submission.submission_id,
                        submission.body_hash,
                        submission.review,
                        rfc3339(submission.received_at),
                        submission.late_seconds as i64,
                        submission.server_elapsed_seconds.map(|s| s as i64),
                    ],
                )
                .map_err(sql)?;
            let outcome = if inserted == 1 {
                SubmitOutcome::Created(submission)
            } else {
                let stored = get_submissions(&tx, &id)?
                    .into_iter()
                    .find(|s| s.round == submission.round)
                    .ok_or_else(|| internal("submission vanished"))?;
                SubmitOutcome::Existing(stored)
            };
            tx.commit().map_err(sql)?;
            Ok(outcome)
        })
    }

    fn save_grade<'a>(&'a self, invite_id: &'a str, grade: &'a Grade) -> StoreFuture<'a, ()> {
        let id = invite_id.to_string();
        let grade = grade.clone();
        self.call(move |conn| {
            let tx = write_tx(conn)?;
            require(&tx, &id)?;
            tx.execute(
                "INSERT INTO grades (invite_id, grader, review_id, sheet, saved_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (invite_id, grader) DO UPDATE SET \
                 review_id = excluded.review_id, sheet = excluded.sheet, \
                 saved_at = excluded.saved_at",
                params![
                    id,
                    grade.grader,
                    grade.review_id,
                    grade.sheet,
                    rfc3339(grade.saved_at)
                ],
            )
            .map_err(sql)?;
            tx.commit().map_err(sql)
        })
    }

    fn delete_invite<'a>(&'a self, invite_id: &'a str) -> StoreFuture<'a, ()> {
        let id = invite_id.to_string();
        self.call(move |conn| {
            let tx = write_tx(conn)?;
            for table in ["drafts", "submissions", "grades"] {
                tx.execute(
                    &format!("DELETE FROM {table} WHERE invite_id = ?1"),
                    params![id],
                )
                .map_err(sql)?;
            }
            let gone = tx
                .execute("DELETE FROM invites WHERE id = ?1", params![id])
                .map_err(sql)?;
            tx.commit().map_err(sql)?;
            if gone == 0 {
                return Err(StoreError::NotFound(id));
            }
            Ok(())
        })
    }

    fn list<'a>(&'a self, scenario: Option<&'a str>) -> StoreFuture<'a, Vec<InviteState>> {
        let scenario = scenario.map(str::to_string);
        self.call(move |conn| {
            let ids: Vec<String> = {
                let mut stmt = conn
                    .prepare_cached(
                        "SELECT id FROM invites WHERE ?1 IS NULL OR scenario = ?1 \
                         ORDER BY created_at, id",
                    )
                    .map_err(sql)?;
                let rows = stmt
                    .query_map(params![scenario], |r| r.get(0))
                    .map_err(sql)?;
                rows.collect::<Result<_, _>>().map_err(sql)?
            };
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                if let Some(state) = load(conn, &id)? {
                    out.push(state);
                }
            }
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests;
