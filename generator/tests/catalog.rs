//! `reviewroom catalog` writes the interviewer's catalog outside dist/, and `build` never
//! publishes it or any of the key.

use std::path::Path;
use std::process::Command;

fn reviewroom(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_reviewroom"))
        .arg("--root")
        .arg(root)
        .args(args)
        .env_remove("REVIEWROOM_SECRET")
        .output()
        .unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn catalog_lists_the_key_outside_dist_and_build_never_publishes_it() {
    let project = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios");
    copy_dir(&fixtures, &project.path().join("scenarios"));

    let out = reviewroom(project.path(), &["catalog"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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

    let out = reviewroom(project.path(), &["build", "--quiet"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
