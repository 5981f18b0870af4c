//! The grades part of the conformance suite: interviewer records beside the invite.

use super::conformance::{new_invite, relink};
use crate::store::*;

fn grade(grader: &str, sheet: &str) -> Grade {
    Grade {
        grader: grader.into(),
        review_id: "sub-1".into(),
        sheet: sheet.into(),
        saved_at: now(),
    }
}

/// One grade per grader, replaced by the same grader's next save, listed by grader name, moved
/// by a relink and gone with the invite.
pub(crate) async fn one_per_grader(store: &dyn ReviewStore, tag: &str) {
    let scenario = format!("grades-{tag}");
    let (invite, _) = new_invite(&scenario);
    store.create_invite(&invite).await.unwrap();
    let ada = grade("Ada", r#"{"notes":"first"}"#);
    store.save_grade(&invite.id, &ada).await.unwrap();
    let grace = grade("Grace Hopper", r#"{"notes":"hers"}"#);
    store.save_grade(&invite.id, &grace).await.unwrap();
    let mut ada_again = grade("Ada", r#"{"notes":"second"}"#);
    ada_again.review_id = "draft-3".into();
    store.save_grade(&invite.id, &ada_again).await.unwrap();
    let state = store.load(&invite.id).await.unwrap().unwrap();
    assert_eq!(state.grades, [ada_again.clone(), grace.clone()]);
    assert_eq!(state.draft, None, "a grade is no draft");
    assert!(state.submissions.is_empty(), "nor a submission");
    let listed = store.list(Some(&scenario)).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].grades, [ada_again.clone(), grace.clone()]);

    assert!(matches!(
        store.save_grade("nosuchinvite2345", &ada).await,
        Err(StoreError::NotFound(_))
    ));

    let (_, relinked) = relink(store, &invite.id).await;
    assert_eq!(relinked.id, invite.id, "a relink keeps the invite's id");
    let kept = store.load(&relinked.id).await.unwrap().unwrap();
    assert_eq!(
        kept.grades,
        [ada_again.clone(), grace],
        "grades stay with the relinked invite"
    );
    store.save_grade(&relinked.id, &ada_again).await.unwrap();

    store.delete_invite(&relinked.id).await.unwrap();
    assert!(matches!(
        store.save_grade(&relinked.id, &ada).await,
        Err(StoreError::NotFound(_))
    ));
    assert!(store.list(Some(&scenario)).await.unwrap().is_empty());
}
