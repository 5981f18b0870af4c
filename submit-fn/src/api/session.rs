//! Authorizing a request's token against its invite and answering the session shape.

use serde_json::{Value, json};
use time::OffsetDateTime;

use super::{ApiError, AppState};
use crate::store::{InviteState, rfc3339};
use crate::token::Token;

/// Loads the token's invite (one consistent read) and checks the hash in constant time.
pub(crate) async fn authorize(state: &AppState, token: &Token) -> Result<InviteState, ApiError> {
    let id = token.invite_id();
    let loaded = state.call(|store| store.load(&id)).await?;
    let found = loaded.ok_or(ApiError::InviteNotFound)?;
    let stored = found
        .invite
        .token_hash()
        .ok_or_else(|| ApiError::Internal("stored token hash unreadable".into()))?;
    if !token.hash().matches(&stored) {
        return Err(ApiError::InviteNotFound);
    }
    tracing::info!(invite_id = %id, "invite verified");
    Ok(found)
}

/// Revoked answers 403; so does an invite past its last moment to start that never started
/// (unless it was submitted: a submission does not start it).
pub(crate) fn check_usable(found: &InviteState, now: OffsetDateTime) -> Result<(), ApiError> {
    if found.invite.revoked_at.is_some() {
        return Err(ApiError::InviteRevoked);
    }
    let submitted = found.current_submission().is_some();
    if found.invite.started_at.is_none() && !submitted && now > found.invite.expires_at {
        return Err(ApiError::InviteExpired);
    }
    Ok(())
}

/// docs/design.md §6's session; after a submission, state only (no draft or review content).
pub(crate) fn body(found: &InviteState, now: OffsetDateTime) -> Value {
    let invite = &found.invite;
    let submission = found.current_submission();
    let status = match (submission, invite.started_at) {
        (Some(_), _) => "submitted",
        (None, Some(_)) => "started",
        (None, None) => "not_started",
    };
    let draft = match (&found.draft, submission) {
        (Some(d), None) => json!({
            "version": d.version,
            "saved_at": rfc3339(d.saved_at),
            "review": serde_json::from_str::<Value>(&d.review).unwrap_or(Value::Null),
        }),
        _ => Value::Null,
    };
    json!({
        "invite_id": invite.id,
        "scenario": invite.scenario,
        "scenario_hash": invite.manifest.scenario_hash,
        "state": status,
        "opened_at": invite.opened_at.map(rfc3339),
        "started_at": invite.started_at.map(rfc3339),
        "deadline": invite.deadline().map(rfc3339),
        "time_limit_seconds": invite.time_limit_seconds,
        "server_time": rfc3339(now),
        "draft": draft,
        "submission": submission.map(|s| json!({
            "submission_id": s.submission_id,
            "received_at": rfc3339(s.received_at),
            "late_seconds": s.late_seconds,
        })),
    })
}
