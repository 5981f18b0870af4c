//! One exported invite: who, when, which review (submitted, or the last draft) and its score.
//! The store's rows are turned into this once; every format reads only this.

use serde::Serialize;
use submit_fn::model::Review;

use crate::grading::results::{GradeRecord, IssueResult};
use crate::scoring::Score;

/// Version of the JSON export format.
/// 2: scores credit what comments say, with each match's tier and terms.
/// 3: `review_id`, the interviewers' `grades`, each key issue's `results` (confirmed or
/// suggested) and the `report` (the debrief the HTML and Markdown reports draw).
pub const FORMAT_VERSION: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Submitted,
    /// Reopened for another round: the earlier round's submission, none yet in this one.
    Reopened,
    /// No submission: the last draft, or an empty review when nothing was saved.
    Draft,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::Reopened => "reopened",
            Status::Draft => "draft",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct InviteInfo {
    pub id: String,
    pub scenario: String,
    pub candidate: String,
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    pub created_at: String,
    pub expires_at: String,
    pub time_limit_seconds: Option<u64>,
    pub opened_at: Option<String>,
    pub started_at: Option<String>,
    pub submitted_at: Option<String>,
    pub late_seconds: Option<u64>,
    /// Seconds from Start to receipt as the server measured them (None without a Start). The
    /// review's own `elapsed_seconds` is what the candidate's page reported.
    pub server_elapsed_seconds: Option<u64>,
    pub revoked: bool,
    /// The scenario hash of the build the invite was minted for.
    pub scenario_hash: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportRecord {
    pub invite: InviteInfo,
    pub status: Status,
    /// The invite's state as `reviewroom invites` says it at export time (invited, opened,
    /// started, expired, ...); not in the JSON, whose `status` and `invite` carry the facts.
    #[serde(skip)]
    pub invite_state: String,
    pub submission_id: Option<String>,
    /// What a grade of this review names: the `submission_id`, `draft-<version>`, or `empty`.
    pub review_id: String,
    pub review: Review,
    pub score: Score,
    /// Every grader's grade, by name (stale ones included, marked).
    pub grades: Vec<GradeRecord>,
    /// Key issue id -> the confirmed result where a grade counts, else scoring's suggestion.
    pub results: std::collections::BTreeMap<String, IssueResult>,
    /// Set when the scenario folder no longer matches the build the invite was made for.
    pub warnings: Vec<String>,
}

impl ExportRecord {
    /// Whether the candidate saved or submitted anything.
    pub fn saved(&self) -> bool {
        self.review_id != super::collect::NOTHING_SAVED
    }
}
