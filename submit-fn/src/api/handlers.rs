//! The route handlers: session, start, draft, submissions, and docs/design.md §6's start, expiry,
//! late and idempotency rules.

use axum::Json;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::extract::{Bearer, JsonBody};
use super::session::{authorize, body, check_usable};
use super::{ApiError, AppState};
use crate::model::{Comment, Review, Verdict};
use crate::store::{
    DraftOutcome, DraftSave, Invite, InviteState, Submission, SubmitOutcome, now, rfc3339,
};
use crate::validate::{self, Stage};

type Answer = Result<(StatusCode, Json<Value>), ApiError>;

pub(crate) async fn health() -> Json<Value> {
    Json(json!({"status": "ok"}))
}

pub(crate) async fn not_found() -> ApiError {
    ApiError::NotFound
}

pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// `GET` records the first open; `HEAD` (a link checker, a prefetch) only looks.
pub(crate) async fn session(
    State(state): State<AppState>,
    method: Method,
    Bearer(token): Bearer,
) -> Answer {
    let mut found = authorize(&state, &token).await?;
    let now = now();
    check_usable(&found, now)?;
    if found.invite.opened_at.is_none() && method != Method::HEAD {
        let id = found.invite.id.clone();
        found.invite = state.call(|store| store.mark_opened(&id, now)).await?;
    }
    Ok((StatusCode::OK, Json(body(&found, now))))
}

pub(crate) async fn start(State(state): State<AppState>, Bearer(token): Bearer) -> Answer {
    let mut found = authorize(&state, &token).await?;
    let now = now();
    check_usable(&found, now)?;
    ensure_started(&state, &mut found, now).await?;
    Ok((StatusCode::OK, Json(body(&found, now))))
}

fn whole_seconds(span: time::Duration) -> u64 {
    u64::try_from(span.whole_seconds()).unwrap_or(0)
}

/// The server's seconds since the invite started, or since it was made when not started: the
/// most time a candidate can have spent.
fn seconds_since_start(invite: &Invite, now: time::OffsetDateTime) -> u64 {
    whole_seconds(now - invite.started_at.unwrap_or(invite.created_at))
}

/// A draft on an invite not yet started starts it.
async fn ensure_started(
    state: &AppState,
    found: &mut InviteState,
    now: time::OffsetDateTime,
) -> Result<(), ApiError> {
    if found.invite.started_at.is_none() {
        let id = found.invite.id.clone();
        found.invite = state.call(|store| store.start(&id, now)).await?;
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DraftBody {
    version: u64,
    save_id: String,
    review: Review,
}

pub(crate) async fn draft(
    State(state): State<AppState>,
    Bearer(token): Bearer,
    JsonBody { value, .. }: JsonBody<DraftBody>,
) -> Answer {
    let mut found = authorize(&state, &token).await?;
    let now = now();
    check_usable(&found, now)?;
    validate::check_id(&value.save_id, "/save_id")?;
    validate::review(
        &value.review,
        &found.invite.manifest,
        Stage::Draft,
        "/review",
    )?;
    validate::check_elapsed(
        value.review.elapsed_seconds,
        seconds_since_start(&found.invite, now),
        "/review/elapsed_seconds",
    )?;
    if let Some(s) = found.current_submission() {
        return Err(already_submitted(s));
    }
    ensure_started(&state, &mut found, now).await?;
    let review =
        serde_json::to_string(&value.review).map_err(|e| ApiError::Internal(e.to_string()))?;
    let id = found.invite.id.clone();
    let save = DraftSave::new(value.version, &value.save_id, &review, now);
    let outcome = state.call(|store| store.save_draft(&id, save)).await?;
    match outcome {
        DraftOutcome::Saved(d) | DraftOutcome::Repeated(d) => Ok((
            StatusCode::OK,
            Json(json!({"version": d.version, "saved_at": rfc3339(d.saved_at)})),
        )),
        DraftOutcome::Conflict(stored) => Err(ApiError::VersionConflict {
            version: stored.as_ref().map_or(0, |d| d.version),
            review: stored
                .and_then(|d| serde_json::from_str(&d.review).ok())
                .unwrap_or(Value::Null),
        }),
    }
}

/// The submission body: the review's fields plus the client-made `submission_id`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SubmissionBody {
    submission_id: String,
    verdict: Option<Verdict>,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    comments: Vec<Comment>,
    #[serde(default)]
    elapsed_seconds: u64,
    #[serde(default)]
    viewed_files: Option<Vec<String>>,
}

fn already_submitted(s: &Submission) -> ApiError {
    ApiError::AlreadySubmitted {
        submission_id: s.submission_id.clone(),
        received_at: rfc3339(s.received_at),
    }
}

fn receipt(status: StatusCode, s: &Submission) -> (StatusCode, Json<Value>) {
    (
        status,
        Json(json!({
            "submission_id": s.submission_id,
            "received_at": rfc3339(s.received_at),
            "late_seconds": s.late_seconds,
        })),
    )
}

/// Same id and body: the stored answer again; same id, other body, or another id: 409.
fn settle(stored: &Submission, submission_id: &str, body_hash: &str) -> Answer {
    if stored.submission_id != submission_id {
        Err(already_submitted(stored))
    } else if stored.body_hash != body_hash {
        Err(ApiError::SubmissionIdReused)
    } else {
        Ok(receipt(StatusCode::OK, stored))
    }
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    Bearer(token): Bearer,
    JsonBody { value, raw }: JsonBody<SubmissionBody>,
) -> Answer {
    let found = authorize(&state, &token).await?;
    let now = now();
    check_usable(&found, now)?;
    validate::check_id(&value.submission_id, "/submission_id")?;
    let review = Review {
        verdict: value.verdict,
        summary: value.summary,
        comments: value.comments,
        elapsed_seconds: value.elapsed_seconds,
        viewed_files: value.viewed_files,
    };
    validate::review(&review, &found.invite.manifest, Stage::Submission, "")?;
    let body_hash = data_encoding::HEXLOWER.encode(&Sha256::digest(&raw));
    if let Some(stored) = found.current_submission() {
        return settle(stored, &value.submission_id, &body_hash);
    }
    validate::check_elapsed(
        review.elapsed_seconds,
        seconds_since_start(&found.invite, now),
        "/elapsed_seconds",
    )?;
    // A submission does not start the invite: a start stamped at receipt would claim the
    // review took no time. Without a start there is no server-measured time.
    let submission = Submission {
        round: found.invite.round,
        submission_id: value.submission_id,
        body_hash,
        review: serde_json::to_string(&review).map_err(|e| ApiError::Internal(e.to_string()))?,
        received_at: now,
        late_seconds: found.invite.late_seconds(now),
        server_elapsed_seconds: found.invite.started_at.map(|at| whole_seconds(now - at)),
    };
    let id = found.invite.id.clone();
    match state.call(|store| store.submit(&id, &submission)).await? {
        SubmitOutcome::Created(s) => {
            tracing::info!(invite_id = %id, late_seconds = s.late_seconds, "review submitted");
            Ok(receipt(StatusCode::CREATED, &s))
        }
        SubmitOutcome::Existing(stored) => {
            settle(&stored, &submission.submission_id, &submission.body_hash)
        }
    }
}
