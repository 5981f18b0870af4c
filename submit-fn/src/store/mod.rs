//! The `ReviewStore` trait and the records it keeps: an invite (with its manifest), its draft,
//! its submissions and the interviewers' grades. `sqlite` is the embedded default, `dynamo`
//! production (docs/design.md §7).

use std::future::Future;
use std::pin::Pin;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::model::Manifest;
use crate::token::{Token, TokenHash};

#[cfg(feature = "dynamodb")]
pub mod dynamo;
pub mod sqlite;
#[cfg(test)]
pub(crate) mod tests;

#[cfg(feature = "dynamodb")]
pub use dynamo::DynamoStore;
pub use sqlite::SqliteStore;

/// What a store call returns; boxed so the trait can be used as `dyn ReviewStore`.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Worth retrying: the backing service did not answer or was throttled.
    #[error("the store is unavailable: {0}")]
    Unavailable(String),
    #[error("no invite {0}")]
    NotFound(String),
    #[error("invite {0} already exists")]
    Exists(String),
    /// A stored record could not be read back: not retried.
    #[error("store error: {0}")]
    Internal(String),
}

/// An invite as stored (the `META` item), without its token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invite {
    pub id: String,
    /// SHA-256 of the token, lowercase hex.
    pub token_hash: String,
    pub scenario: String,
    pub manifest: Manifest,
    pub candidate: String,
    pub reference: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// The last moment to start.
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    pub time_limit_seconds: Option<u64>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub revoked_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub opened_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub started_at: Option<OffsetDateTime>,
    /// How many times `--reopen` allowed one more submission: the current round.
    pub round: u32,
}

impl Invite {
    /// A new invite of the manifest's scenario for `token`, made at `created_at` and to be
    /// started by `expires_at`: no reference or time limit, not opened, started or revoked.
    pub fn new(
        token: &Token,
        manifest: Manifest,
        candidate: &str,
        created_at: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> Invite {
        Invite {
            id: token.invite_id(),
            token_hash: token.hash().to_hex(),
            scenario: manifest.scenario.clone(),
            manifest,
            candidate: candidate.to_string(),
            reference: None,
            created_at,
            expires_at,
            time_limit_seconds: None,
            revoked_at: None,
            opened_at: None,
            started_at: None,
            round: 0,
        }
    }

    pub fn token_hash(&self) -> Option<TokenHash> {
        TokenHash::from_hex(&self.token_hash)
    }

    /// `started_at + time limit`, when both are set.
    pub fn deadline(&self) -> Option<OffsetDateTime> {
        let started = self.started_at?;
        let limit = i64::try_from(self.time_limit_seconds?).ok()?;
        Some(started + time::Duration::seconds(limit))
    }

    /// Seconds past the deadline at `at` (0 when on time or without a limit).
    pub fn late_seconds(&self, at: OffsetDateTime) -> u64 {
        match self.deadline() {
            Some(deadline) if at > deadline => (at - deadline).whole_seconds().max(0) as u64,
            _ => 0,
        }
    }
}

/// The saved draft (`DRAFT` item).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub version: u64,
    pub save_id: String,
    /// The review as JSON text, as received.
    pub review: String,
    #[serde(with = "time::serde::rfc3339")]
    pub saved_at: OffsetDateTime,
}

/// One submission (`SUBMISSION` item; later rounds after `--reopen` keep their own).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub round: u32,
    pub submission_id: String,
    /// SHA-256 of the request body, lowercase hex: tells a replay from a reused id.
    pub body_hash: String,
    /// The review as JSON text, as received.
    pub review: String,
    #[serde(with = "time::serde::rfc3339")]
    pub received_at: OffsetDateTime,
    pub late_seconds: u64,
    /// Seconds from the invite's start to `received_at`, as the server measured them; `None`
    /// when the invite was never started before this submission. The review's own
    /// `elapsed_seconds` is what the candidate's page reported.
    #[serde(default)]
    pub server_elapsed_seconds: Option<u64>,
}

/// One interviewer's grade of an invite's review (`GRADE#<grader>` item), one per grader: what
/// they confirmed, as the JSON text `reviewroom grade` validated (docs/design.md §8). The API
/// has no route that reads or writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    pub grader: String,
    /// What was graded: the submission's `submission_id`, or `draft-<version>`.
    pub review_id: String,
    /// The grade itself, JSON text.
    pub sheet: String,
    #[serde(with = "time::serde::rfc3339")]
    pub saved_at: OffsetDateTime,
}

/// An invite's whole state: what one read by invite, or one index query, returns.
#[derive(Debug, Clone, PartialEq)]
pub struct InviteState {
    pub invite: Invite,
    pub draft: Option<Draft>,
    /// Every round's submission, oldest first.
    pub submissions: Vec<Submission>,
    /// Every grader's grade, by grader name.
    pub grades: Vec<Grade>,
}

impl InviteState {
    /// The submission of the invite's current round, if any.
    pub fn current_submission(&self) -> Option<&Submission> {
        self.submissions
            .iter()
            .find(|s| s.round == self.invite.round)
    }

    /// The submission of the highest round: the current round's, else the last one before a
    /// reopen. What `invites` and `export` both report.
    pub fn latest_submission(&self) -> Option<&Submission> {
        self.submissions.iter().max_by_key(|s| s.round)
    }
}

/// A draft save as the page sends it: the version it is based on (0 creates), its id (a retry
/// sends the same one), the review as JSON text, and when it arrived.
#[derive(Debug, Clone, Copy)]
pub struct DraftSave<'a> {
    pub base_version: u64,
    pub save_id: &'a str,
    pub review: &'a str,
    pub at: OffsetDateTime,
}

