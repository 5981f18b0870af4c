//! DynamoStore against dynalite (ignored unless scripts/test.sh stores started it).

use std::sync::Arc;

use super::*;
use crate::store::tests::conformance;

/// `REVIEWROOM_TEST_DYNAMODB` is set by scripts/test.d/20-stores.sh after starting dynalite.
pub(crate) async fn local_store() -> DynamoStore {
    let endpoint = std::env::var("REVIEWROOM_TEST_DYNAMODB")
        .expect("REVIEWROOM_TEST_DYNAMODB (run scripts/test.sh stores, which starts dynalite)");
    let table = format!(
        "reviews-{}",
        crate::token::Token::mint().unwrap().invite_id()
    );
    let store = DynamoStore::connect(&table, None, Some(&endpoint), Some(30)).await;
    store.create_table().await.unwrap();
    store.create_table().await.unwrap();
    store
}

/// A new invite of `scenario` in the store, with a draft saved.
async fn invite_with_draft(store: &DynamoStore, scenario: &str) -> crate::store::Invite {
    let (invite, _) = conformance::new_invite(scenario);
    store.create_invite(&invite).await.unwrap();
    let save = DraftSave::new(0, "s", "{}", super::super::now());
    store.save_draft(&invite.id, save).await.unwrap();
    invite
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs dynalite: scripts/test.sh stores"]
async fn conformance_on_dynalite() {
    let store = local_store().await;
    let gone = conformance::run(Arc::new(store.clone())).await;
    assert!(!gone.is_empty());
    for id in gone {
        for item in store.items(&id).await.unwrap() {
            let mut names: Vec<_> = item.keys().map(String::as_str).collect();
            names.sort_unstable();
            assert_eq!(
                names,
                ["expires_at", "fence", "pk", "sk"],
                "a deleted invite left a record behind under {id}: {item:?}"
            );
        }
    }
}

#[tokio::test]
#[ignore = "needs dynalite: scripts/test.sh stores"]
async fn items_carry_gsi_sk_scenario_and_ttl() {
    let store = local_store().await;
    let invite = invite_with_draft(&store, "ttl").await;
    for item in store.items(&invite.id).await.unwrap() {
        let gsi = get_s(&item, "gsi_sk").unwrap();
        assert!(gsi.contains(&invite.id), "{gsi}");
        assert_eq!(get_s(&item, "scenario").unwrap(), "ttl");
        let ttl: i64 = get_n(&item, TTL_ATTRIBUTE).unwrap();
        let expected = (invite.created_at + time::Duration::days(30)).unix_timestamp();
        assert_eq!(ttl, expected);
    }
}

/// Issue 19: a relink used to fence META, copy every item to the new token's id and bury the old
/// ones; interrupted after the fence, the invite was hidden until the command was run again.
/// Now the token carries the id, and a relink is one conditional write of META's token hash:
/// there is no step in between to be interrupted in.
#[tokio::test]
#[ignore = "needs dynalite: scripts/test.sh stores"]
async fn relink_is_one_write_and_every_item_stays() {
    let store = local_store().await;
    let invite = invite_with_draft(&store, "relink-items").await;
    let submission = conformance::submission(0, "sub", "{}");
    store.submit(&invite.id, &submission).await.unwrap();
    let before = store.items(&invite.id).await.unwrap();
    let (token, relinked) = conformance::relink(&store, &invite.id).await;
    assert_eq!(relinked.id, invite.id);
    let after = store.items(&invite.id).await.unwrap();
    assert_eq!(after.len(), before.len(), "{after:?}");
    for (mut was, mut is) in before.into_iter().zip(after) {
        assert!(!is.contains_key(delete::FENCE), "{is:?}");
        if get_s(&is, "sk").unwrap() == "META" {
            assert_eq!(get_s(&is, "token_hash").unwrap(), token.hash().to_hex());
            was.remove("token_hash");
            is.remove("token_hash");
        }
        assert_eq!(is, was, "only META's token hash changes");
    }
    let listed = store.list(Some("relink-items")).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].invite.id, invite.id);
    assert_eq!(listed[0].submissions.len(), 1);
}
