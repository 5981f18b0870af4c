//! `reviewroom check`: a test per docs/design.md §2 rule, each breaking a copy of the fixture and
//! asserting the message names the file and line (or field).

mod support;

use generator::scenario;
use submit_fn::model::FileStatus;
use support::{copy_fixture, edit, problems};

#[test]
fn the_fixture_is_valid_with_every_status() {
    let s = scenario::load(&support::fixture_scenario()).expect("fixture loads");
    assert_eq!(s.slug, "demo-review");
    let status = |p: &str| s.file(p).map(|f| f.status);
    assert_eq!(status("src/api/client.ts"), Some(FileStatus::Modified));
    assert_eq!(status("src/lib/format.js"), Some(FileStatus::Renamed));
    assert_eq!(
        s.file("src/lib/format.js").unwrap().old_path,
        "src/utils/format.js"
    );
    assert_eq!(status("app/worker.py"), Some(FileStatus::Added));
    assert_eq!(status("db/001_init.sql"), Some(FileStatus::Deleted));
    assert_eq!(status("config/settings.yaml"), Some(FileStatus::Unchanged));
    assert_eq!(s.key.len(), 2);
    assert_eq!(s.key[1].also.len(), 1);
}

#[test]
fn unknown_field_in_scenario_toml() {
    let (_tmp, dir) = copy_fixture();
    edit(
        &dir,
        "scenario.toml",
        "minutes = 30",
        "minutes = 30\nminuets = 5",
    );
    let out = problems(&dir);
    assert!(
        out.contains("scenario.toml:7:") && out.contains("minuets"),
        "{out}"
    );
}

#[test]
fn missing_field_in_scenario_toml() {
    let (_tmp, dir) = copy_fixture();
    edit(&dir, "scenario.toml", "author = \"fixture-author\"\n", "");
    let out = problems(&dir);
    assert!(
        out.contains("scenario.toml") && out.contains("missing field `author`"),
        "{out}"
    );
}

#[test]
fn unknown_field_in_key_toml() {
    let (_tmp, dir) = copy_fixture();
    edit(
        &dir,
        "key.toml",
        "level = \"mid\"",
        "level = \"mid\"\nseverity = \"high\"",
    );
    let out = problems(&dir);
    assert!(
        out.contains("key.toml:7:") && out.contains("severity"),
        "{out}"
    );
}

#[test]
fn missing_field_in_key_toml() {
    let (_tmp, dir) = copy_fixture();
    edit(&dir, "key.toml", "category = \"reliability\"\n", "");
    let out = problems(&dir);
    assert!(
        out.contains("key.toml") && out.contains("missing field `category`"),
        "{out}"
    );
}

#[test]
fn unknown_level_or_category_value() {
    let (_tmp, dir) = copy_fixture();
    edit(&dir, "key.toml", "level = \"mid\"", "level = \"staff\"");
    let out = problems(&dir);
    assert!(
        out.contains("key.toml:6:") && out.contains("staff"),
        "{out}"
    );
}

#[test]
fn line_range_outside_its_file() {
    let (_tmp, dir) = copy_fixture();
    edit(&dir, "key.toml", "lines = [17, 25]", "lines = [17, 250]");
    let out = problems(&dir);
    assert!(
        out.contains("key.toml:4:") && out.contains("outside modified src/api/client.ts"),
        "{out}"
    );
}

#[test]
fn inverted_range_is_outside_too() {
    let (_tmp, dir) = copy_fixture();
    edit(&dir, "key.toml", "lines = [17, 25]", "lines = [25, 17]");
    assert!(problems(&dir).contains("key.toml:4:"));
}

#[test]
fn range_on_the_side_a_file_does_not_have() {
    let (_tmp, dir) = copy_fixture();
    edit(
        &dir,
        "key.toml",
        "lines = [14, 14]",
        "side = \"original\"\nlines = [14, 14]",
    );
    let out = problems(&dir);
    assert!(
        out.contains("outside original app/worker.py (0 lines)"),
        "{out}"
    );
}

#[test]
fn anchor_not_within_its_lines() {
    let (_tmp, dir) = copy_fixture();
    edit(
        &dir,
        "key.toml",
        "anchor = \"while (true)\"",
        "anchor = \"for (;;)\"",
    );
    let out = problems(&dir);
    assert!(
        out.contains("key.toml:4:") && out.contains("anchor \"for (;;)\" not found"),
        "{out}"
    );
}

#[test]
fn anchor_in_an_also_place_is_checked() {
    let (_tmp, dir) = copy_fixture();
    edit(
        &dir,
        "key.toml",
        "anchor = \"CREATE TABLE jobs\"",
        "anchor = \"DROP TABLE\"",
    );
    let out = problems(&dir);
    assert!(
        out.contains("key.toml:20:") && out.contains("DROP TABLE"),
        "{out}"
    );
}

#[test]
fn issue_on_a_file_the_scenario_does_not_show() {
    let (_tmp, dir) = copy_fixture();
    // The old path of a renamed file is not how the key names it.
    edit(
        &dir,
        "key.toml",
        "file = \"src/api/client.ts\"",
        "file = \"src/utils/format.js\"",
    );
    let out = problems(&dir);
    assert!(
        out.contains("key.toml:4:") && out.contains("not a file the scenario shows"),
        "{out}"
    );
}

