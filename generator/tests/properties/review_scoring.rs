//! The `review_scoring` property: whatever a candidate writes, and wherever it is placed,
//! scoring it against a scenario's key (export's hot path, on untrusted text) neither panics
//! nor invents: every match names an issue of the key with a finite strength from 0 to 1 and
//! at most six terms; a credit shares at least one term with its issue; no issue is both
//! credited and "possibly" for one comment; the found and total counts agree with the credits;
//! and scoring
//! the same review twice gives the same result. Shared by the fuzz target and
//! `tests/fuzz_replay.rs` (both include this file by path).
//!
//! The input: a selector byte (low two bits: line comment on the modified side, file comment,
//! summary, line comment on the original side; the rest picks the scenario), a byte picking
//! the file, two little-endian u16 line numbers, then the text (UTF-8, else skipped).

use std::path::Path;
use std::sync::LazyLock;

use generator::scenario;
use generator::scoring::{Key, Params, score};
use submit_fn::model::{Comment, Review, Side};

/// Every scenario of the repository, by folder name, with its key in scoring form.
pub static KEYS: LazyLock<Vec<(String, Key)>> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("read scenarios/")
        .map(|e| e.expect("read scenarios/").file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| dir.join(n).join("key.toml").is_file())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let loaded = scenario::load(&dir.join(&name)).expect("a scenario of the repository");
            (name, Key::from_scenario(&loaded))
        })
        .collect()
});

/// Panics when the property fails.
pub fn check(data: &[u8]) {
    let [selector, file, s0, s1, e0, e1, text @ ..] = data else {
        return;
    };
    let Ok(body) = std::str::from_utf8(text) else {
        return;
    };
    let (_, key) = &KEYS[usize::from(selector >> 2) % KEYS.len()];
    let paths = key.files.paths();
    let file = paths[usize::from(*file) % paths.len()].clone();
    let lines = Some((
        u32::from(u16::from_le_bytes([*s0, *s1])),
        u32::from(u16::from_le_bytes([*e0, *e1])),
    ));
    let comment = |side, lines: Option<(u32, u32)>| Comment {
        id: "c".into(),
        file,
        side,
        start_line: lines.map(|l| l.0),
        end_line: lines.map(|l| l.1),
        severity: None,
        body: body.into(),
        updated_at: String::new(),
        deleted: false,
    };
    let review = match selector & 3 {
        0 => Review {
            comments: vec![comment(Side::Modified, lines)],
            ..Review::default()
        },
        1 => Review {
            comments: vec![comment(Side::Modified, None)],
            ..Review::default()
        },
        2 => Review {
            summary: body.into(),
            ..Review::default()
        },
        _ => Review {
            comments: vec![comment(Side::Original, lines)],
            ..Review::default()
        },
    };
    let params = Params::default();
    let scored = score(key, &review, &params);
    for (id, matches) in &scored.comments {
        let mut credited = Vec::new();
        let mut possible = Vec::new();
        for m in matches {
            assert!(
                key.issues.iter().any(|i| i.id == m.issue),
                "{id}: {:?} is not in the key",
                m.issue
            );
            assert!(
                m.strength.is_finite() && (0.0..=1.0).contains(&m.strength),
                "{id}: strength {} for {body:?}",
                m.strength
            );
            assert!(m.terms.len() <= 6, "{id}: {:?}", m.terms);
            if m.tier.is_credit() {
                assert!(!m.terms.is_empty(), "{id}: {m:?} credited on no term");
                credited.push(&m.issue);
            } else {
                possible.push(&m.issue);
            }
        }
        assert!(
            credited.iter().all(|c| !possible.contains(c)),
            "{id}: credited and possibly at once: {matches:?}"
        );
    }
    let found = key
        .issues
        .iter()
        .filter(|i| !scored.credited(&i.id).is_empty())
        .count();
    assert_eq!(
        (scored.found, scored.total),
        (found, key.issues.len()),
        "tallies"
    );
    assert_eq!(
        score(key, &review, &params).comments,
        scored.comments,
        "scoring twice differs for {body:?}"
    );
}
