//! Reading an invite's rows back into store records: the one place that knows the columns.

use rusqlite::{Connection, OptionalExtension, Row, params};
use time::OffsetDateTime;

use super::{INVITE_COLUMNS, internal, sql};
use crate::store::{Draft, Grade, Invite, InviteState, StoreError, Submission, parse_time};

fn opt_time(text: Option<String>) -> Result<Option<OffsetDateTime>, StoreError> {
    text.as_deref().map(parse_time).transpose()
}

fn invite_row(row: &Row<'_>) -> rusqlite::Result<[Option<String>; 13]> {
    let mut out: [Option<String>; 13] = Default::default();
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = match row.get_ref(i)? {
            rusqlite::types::ValueRef::Null => None,
            rusqlite::types::ValueRef::Integer(n) => Some(n.to_string()),
            rusqlite::types::ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
            _ => None,
        };
    }
    Ok(out)
}

fn invite_from(cols: [Option<String>; 13]) -> Result<Invite, StoreError> {
    let [
        id,
        hash,
        scenario,
        manifest,
        candidate,
        reference,
        created,
        expires,
        limit,
        revoked,
        opened,
        started,
        round,
    ] = cols;
    let need = |v: Option<String>| v.ok_or_else(|| internal("missing column"));
    Ok(Invite {
        id: need(id)?,
        token_hash: need(hash)?,
        scenario: need(scenario)?,
        manifest: serde_json::from_str(&need(manifest)?).map_err(internal)?,
        candidate: need(candidate)?,
        reference,
        created_at: parse_time(&need(created)?)?,
        expires_at: parse_time(&need(expires)?)?,
        time_limit_seconds: limit.map(|l| l.parse()).transpose().map_err(internal)?,
        revoked_at: opt_time(revoked)?,
        opened_at: opt_time(opened)?,
        started_at: opt_time(started)?,
        round: need(round)?.parse().map_err(internal)?,
    })
}

pub(super) fn get_invite(conn: &Connection, id: &str) -> Result<Option<Invite>, StoreError> {
    let cols = conn
        .query_row(
            &format!("SELECT {INVITE_COLUMNS} FROM invites WHERE id = ?1"),
            params![id],
            invite_row,
        )
        .optional()
        .map_err(sql)?;
    cols.map(invite_from).transpose()
}

pub(super) fn get_draft(conn: &Connection, id: &str) -> Result<Option<Draft>, StoreError> {
    let row = conn
        .query_row(
            "SELECT version, save_id, review, saved_at FROM drafts WHERE invite_id = ?1",
            params![id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            },
        )
        .optional()
        .map_err(sql)?;
    row.map(|(version, save_id, review, saved)| {
        Ok(Draft {
            version: version as u64,
            save_id,
            review,
            saved_at: parse_time(&saved)?,
        })
    })
    .transpose()
}

/// Every row `query` finds for the invite `id`, each as the tuple of its columns.
fn all<T>(conn: &Connection, query: &str, id: &str) -> Result<Vec<T>, StoreError>
where
    T: for<'a> TryFrom<&'a Row<'a>, Error = rusqlite::Error>,
{
    let mut stmt = conn.prepare_cached(query).map_err(sql)?;
    let rows = stmt
        .query_map(params![id], |r| T::try_from(r))
        .map_err(sql)?;
    rows.collect::<rusqlite::Result<Vec<T>>>().map_err(sql)
}

type SubmissionRow = (i64, String, String, String, String, i64, Option<i64>);

pub(super) fn get_submissions(conn: &Connection, id: &str) -> Result<Vec<Submission>, StoreError> {
    let rows: Vec<SubmissionRow> = all(
        conn,
        "SELECT round, submission_id, body_hash, review, received_at, late_seconds, \
         server_elapsed_seconds FROM submissions WHERE invite_id = ?1 ORDER BY round",
        id,
    )?;
    rows.into_iter()
        .map(
            |(round, submission_id, body_hash, review, received, late, measured)| {
                Ok(Submission {
                    round: round as u32,
                    submission_id,
                    body_hash,
                    review,
                    received_at: parse_time(&received)?,
                    late_seconds: late as u64,
                    server_elapsed_seconds: measured.map(|s| s as u64),
                })
            },
        )
        .collect()
}

pub(super) fn get_grades(conn: &Connection, id: &str) -> Result<Vec<Grade>, StoreError> {
    let rows: Vec<(String, String, String, String)> = all(
        conn,
        "SELECT grader, review_id, sheet, saved_at FROM grades WHERE invite_id = ?1 \
         ORDER BY grader",
        id,
    )?;
    rows.into_iter()
        .map(|(grader, review_id, sheet, saved)| {
            Ok(Grade {
                grader,
                review_id,
                sheet,
                saved_at: parse_time(&saved)?,
            })
        })
        .collect()
}

pub(super) fn load(conn: &Connection, id: &str) -> Result<Option<InviteState>, StoreError> {
    let Some(invite) = get_invite(conn, id)? else {
        return Ok(None);
    };
    Ok(Some(InviteState {
        draft: get_draft(conn, id)?,
        submissions: get_submissions(conn, id)?,
        grades: get_grades(conn, id)?,
        invite,
    }))
}

pub(super) fn require(conn: &Connection, id: &str) -> Result<Invite, StoreError> {
    get_invite(conn, id)?.ok_or_else(|| StoreError::NotFound(id.to_string()))
}
