//! The report's header: who, which scenario, the verdict, the time taken against the suggested
//! time and the invite's limit, files viewed of the changed files, comments by severity, and the
//! machine's tallies.

use serde::Serialize;
use submit_fn::model::Severity;

use super::collect::ScenarioContext;
use super::record::ExportRecord;
use super::report::LEVELS;
use crate::scoring::Tally;

#[derive(Debug, Clone, Serialize)]
pub struct Facts {
    pub invite: String,
    pub candidate: String,
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    pub scenario: String,
    pub title: String,
    pub status: &'static str,
    pub revoked: bool,
    pub verdict: Option<&'static str>,
    pub started_at: Option<String>,
    pub submitted_at: Option<String>,
    pub time: Time,
    pub files_viewed: FilesViewed,
    /// Live comments (line and file).
    pub comments: usize,
    /// Non-zero counts, blocker first, "none" last.
    pub severities: Vec<Count>,
    pub found: usize,
    pub total: usize,
    pub per_level: Vec<TallyView>,
    pub per_category: Vec<TallyView>,
    /// The candidate's summary (markdown).
    pub summary: String,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Time {
    /// Each figure labelled with who measured it; None when neither is known.
    pub taken: Option<String>,
    pub suggested_minutes: Option<u32>,
    pub limit_seconds: Option<u64>,
    /// The measured time against the limit, else the suggested time: "5 min 0 s over the
    /// 60 min time limit" or "within ...".
    pub against: Option<String>,
    /// "suggested 45 min; time limit 60 min".
    pub budget: Option<String>,
    pub late_seconds: Option<u64>,
    /// "5 min 0 s past the deadline" when late.
    pub late: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FilesViewed {
    /// False for reviews from pages that did not send the list.
    pub recorded: bool,
    pub viewed: Vec<String>,
    /// Changed files not marked viewed (all of them when not recorded).
    pub not_viewed: Vec<String>,
    /// Changed files of the scenario.
    pub of: usize,
    /// Changed files with a comment: "viewed" is only the candidate's checkbox, so a file
    /// commented on but not ticked must not read as unopened.
    pub commented: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub name: &'static str,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct TallyView {
    pub name: String,
    pub found: usize,
    pub total: usize,
    /// Percent found, for a bar.
    pub percent: usize,
}

fn tally(name: &str, t: &Tally) -> TallyView {
    TallyView {
        name: name.to_string(),
        found: t.found,
        total: t.total,
        percent: (100 * t.found).checked_div(t.total).unwrap_or(0),
    }
}

fn minutes(seconds: u64) -> String {
    format!("{} min {} s", seconds / 60, seconds % 60)
}

/// The time taken, each figure labelled with who measured it: the server (Start to receipt) and
/// the candidate's page (what it reported). None when neither is known.
pub fn time_taken(record: &ExportRecord) -> Option<String> {
    let server = record
        .invite
        .server_elapsed_seconds
        .map(|s| format!("{} measured by the server (Start to receipt)", minutes(s)));
    let reported = Some(record.review.elapsed_seconds)
        .filter(|s| *s > 0)
        .map(|s| format!("{} reported by the candidate's page", minutes(s)));
    match (server, reported) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    }
}

fn time(record: &ExportRecord, suggested: Option<u32>) -> Time {
    let limit = record.invite.time_limit_seconds;
    let measured = record
        .invite
        .server_elapsed_seconds
        .or(Some(record.review.elapsed_seconds).filter(|s| *s > 0));
    let budget = limit
        .map(|s| {
            (
                s,
                format!("the {} time limit", minutes(s).trim_end_matches(" 0 s")),
            )
        })
        .or_else(|| suggested.map(|m| (u64::from(m) * 60, format!("the suggested {m} min"))));
    let against = measured.zip(budget).map(|(taken, (budget, what))| {
        if taken > budget {
            format!("{} over {what}", minutes(taken - budget))
        } else {
            format!("within {what}, {} to spare", minutes(budget - taken))
        }
    });
    // Said once: the comparison names the budget it used, so the budget is listed apart only
    // when there is no comparison or when a limit and a suggested time both apply.
    let budget = [
        suggested.map(|m| format!("suggested {m} min")),
        limit.map(|s| format!("time limit {}", minutes(s).trim_end_matches(" 0 s"))),
    ];
    let budget: Vec<String> = budget.into_iter().flatten().collect();
    let budget = if against.is_some() && budget.len() < 2 {
        Vec::new()
    } else {
        budget
    };
    let late_seconds = record.invite.late_seconds;
    Time {
        taken: time_taken(record),
        suggested_minutes: suggested,
        limit_seconds: limit,
        against,
        budget: (!budget.is_empty()).then(|| budget.join("; ")),
        late_seconds,
        late: late_seconds
            .filter(|s| *s > 0)
            .map(|s| format!("{} past the deadline", minutes(s))),
    }
}

fn files_viewed(record: &ExportRecord, context: Option<&ScenarioContext>) -> FilesViewed {
    let changed: Vec<String> = context
        .map(|c| c.scenario.changed_files().map(|f| f.path.clone()).collect())
        .unwrap_or_default();
    let recorded = record.review.viewed_files.as_deref();
    let viewed: Vec<String> = recorded.unwrap_or_default().to_vec();
    let commented = changed
        .iter()
        .filter(|p| {
            record
                .review
                .comments
                .iter()
                .any(|c| !c.deleted && c.file == **p)
        })
        .count();
    FilesViewed {
        commented,
        recorded: recorded.is_some(),
        not_viewed: changed
            .iter()
            .filter(|p| !viewed.contains(p))
            .cloned()
            .collect(),
        of: changed.len(),
        viewed,
    }
}

fn severities(record: &ExportRecord) -> Vec<Count> {
    let live: Vec<Option<Severity>> = record
        .review
        .comments
        .iter()
        .filter(|c| !c.deleted)
        .map(|c| c.severity)
        .collect();
    let order = [
        Some(Severity::Blocker),
        Some(Severity::Major),
        Some(Severity::Minor),
        Some(Severity::Nit),
        Some(Severity::Question),
        None,
    ];
    order
        .into_iter()
        .map(|s| Count {
            name: s.map_or("no severity", Severity::as_str),
            count: live.iter().filter(|l| **l == s).count(),
        })
        .filter(|c| c.count > 0)
        .collect()
}

pub fn facts(record: &ExportRecord, context: Option<&ScenarioContext>) -> Facts {
    let invite = &record.invite;
    let score = &record.score;
    Facts {
        invite: invite.id.clone(),
        candidate: invite.candidate.clone(),
        reference: invite.reference.clone(),
        scenario: invite.scenario.clone(),
        title: context.map_or_else(
            || invite.scenario.clone(),
            |c| c.scenario.meta.title.clone(),
        ),
        status: record.status.as_str(),
        revoked: invite.revoked,
        verdict: record.review.verdict.map(|v| v.as_str()),
        started_at: invite.started_at.clone(),
        submitted_at: invite.submitted_at.clone(),
        time: time(record, context.map(|c| c.scenario.meta.minutes)),
        files_viewed: files_viewed(record, context),
        comments: record.review.comments.iter().filter(|c| !c.deleted).count(),
        severities: severities(record),
        found: score.found,
        total: score.total,
        per_level: LEVELS
            .iter()
            .filter_map(|l| {
                score
                    .per_level
                    .get(l.as_str())
                    .map(|t| tally(l.as_str(), t))
            })
            .collect(),
        per_category: score
            .per_category
            .iter()
            .map(|(c, t)| tally(c, t))
            .collect(),
        summary: record.review.summary.clone(),
        warnings: record.warnings.clone(),
    }
}
