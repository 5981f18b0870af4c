//! SQLite store: the shared conformance suite, and what only a file on disk can show.

use super::*;

fn store() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("r.sqlite3"), None).unwrap();
    (dir, store)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn conformance() {
    let (_dir, store) = store();
    crate::store::tests::conformance::run(std::sync::Arc::new(store)).await;
}

#[tokio::test]
async fn reopening_the_file_keeps_data_and_migrations_run_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.sqlite3");
    let (old, _) = crate::store::tests::conformance::new_invite("demo");
    let mut old = old;
    old.created_at -= time::Duration::days(3);
    let (recent, _) = crate::store::tests::conformance::new_invite("demo");
    let first = SqliteStore::open(&path, None).unwrap();
    first.create_invite(&old).await.unwrap();
    first.create_invite(&recent).await.unwrap();
    drop(first);
    let again = SqliteStore::open(&path, Some(10)).unwrap();
    assert!(again.load(&old.id).await.unwrap().is_some());
    drop(again);
    let purged = SqliteStore::open(&path, Some(2)).unwrap();
    assert!(purged.load(&old.id).await.unwrap().is_none());
    assert!(purged.load(&recent.id).await.unwrap().is_some());
}
