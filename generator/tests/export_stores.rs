//! Export through a real store: the fixture invites, graded by two graders, written to SQLite
//! (and, with dynalite, to DynamoDB) export exactly the records the fixture itself gives.

mod support;

use std::collections::BTreeMap;

use generator::cli::{ExportFormat, StoreArgs};
use generator::config::Project;
use generator::export;
use generator::site::manifest::scenario_hash;
use submit_fn::store::{DraftOutcome, DraftSave, InviteState, ReviewStore, SubmitOutcome};
use support::{context, states};

/// Writes every fixture state into the store through the trait.
async fn fill(store: &dyn ReviewStore, states: &[InviteState]) {
    for state in states {
        store.create_invite(&state.invite).await.unwrap();
        if let Some(draft) = &state.draft {
            // Saved until the store's version is the fixture's: a grade names `draft-<version>`.
            for base in 0..draft.version {
                let save_id = format!("{}-{base}", draft.save_id);
                let saved = store
                    .save_draft(
                        &state.invite.id,
                        DraftSave::new(base, &save_id, &draft.review, draft.saved_at),
                    )
                    .await
                    .unwrap();
                assert!(matches!(saved, DraftOutcome::Saved(_)), "{saved:?}");
            }
        }
        for submission in &state.submissions {
            let outcome = store.submit(&state.invite.id, submission).await.unwrap();
            assert!(matches!(outcome, SubmitOutcome::Created(_)), "{outcome:?}");
        }
        for grade in &state.grades {
            store.save_grade(&state.invite.id, grade).await.unwrap();
        }
    }
}

/// The fixture invites with two graders' grades of each.
fn fixture() -> Vec<InviteState> {
    let ctx = context();
    let states = states(&ctx);
    let contexts = BTreeMap::from([(ctx.scenario.slug.clone(), ctx)]);
    support::grades::graded(&contexts, &states)
}

/// The JSON records (without the export time) of `states`.
fn records_json(states: &[InviteState]) -> serde_json::Value {
    let ctx = context();
    let hashes = BTreeMap::from([(ctx.scenario.slug.clone(), scenario_hash(&ctx.scenario))]);
    let contexts = BTreeMap::from([(ctx.scenario.slug.clone(), ctx)]);
    let records = export::records(
        states,
        &contexts,
        &hashes,
        &generator::scoring::Params::default(),
    )
    .unwrap();
    let mut out = Vec::new();
    export::write(&records, &contexts, ExportFormat::Json, "-", None, &mut out).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    value["records"].clone()
}

async fn round_trip(config: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("reviewroom.toml"), config).unwrap();
    let project = Project::load(dir.path()).unwrap();
    let store = generator::store::open(&project, &StoreArgs::default())
        .await
        .unwrap();
    let fixture = fixture();
    fill(store.as_ref(), &fixture).await;
    let listed = store.list(Some("demo-review")).await.unwrap();
    assert_eq!(listed.len(), fixture.len());
    records_json(&listed)
}

#[tokio::test]
async fn sqlite_exports_what_was_stored() {
    let expected = records_json(&fixture());
    let stored = round_trip("[store]\nkind = \"sqlite\"\n").await;
    assert_eq!(stored, expected);
    assert_eq!(
        stored[0]["grades"].as_array().unwrap().len(),
        2,
        "grades are exported"
    );
}

/// Run by scripts/test.d/20-stores.sh, which starts dynalite and sets REVIEWROOM_TEST_DYNAMODB.
#[tokio::test]
#[ignore = "needs dynalite: scripts/test.sh stores"]
async fn dynamodb_and_sqlite_export_the_same_json() {
    let endpoint = std::env::var("REVIEWROOM_TEST_DYNAMODB")
        .expect("REVIEWROOM_TEST_DYNAMODB (run scripts/test.sh stores, which starts dynalite)");
    let table = format!("export-{}", std::process::id());
    let dynamo = round_trip(&format!(
        "[store]\nkind = \"dynamodb\"\ntable = \"{table}\"\nendpoint_url = \"{endpoint}\"\n"
    ))
    .await;
    let sqlite = round_trip("[store]\nkind = \"sqlite\"\n").await;
    assert_eq!(dynamo, sqlite);
    assert_eq!(dynamo, records_json(&fixture()));
}
