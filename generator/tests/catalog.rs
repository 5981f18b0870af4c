//! `reviewroom catalog` writes the interviewer's catalog outside dist/, and `build` never
//! publishes it or any of the key.

mod support;

use std::path::Path;

/// Runs `reviewroom` on the project, asserting it succeeded.
fn run(root: &Path, args: &[&str]) {
    support::succeeds(support::reviewroom(root).args(args));
}

#[test]
fn catalog_lists_the_key_outside_dist_and_build_never_publishes_it() {
    let project = tempfile::tempdir().unwrap();
    support::copy_dir(
        &support::fixtures().join("scenarios"),
        &project.path().join("scenarios"),
    );

    run(project.path(), &["catalog"]);
    let catalog = project.path().join(".reviewroom/catalog");
    let index = std::fs::read_to_string(catalog.join("index.html")).unwrap();
    let key_page = std::fs::read_to_string(catalog.join("demo-review.html")).unwrap();
    assert!(
        index.contains("2 issues: 1 junior, 1 mid, 0 senior"),
        "{index}"
    );
    assert!(index.contains("/s/"), "a preview link");
    assert!(key_page.contains("Fixture key title Qx7: retries never stop"));
    assert!(key_page.contains("Fixture key detail Qx7b"));

    run(project.path(), &["build", "--quiet"]);
    let dist = project.path().join("dist");
    let mut files = 0;
    for entry in walkdir::WalkDir::new(&dist) {
        let entry = entry.unwrap();
        let path = entry.path();
        assert!(
            !path.to_string_lossy().contains("catalog"),
            "{}",
            path.display()
        );
        if entry.file_type().is_file() {
            files += 1;
            let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
            for secret in ["Fixture key title", "Fixture key detail", "Pick a scenario"] {
                assert!(!text.contains(secret), "{secret} in {}", path.display());
            }
        }
    }
    assert!(files > 3, "the build wrote the site");
}
