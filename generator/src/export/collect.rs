//! From the store's invite states and the scenario folders to export records: the review to
//! export (the submission, else the last draft), its score, and warnings.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use submit_fn::model::Review;
use submit_fn::store::InviteState;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::record::{ExportRecord, InviteInfo, Status};
use crate::grading::results;
use crate::scenario::{self, Issue, Scenario};
use crate::scoring::{self, Key, Params, Score};

/// A scenario as the export needs it: loaded once, with its key in scoring form.
pub struct ScenarioContext {
    pub scenario: Scenario,
    pub key: Key,
}

impl ScenarioContext {
    pub fn new(scenario: Scenario) -> ScenarioContext {
        let key = Key::from_scenario(&scenario);
        ScenarioContext { scenario, key }
    }

    pub fn issue(&self, id: &str) -> Option<&Issue> {
        self.scenario.key.iter().find(|i| i.id == id)
    }
}

/// Loads the scenarios the states refer to from `scenarios_dir`; a missing folder is reported
/// on the records (not scored), not an error.
pub fn scenarios_for(
    states: &[InviteState],
    scenarios_dir: &Path,
) -> Result<BTreeMap<String, ScenarioContext>> {
    let mut out = BTreeMap::new();
    for state in states {
        let slug = &state.invite.scenario;
        if out.contains_key(slug) {
            continue;
        }
        let dir = scenarios_dir.join(slug);
        if dir.is_dir() {
            let loaded = scenario::load(&dir)
                .with_context(|| format!("cannot load scenario {}", dir.display()))?;
            out.insert(slug.clone(), ScenarioContext::new(loaded));
        }
    }
    Ok(out)
}

fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

/// The stored review text as a `Review`; a submission body's own `submission_id` is dropped.
fn parse_review(text: &str, what: &str, invite: &str) -> Result<Review> {
    let mut value: serde_json::Value = serde_json::from_str(text)
        .with_context(|| format!("the stored {what} of invite {invite} is not JSON"))?;
    if let Some(object) = value.as_object_mut() {
        object.remove("submission_id");
    }
    serde_json::from_value(value)
        .with_context(|| format!("the stored {what} of invite {invite} is not a review"))
}

pub fn record(
    state: &InviteState,
    context: Option<&ScenarioContext>,
    scenario_hash_now: Option<&str>,
    params: &Params,
) -> Result<ExportRecord> {
    let invite = &state.invite;
    let submission = state.latest_submission();
    let (status, review, submission_id) = match (submission, &state.draft) {
        // An earlier round's submission after a reopen: `invites` says "reopened" too.
        (Some(s), _) if state.current_submission().is_none() => (
            Status::Reopened,
            parse_review(&s.review, "submission", &invite.id)?,
            Some(s.submission_id.clone()),
        ),
        (Some(s), _) => (
            Status::Submitted,
            parse_review(&s.review, "submission", &invite.id)?,
            Some(s.submission_id.clone()),
        ),
        (None, Some(d)) => (
            Status::Draft,
            parse_review(&d.review, "draft", &invite.id)?,
            None,
        ),
        (None, None) => (Status::Draft, Review::default(), None),
    };
    let review_id = review_id(state);
    let mut warnings = Vec::new();
    let score = match context {
        Some(ctx) => scoring::score(&ctx.key, &review, params),
        None => {
            warnings.push(format!(
                "scenario {} is not in the scenarios folder: the review is not scored",
                invite.scenario
            ));
            Score::default()
        }
    };
    if let Some(now) = scenario_hash_now.filter(|now| *now != invite.manifest.scenario_hash) {
        warnings.push(format!(
            "scenario {} changed since this invite was made (hash {} then, {} now): line \
             numbers and the key may not match what the candidate saw",
            invite.scenario, invite.manifest.scenario_hash, now
        ));
    }
    let grades = results::grade_records(&state.grades, &review_id, &mut warnings);
    let results = match context {
        Some(ctx) => results::issue_results(
            ctx.scenario.key.iter().map(|i| i.id.as_str()),
            &score,
            &grades,
        ),
        None => Default::default(),
    };
    Ok(ExportRecord {
        invite: InviteInfo {
            id: invite.id.clone(),
            scenario: invite.scenario.clone(),
            candidate: invite.candidate.clone(),
            reference: invite.reference.clone(),
            created_at: rfc3339(invite.created_at),
            expires_at: rfc3339(invite.expires_at),
            time_limit_seconds: invite.time_limit_seconds,
            opened_at: invite.opened_at.map(rfc3339),
            started_at: invite.started_at.map(rfc3339),
            submitted_at: submission.map(|s| rfc3339(s.received_at)),
            late_seconds: submission.map(|s| s.late_seconds),
            server_elapsed_seconds: submission.and_then(|s| s.server_elapsed_seconds),
            revoked: invite.revoked_at.is_some(),
            scenario_hash: invite.manifest.scenario_hash.clone(),
        },
        status,
        invite_state: state.status(submit_fn::store::now()).to_string(),
        submission_id,
        review_id,
        review,
        score,
        grades,
        results,
        warnings,
    })
}

/// The review id of an invite with nothing saved or submitted.
pub const NOTHING_SAVED: &str = "empty";

/// What a grade names as the review it grades: the exported submission's id, else
/// `draft-<version>` of the last draft, else `empty`.
pub fn review_id(state: &InviteState) -> String {
    match (
        state.current_submission().or(state.submissions.last()),
        &state.draft,
    ) {
        (Some(s), _) => s.submission_id.clone(),
        (None, Some(d)) => format!("draft-{}", d.version),
        (None, None) => NOTHING_SAVED.into(),
    }
}
