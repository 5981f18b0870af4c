//! Comments that name several flaws, one per sentence or one per clause of a list ("the cache
//! is checked before access control, `task:join` accepts any room, and bodies render as
//! HTML"): the whole comment's terms are spread over several issues, so none passes on the
//! whole; each part alone names one. A part names its best issue only when it clearly leads
//! the runner-up, so a clause that could be either names neither; what a part names is one of
//! the decision's inputs ([`super::evidence`]).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use regex::Regex;

use submit_fn::model::Side;

use super::files::{Files, line_of};
use super::place::{At, Place, Reach, reach};
use super::{Key, Params, text};

/// A part of a comment and where it points.
pub struct Part<'a> {
    pub text: &'a str,
    /// A clause of a longer sentence, not a whole sentence.
    pub clause: bool,
    pub at: Vec<At>,
}

fn clause_breaks() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"(?i)[,:()\[\]]\s|\s[()]|\s(?:and|also|plus|while|whereas|then)\s")
            .expect("a valid pattern")
    })
}

/// The clauses of a sentence: split at commas, colons, brackets and joining words.
fn clauses(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let code = code_spans(sentence);
    for m in clause_breaks().find_iter(sentence) {
        if code.iter().any(|r| r.contains(&m.start())) {
            continue;
        }
        out.push(&sentence[start..m.start()]);
        start = m.end();
    }
    out.push(&sentence[start..]);
    out.retain(|c| !c.trim().is_empty());
    out
}

/// The byte ranges inside inline code (`` `a: b` ``): a comma, colon or bracket there is code,
/// not a break between clauses ("instead of `except: pass`").
fn code_spans(sentence: &str) -> Vec<std::ops::Range<usize>> {
    let ticks: Vec<usize> = sentence.match_indices('`').map(|(i, _)| i).collect();
    ticks.chunks_exact(2).map(|p| p[0]..p[1]).collect()
}

/// The text outside fenced code blocks (a suggestion's code, a snippet). Code repeats the
/// identifiers of the lines it replaces, whatever the prose around it says of them, so a line
/// of it is not a statement of a flaw; it still counts in the whole comment's terms.
fn prose(said: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut fenced = false;
    let mut start = 0;
    let mut offset = 0;
    for line in said.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            if !fenced {
                out.push(&said[start..offset]);
            }
            fenced = !fenced;
            start = offset + line.len();
        }
        offset += line.len();
    }
    if !fenced {
        out.push(&said[start..]);
    }
    out
}

/// Sentences, then the clauses of sentences that have more than one. A summary's sentence that
/// names a file (and line) of its own points there; other parts point where the whole does,
/// and also where they name ([`with_named`]).
pub fn parts<'a>(said: &'a str, at: &[At], files: &Files, summary: bool) -> Vec<Part<'a>> {
    let mut out: Vec<Part> = Vec::new();
    for sentence in prose(said).into_iter().flat_map(text::sentences) {
        let own = summary
            .then(|| files.place_of(sentence))
            .flatten()
            .unwrap_or_else(|| with_named(sentence, at, files));
        let pieces = clauses(sentence);
        if pieces.len() > 1 {
            out.extend(pieces.into_iter().map(|text| {
                Part {
                    text,
                    clause: true,
                    at: summary
                        .then(|| files.place_of(text))
                        .flatten()
                        .unwrap_or_else(|| with_named(text, &own, files)),
                }
            }));
        }
        out.push(Part {
            text: sentence,
            clause: false,
            at: own,
        });
    }
    out
}

/// Where a part of a line or file comment points: where the comment sits, and also what it
/// names: a shown file, and its line ("the cap is gone, see `routes/comments.js` L14"), or a
/// line of the comment's own file by number alone ("and without an idempotency key, see line
/// 49"). A line of the comment's own file is on the comment's side.
fn with_named(text: &str, at: &[At], files: &Files) -> Vec<At> {
    let mut out = at.to_vec();
    let own = match at {
        [At::Lines(place)] => Some((&place.file, place.side)),
        [At::File(file)] => Some((file, Side::Modified)),
        _ => None,
    };
    if let Some(named) = files.place_of(text) {
        out.extend(named.into_iter().map(|at| match (at, own) {
            (At::Lines(place), Some((file, side))) if &place.file == file => {
                At::Lines(Place { side, ..place })
            }
            (at, _) => at,
        }));
    } else if let (Some((file, side)), Some((start, end))) = (own, line_of(text))
        && start > 0
    {
        out.push(At::Lines(Place {
            file: file.clone(),
            side,
            start,
            end,
        }));
    }
    out
}

