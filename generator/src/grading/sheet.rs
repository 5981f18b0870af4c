//! A grade's content, the sheet: per key issue the interviewer's outcome and their decision on
//! each match scoring suggested, the extra comments judged, notes and a recommendation
//! (docs/design.md §8). Stored as JSON text in the store's `Grade`; checked here against the
//! review it grades, each refusal naming its field as a JSON pointer.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use submit_fn::validate::Invalid;
use submit_fn::validate::{check_text, invalid, pointer_token};

use super::Subject;

/// What the interviewer says of a key issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Found,
    Partly,
    Missed,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Found, Outcome::Partly, Outcome::Missed];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Found => "found",
            Outcome::Partly => "partly",
            Outcome::Missed => "missed",
        }
    }
}

/// A suggested match, confirmed or rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Confirmed,
    Rejected,
}

/// A comment that addresses no key issue: a valid extra finding or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Extra {
    Valid,
    Invalid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    StrongYes,
    Yes,
    No,
    StrongNo,
}

impl Recommendation {
    pub const ALL: [Recommendation; 4] = [
        Recommendation::StrongYes,
        Recommendation::Yes,
        Recommendation::No,
        Recommendation::StrongNo,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Recommendation::StrongYes => "strong_yes",
            Recommendation::Yes => "yes",
            Recommendation::No => "no",
            Recommendation::StrongNo => "strong_no",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Recommendation::StrongYes => "Strong yes",
            Recommendation::Yes => "Yes",
            Recommendation::No => "No",
            Recommendation::StrongNo => "Strong no",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssueGrade {
    pub outcome: Outcome,
    /// Comment id (or `summary:N`) -> the decision on scoring's match of it to this issue.
    #[serde(default)]
    pub matches: BTreeMap<String, Decision>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// Key issue id -> its grade; every issue of the key.
    pub issues: BTreeMap<String, IssueGrade>,
    /// Comment id -> valid or not, for every comment credited to no issue.
    #[serde(default)]
    pub extras: BTreeMap<String, Extra>,
    #[serde(default)]
    pub notes: String,
    pub recommendation: Recommendation,
}

/// Longest notes, in characters; an issue's note gets a tenth.
pub const NOTES_MAX: usize = 20_000;

/// A JSON pointer from its unescaped parts.
pub fn pointer(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| format!("/{}", pointer_token(p)))
        .collect()
}

fn object<'v>(
    value: &'v Value,
    field: &str,
) -> Result<&'v serde_json::Map<String, Value>, Invalid> {
    value
        .as_object()
        .ok_or_else(|| invalid(field.to_string(), "must be an object"))
}

fn choice<T: Copy>(value: Option<&Value>, field: String, all: &[(T, &str)]) -> Result<T, Invalid> {
    let names: Vec<&str> = all.iter().map(|(_, n)| *n).collect();
    let want = || format!("must be one of {}", names.join(", "));
    let text = value
        .and_then(Value::as_str)
        .ok_or_else(|| invalid(field.clone(), want()))?;
    all.iter()
        .find(|(_, n)| *n == text)
        .map(|(v, _)| *v)
        .ok_or_else(|| invalid(field, want()))
}

fn text(value: Option<&Value>, field: String, max: usize) -> Result<String, Invalid> {
    let Some(value) = value else {
        return Ok(String::new());
    };
    let text = value
        .as_str()
        .ok_or_else(|| invalid(field.clone(), "must be a string"))?;
    if text.chars().count() > max {
        return Err(invalid(field, format!("is longer than {max} characters")));
    }
    check_text(text, &field)?;
    Ok(text.to_string())
}

fn unknown_fields(
    map: &serde_json::Map<String, Value>,
    known: &[&str],
    at: &[&str],
) -> Result<(), Invalid> {
    match map.keys().find(|k| !known.contains(&k.as_str())) {
        Some(key) => {
            let mut parts = at.to_vec();
            parts.push(key.as_str());
            Err(invalid(pointer(&parts), "is not a field of a grade"))
        }
        None => Ok(()),
    }
}