impl<'a> DraftSave<'a> {
    pub fn new(base_version: u64, save_id: &'a str, review: &'a str, at: OffsetDateTime) -> Self {
        DraftSave {
            base_version,
            save_id,
            review,
            at,
        }
    }

    /// The draft this save stores: the version after its base.
    pub fn draft(&self) -> Draft {
        Draft {
            version: self.base_version + 1,
            save_id: self.save_id.to_string(),
            review: self.review.to_string(),
            saved_at: self.at,
        }
    }
}

/// What a draft save did.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftOutcome {
    Saved(Draft),
    /// The same `save_id` was stored already: a retry, answered with the stored draft.
    Repeated(Draft),
    /// The stored version is not the one the client based its draft on.
    Conflict(Option<Draft>),
}

/// What a submission write did.
#[derive(Debug, Clone, PartialEq)]
pub enum SubmitOutcome {
    Created(Submission),
    /// A submission of this round was stored already (read back consistently).
    Existing(Submission),
}

/// Changes an interviewer makes to an invite.
#[derive(Debug, Clone, PartialEq)]
pub enum InviteChange {
    /// A new token (minted for the same id); the old one stops working. Only the token hash
    /// changes: the id and every record stay.
    Relink {
        token_hash: TokenHash,
    },
    Extend {
        expires_at: OffsetDateTime,
    },
    Revoke {
        at: OffsetDateTime,
    },
    /// Allow one more submission: the next round, and no longer revoked.
    Reopen,
}

/// The operations the API and the CLI need; both implementations pass `conformance`.
pub trait ReviewStore: Send + Sync {
    /// Stores a new invite; `Exists` when the id is taken.
    fn create_invite<'a>(&'a self, invite: &'a Invite) -> StoreFuture<'a, ()>;
    /// The invite's whole state, read consistently.
    fn load<'a>(&'a self, invite_id: &'a str) -> StoreFuture<'a, Option<InviteState>>;
    /// Applies an interviewer's change; `NotFound` when there is no such invite.
    fn change<'a>(&'a self, invite_id: &'a str, change: InviteChange) -> StoreFuture<'a, Invite>;
    /// Sets `opened_at` once; returns the invite as stored after.
    fn mark_opened<'a>(&'a self, invite_id: &'a str, at: OffsetDateTime)
    -> StoreFuture<'a, Invite>;
    /// Sets `started_at` once; returns the invite as stored after.
    fn start<'a>(&'a self, invite_id: &'a str, at: OffsetDateTime) -> StoreFuture<'a, Invite>;
    /// Saves a draft over the save's base version (0 creates) as the next version.
    fn save_draft<'a>(
        &'a self,
        invite_id: &'a str,
        save: DraftSave<'a>,
    ) -> StoreFuture<'a, DraftOutcome>;
    /// Stores the submission of its round exactly once.
    fn submit<'a>(
        &'a self,
        invite_id: &'a str,
        submission: &'a Submission,
    ) -> StoreFuture<'a, SubmitOutcome>;
    /// Stores `grade` as the grade of its grader, replacing theirs; `NotFound` when there is
    /// no such invite. Only the CLI calls it: never the API.
    fn save_grade<'a>(&'a self, invite_id: &'a str, grade: &'a Grade) -> StoreFuture<'a, ()>;
    /// Every record of the invite; `NotFound` when there was none.
    fn delete_invite<'a>(&'a self, invite_id: &'a str) -> StoreFuture<'a, ()>;
    /// Every invite's whole state, of one scenario or of all, oldest first.
    fn list<'a>(&'a self, scenario: Option<&'a str>) -> StoreFuture<'a, Vec<InviteState>>;
}

/// An invite's state for `reviewroom invites`, in docs/design.md §4's precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InviteStatus {
    Submitted {
        late: bool,
    },
    Revoked,
    Expired,
    /// An earlier round was submitted; the current round may submit once more.
    Reopened,
    Started,
    Opened,
    Invited,
}

impl std::fmt::Display for InviteStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            InviteStatus::Submitted { late: true } => "submitted (late)",
            InviteStatus::Submitted { late: false } => "submitted",
            InviteStatus::Revoked => "revoked",
            InviteStatus::Expired => "expired",
            InviteStatus::Reopened => "reopened",
            InviteStatus::Started => "started",
            InviteStatus::Opened => "opened",
            InviteStatus::Invited => "invited",
        })
    }
}

impl InviteState {
    /// submitted (late flagged) > revoked > expired > reopened > started > opened > invited.
    /// Expired means past the last moment to start without having started; reopened, that an
    /// earlier round's submission exists and the current round has none.
    pub fn status(&self, now: OffsetDateTime) -> InviteStatus {
        let invite = &self.invite;
        if let Some(s) = self.current_submission() {
            InviteStatus::Submitted {
                late: s.late_seconds > 0,
            }
        } else if invite.revoked_at.is_some() {
            InviteStatus::Revoked
        } else if invite.started_at.is_none() && now > invite.expires_at {
            InviteStatus::Expired
        } else if !self.submissions.is_empty() {
            InviteStatus::Reopened
        } else if invite.started_at.is_some() {
            InviteStatus::Started
        } else if invite.opened_at.is_some() {
            InviteStatus::Opened
        } else {
            InviteStatus::Invited
        }
    }
}

/// Now, truncated to whole seconds so stored and returned times compare equal.
pub fn now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}

/// The RFC 3339 text every store and answer uses.
pub fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

pub(crate) fn parse_time(text: &str) -> Result<OffsetDateTime, StoreError> {
    OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .map_err(|e| StoreError::Internal(format!("bad stored time: {e}")))
}