#[test]
fn duplicate_issue_ids() {
    let (_tmp, dir) = copy_fixture();
    edit(
        &dir,
        "key.toml",
        "id = \"sql-injection-qx7\"",
        "id = \"retry-forever-qx7\"",
    );
    let out = problems(&dir);
    assert!(
        out.contains("key.toml:12:")
            && out.contains("duplicate issue id")
            && out.contains("first on line 2"),
        "{out}"
    );
}

#[test]
fn issue_id_that_is_not_a_slug() {
    let (_tmp, dir) = copy_fixture();
    edit(
        &dir,
        "key.toml",
        "id = \"retry-forever-qx7\"",
        "id = \"Retry Forever\"",
    );
    assert!(problems(&dir).contains("key.toml:2:"));
}

#[cfg(unix)]
#[test]
fn symlinks_are_rejected() {
    let (_tmp, dir) = copy_fixture();
    std::os::unix::fs::symlink("/etc/hostname", dir.join("modified/link.txt")).unwrap();
    let out = problems(&dir);
    assert!(
        out.contains("modified/link.txt") && out.contains("symlinks are not allowed"),
        "{out}"
    );
}

#[test]
fn rename_paths_that_leave_the_folder() {
    let (_tmp, dir) = copy_fixture();
    edit(
        &dir,
        "scenario.toml",
        "= \"src/utils/format.js\"",
        "= \"../../secret.js\"",
    );
    let out = problems(&dir);
    assert!(
        out.contains("scenario.toml:12:") && out.contains("leaves the scenario folder"),
        "{out}"
    );
}

#[test]
fn binary_files_are_rejected() {
    let (_tmp, dir) = copy_fixture();
    std::fs::write(
        dir.join("modified/logo.png"),
        [0x89, b'P', b'N', b'G', 0, 0, 1],
    )
    .unwrap();
    let out = problems(&dir);
    assert!(
        out.contains("modified/logo.png") && out.contains("binary"),
        "{out}"
    );
}

#[test]
fn non_utf8_files_are_rejected_with_their_line() {
    let (_tmp, dir) = copy_fixture();
    std::fs::write(dir.join("modified/latin1.txt"), b"ok\ncaf\xe9\n").unwrap();
    let out = problems(&dir);
    assert!(
        out.contains("modified/latin1.txt:2:") && out.contains("UTF-8"),
        "{out}"
    );
}

#[test]
fn files_over_one_mib_are_rejected() {
    let (_tmp, dir) = copy_fixture();
    std::fs::write(dir.join("modified/big.txt"), "x\n".repeat(600 * 1024)).unwrap();
    let out = problems(&dir);
    assert!(
        out.contains("modified/big.txt") && out.contains("over the 1 MiB limit"),
        "{out}"
    );
}

#[test]
fn folder_name_must_be_a_slug() {
    let (tmp, dir) = copy_fixture();
    let bad = tmp.path().join("scenarios/Demo_Review");
    std::fs::rename(&dir, &bad).unwrap();
    assert!(problems(&bad).contains("not a valid slug"));
}

#[test]
fn missing_description_is_named() {
    let (_tmp, dir) = copy_fixture();
    std::fs::remove_file(dir.join("description.md")).unwrap();
    let out = problems(&dir);
    assert!(out.contains("description.md: missing file"), "{out}");
}

#[test]
fn every_problem_is_reported_at_once() {
    let (_tmp, dir) = copy_fixture();
    edit(&dir, "key.toml", "lines = [17, 25]", "lines = [17, 250]");
    edit(
        &dir,
        "key.toml",
        "id = \"sql-injection-qx7\"",
        "id = \"retry-forever-qx7\"",
    );
    assert_eq!(problems(&dir).lines().count(), 2);
}

#[test]
fn scaffolded_scenario_passes_check() {
    let tmp = tempfile::tempdir().unwrap();
    let project = generator::config::Project::load(tmp.path()).unwrap();
    let args = generator::cli::NewArgs {
        slug: "fresh-one".into(),
        scenarios: None,
    };
    generator::cmd::new::run(&project, &args, true).unwrap();
    let dir = tmp.path().join("scenarios/fresh-one");
    let s = scenario::load(&dir).expect("the scaffold is valid");
    assert_eq!(s.key.len(), 1);
    assert!(
        generator::cmd::new::run(&project, &args, true).is_err(),
        "no overwrite"
    );
}

mod loader_props {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Arbitrary scenario.toml and key.toml never panic the loader, and what it rejects
        /// always names a file.
        #[test]
        fn random_toml_never_panics(meta in "\\PC{0,200}", key in "\\PC{0,200}", body in proptest::collection::vec(any::<u8>(), 0..64)) {
            let (_tmp, dir) = super::copy_fixture();
            std::fs::write(dir.join("scenario.toml"), meta).unwrap();
            std::fs::write(dir.join("key.toml"), key).unwrap();
            std::fs::write(dir.join("modified/random.bin"), body).unwrap();
            if let Err(err) = generator::scenario::load(&dir) {
                let text = format!("{err:#}");
                prop_assert!(text.contains(".toml") || text.contains("random.bin"), "{}", text);
            }
        }
    }
}

#[test]
fn a_linked_scenario_folder_is_discovered_and_hidden_ones_are_not() {
    let (tmp, dir) = copy_fixture();
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&dir, elsewhere.join("demo-review")).unwrap();
    std::fs::create_dir(elsewhere.join(".drafts")).unwrap();
    let found = scenario::discover(&elsewhere).unwrap();
    assert_eq!(found, vec![elsewhere.join("demo-review")]);
    assert!(scenario::load(&found[0]).is_ok());
}