const OUTCOMES: [(Outcome, &str); 3] = [
    (Outcome::Found, "found"),
    (Outcome::Partly, "partly"),
    (Outcome::Missed, "missed"),
];
const DECISIONS: [(Decision, &str); 2] = [
    (Decision::Confirmed, "confirmed"),
    (Decision::Rejected, "rejected"),
];
const EXTRAS: [(Extra, &str); 2] = [(Extra::Valid, "valid"), (Extra::Invalid, "invalid")];

/// Checks a posted sheet against the review it grades: every key issue marked, every suggested
/// match confirmed or rejected, every extra comment judged, nothing else.
pub fn validate(body: &Value, subject: &Subject) -> Result<Sheet, Invalid> {
    let top = object(body, "")?;
    unknown_fields(top, &["issues", "extras", "notes", "recommendation"], &[])?;
    let issues_value = top
        .get("issues")
        .ok_or_else(|| invalid("/issues".into(), "is missing"))?;
    let issues_map = object(issues_value, "/issues")?;
    if let Some(id) = issues_map.keys().find(|id| subject.issue(id).is_none()) {
        return Err(invalid(
            pointer(&["issues", id.as_str()]),
            "is not a key issue",
        ));
    }
    let mut issues = BTreeMap::new();
    for issue in subject.issues() {
        let id = issue.id.as_str();
        let Some(value) = issues_map.get(id) else {
            return Err(invalid(
                pointer(&["issues", id]),
                "mark this key issue found, partly or missed",
            ));
        };
        let map = object(value, &pointer(&["issues", id]))?;
        unknown_fields(map, &["outcome", "matches", "note"], &["issues", id])?;
        let outcome = choice(
            map.get("outcome"),
            pointer(&["issues", id, "outcome"]),
            &OUTCOMES,
        )?;
        let empty = serde_json::Map::new();
        let given = match map.get("matches") {
            Some(v) => object(v, &pointer(&["issues", id, "matches"]))?,
            None => &empty,
        };
        let suggested = subject.suggested(id);
        if let Some(c) = given
            .keys()
            .find(|c| !suggested.iter().any(|s| s.comment == c.as_str()))
        {
            return Err(invalid(
                pointer(&["issues", id, "matches", c.as_str()]),
                "is not a match scoring suggested for this issue",
            ));
        }
        let mut matches = BTreeMap::new();
        for s in &suggested {
            let field = pointer(&["issues", id, "matches", s.comment]);
            let Some(v) = given.get(s.comment) else {
                return Err(invalid(field, "confirm or reject this suggested match"));
            };
            matches.insert(s.comment.to_string(), choice(Some(v), field, &DECISIONS)?);
        }
        let note = text(
            map.get("note"),
            pointer(&["issues", id, "note"]),
            NOTES_MAX / 10,
        )?;
        issues.insert(
            id.to_string(),
            IssueGrade {
                outcome,
                matches,
                note,
            },
        );
    }
    let empty = serde_json::Map::new();
    let extras_map = match top.get("extras") {
        Some(v) => object(v, "/extras")?,
        None => &empty,
    };
    let extra_ids = subject.extras();
    if let Some(c) = extras_map
        .keys()
        .find(|c| !extra_ids.iter().any(|e| e.id == c.as_str()))
    {
        return Err(invalid(
            pointer(&["extras", c.as_str()]),
            "is not a comment that addresses no key issue",
        ));
    }
    let mut extras = BTreeMap::new();
    for comment in extra_ids {
        let field = pointer(&["extras", comment.id.as_str()]);
        let Some(v) = extras_map.get(&comment.id) else {
            return Err(invalid(field, "mark this comment valid or not"));
        };
        extras.insert(comment.id.clone(), choice(Some(v), field, &EXTRAS)?);
    }
    let notes = text(top.get("notes"), "/notes".into(), NOTES_MAX)?;
    let all: Vec<(Recommendation, &str)> = Recommendation::ALL
        .iter()
        .map(|r| (*r, r.as_str()))
        .collect();
    let recommendation = choice(top.get("recommendation"), "/recommendation".into(), &all)?;
    Ok(Sheet {
        issues,
        extras,
        notes,
        recommendation,
    })
}