/// How one part reads: its best issue, by how much it leads, and whether that passes.
#[derive(Debug, Clone, Copy)]
pub struct Verdict {
    pub issue: usize,
    pub strength: f64,
    pub reach: Reach,
    /// Over the threshold of where it points plus the part's margin, and far enough ahead.
    pub names: bool,
}

/// The part's best issue and how it stands (none when it shares no term with any): it names the issue when its own strength (against
/// its own ceiling) passes the threshold of where it points plus `params.sentence`
/// (`params.clause` for a clause, `params.review` for a part of the summary that names no
/// file), and leads the second best by `params.lead` (`params.clause_lead`) times.
pub fn verdict(key: &Key, part: &Part, params: &Params) -> Option<Verdict> {
    let terms = text::terms(&key.files.without_places(part.text));
    let query: BTreeSet<&str> = terms.iter().map(String::as_str).collect();
    if query.len() < params.clause_terms {
        return None;
    }
    let own = key.index.matches_within(&query, key.index.ceiling(&query));
    let placed: Vec<(f64, Reach)> = own
        .iter()
        .zip(&key.issues)
        .map(|(m, issue)| {
            let closest = part
                .at
                .iter()
                .map(|at| reach(at, &issue.places, params.near))
                .min()
                .unwrap_or(Reach::Elsewhere);
            (m.strength, closest)
        })
        .collect();
    let (i, &(best, closest)) = placed
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.0.total_cmp(&b.1.0).then(b.0.cmp(&a.0)))
        .filter(|(_, (strength, _))| *strength > 0.0)?;
    let threshold = params.threshold(closest);
    // A rival farther away than the winner is judged as if it sat where the winner does: what
    // it lacks in place it must make up in words ("the key at line 131" beside a far issue
    // that also has a key).
    let second = placed
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != i)
        .map(|(_, &(s, r))| (s - (params.threshold(r) - threshold).max(0.0)).max(0.0))
        .fold(0.0, f64::max);
    let (margin, lead) = if part.clause {
        (params.clause, params.clause_lead)
    } else {
        (params.sentence, params.lead)
    };
    let margin = if part.at.contains(&At::Review) {
        params.review
    } else {
        margin
    };
    Some(Verdict {
        issue: i,
        strength: best,
        reach: closest,
        names: best >= threshold + margin && best >= lead * second,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_in_a_fence_is_not_a_part() {
        let said =
            "Lost update here.\n\n```suggestion\nconst total = order.totalCents;\n```\nUse a lock.";
        let texts: Vec<&str> = parts(said, &[At::Review], &Files::default(), false)
            .iter()
            .map(|p| p.text.trim())
            .collect();
        assert_eq!(texts, ["Lost update here", "Use a lock"]);
    }

    fn lines(file: &str, side: Side, start: u32) -> At {
        At::Lines(Place {
            file: file.into(),
            side,
            start,
            end: start,
        })
    }

    #[test]
    fn a_part_points_where_the_comment_sits_and_where_it_names() {
        let files = Files::new(vec!["db.ts".into(), "client.ts".into()]);
        let on = |at: At, said: &str| parts(said, &[at], &files, false).remove(0).at;
        let client = lines("client.ts", Side::Modified, 5);
        assert_eq!(
            on(client.clone(), "No backoff, see db.ts line 61"),
            [client.clone(), lines("db.ts", Side::Modified, 61)]
        );
        assert_eq!(
            on(client.clone(), "No backoff in db.ts"),
            [client.clone(), At::File("db.ts".into())]
        );
        assert_eq!(on(client.clone(), "No backoff anywhere"), [client]);
        // A line of the comment's own file, by name or by number alone, is on its side.
        let original = lines("db.ts", Side::Original, 20);
        for said in ["No backoff, see db.ts:61", "No backoff, see line 61"] {
            assert_eq!(
                on(original.clone(), said),
                [original.clone(), lines("db.ts", Side::Original, 61)],
                "{said}"
            );
        }
    }
}
