//! Grading that is recorded: an interviewer confirms or rejects what scoring suggested, marks
//! each key issue found, partly or missed, judges the extra comments and recommends
//! (docs/design.md §8). [`sheet`] is what a grade holds and how a posted one is checked,
//! [`results`] turns the grades of a review into confirmed results beside scoring's
//! suggestions, [`kappa`] measures two graders' agreement, [`page`] and [`server`] are the
//! page `reviewroom grade` serves on loopback.

pub mod calibration;
pub mod kappa;
pub mod page;
pub mod results;
pub mod server;
pub mod sheet;

use submit_fn::model::Comment;

use crate::export::collect::ScenarioContext;
use crate::export::record::ExportRecord;
use crate::scenario::Issue;
use crate::scoring::Match;

/// Longest grader name, in characters.
pub const GRADER_MAX: usize = 64;

/// A grader's name as stored (it keys the grade): trimmed, 1 to 64 characters, no control
/// character. `None` when it is not one.
pub fn grader_name(name: &str) -> Option<String> {
    let name = name.trim();
    let fine = !name.is_empty()
        && name.chars().count() <= GRADER_MAX
        && !name.chars().any(char::is_control);
    fine.then(|| name.to_string())
}

/// One review to grade: its export record (review and score) and its scenario (the key).
pub struct Subject<'a> {
    pub record: &'a ExportRecord,
    pub context: &'a ScenarioContext,
}

/// One match scoring suggested for an issue: the comment (or `summary:N`) and its evidence.
pub struct Suggested<'a> {
    pub comment: &'a str,
    pub evidence: &'a Match,
}

impl<'a> Subject<'a> {
    /// The key issues, in the key's order.
    pub fn issues(&self) -> impl Iterator<Item = &'a Issue> + 'a {
        self.context.scenario.key.iter()
    }

    pub fn issue(&self, id: &str) -> Option<&'a Issue> {
        self.context.issue(id)
    }

    /// The comments scoring credited to the issue, then those only on its lines ("possibly"),
    /// each in review order.
    pub fn suggested(&self, issue: &str) -> Vec<Suggested<'a>> {
        let score = &self.record.score;
        score
            .credited(issue)
            .iter()
            .chain(score.possibly(issue))
            .filter_map(|comment| {
                let evidence = score.matches(comment).iter().find(|m| m.issue == issue)?;
                Some(Suggested {
                    comment: comment.as_str(),
                    evidence,
                })
            })
            .collect()
    }

    /// The live comments credited to no issue: extra findings, valid or not.
    pub fn extras(&self) -> Vec<&'a Comment> {
        let score = &self.record.score;
        self.record
            .review
            .comments
            .iter()
            .filter(|c| !c.deleted && score.credits(&c.id).is_empty())
            .collect()
    }
}
