//! `as_str` is the JSON spelling for every variant, so reports, hashes and the page never
//! drift from what the API stores.

use super::*;

fn json<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[test]
fn as_str_is_the_json_spelling() {
    for side in [Side::Original, Side::Modified] {
        assert_eq!(side.as_str(), json(side));
    }
    for status in [
        FileStatus::Added,
        FileStatus::Deleted,
        FileStatus::Modified,
        FileStatus::Renamed,
        FileStatus::Unchanged,
    ] {
        assert_eq!(status.as_str(), json(status));
    }
    for verdict in [Verdict::Approve, Verdict::RequestChanges, Verdict::Comment] {
        assert_eq!(verdict.as_str(), json(verdict));
    }
    for severity in [
        Severity::Blocker,
        Severity::Major,
        Severity::Minor,
        Severity::Nit,
        Severity::Question,
    ] {
        assert_eq!(severity.as_str(), json(severity));
    }
}
