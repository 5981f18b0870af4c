//! The `reviewroom` binary's build, check and new: exit codes and what they print.

mod support;

use support::{reviewroom, succeeds};

#[test]
fn check_exits_non_zero_naming_file_and_line() {
    let (tmp, dir) = support::copy_fixture();
    let ok = succeeds(reviewroom(tmp.path()).arg("check"));
    assert!(ok.contains("ok   demo-review"), "{ok}");
    support::edit(&dir, "key.toml", "lines = [17, 25]", "lines = [17, 99]");
    let bad = reviewroom(tmp.path())
        .arg("check")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("key.toml:4:") && stderr.contains("outside"),
        "{stderr}"
    );
    assert!(!tmp.path().join("dist").exists(), "check writes nothing");
}

#[test]
fn build_reports_what_it_wrote_and_quiet_prints_nothing() {
    let (tmp, _dir) = support::copy_fixture();
    let out = reviewroom(tmp.path()).arg("build").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("demo-review") && stdout.contains("/s/") && stdout.contains("(rendered)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("wrote ") && stdout.contains(" ms"),
        "{stdout}"
    );
    // Not a terminal: plain progress lines on stderr.
    assert!(String::from_utf8_lossy(&out.stderr).contains("rendered demo-review"));
    let quiet = reviewroom(tmp.path())
        .args(["--quiet", "build"])
        .output()
        .unwrap();
    assert!(quiet.status.success());
    assert!(quiet.stdout.is_empty() && quiet.stderr.is_empty());
    assert!(tmp.path().join("dist/index.html").is_file());
    assert!(
        tmp.path()
            .join(".reviewroom/manifests/demo-review.json")
            .is_file()
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join(".reviewroom/.gitignore")).unwrap(),
        "*\n"
    );
}

#[test]
fn a_build_with_no_scenarios_says_where_it_looked() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("empty")).unwrap();
    let out = reviewroom(tmp.path())
        .args(["build", "--scenarios"])
        .arg(tmp.path().join("empty"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no scenario folders under") && stderr.contains("empty"),
        "{stderr}"
    );
}

#[test]
fn new_scaffolds_a_scenario_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    succeeds(reviewroom(tmp.path()).args(["new", "fresh-one"]));
    let bad = reviewroom(tmp.path())
        .args(["new", "Bad Slug"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    succeeds(reviewroom(tmp.path()).args(["--quiet", "build"]));
}

/// Issue 19, item 1: `--out` or `out_dir` naming the project, its state or its scenarios used
/// to replace that folder with the site and exit 0.
#[test]
fn build_refuses_an_output_folder_that_would_replace_the_project() {
    let (tmp, dir) = support::copy_fixture();
    let root = tmp.path();
    std::fs::create_dir_all(root.join(".reviewroom")).unwrap();
    std::fs::write(root.join(".reviewroom/secret-keep"), "x").unwrap();
    for (out, named) in [
        (root.to_path_buf(), "the project root"),
        (root.join(".reviewroom"), "the state folder"),
        (root.join("scenarios"), "the scenarios folder"),
        (dir.join("original"), "the scenarios folder"),
    ] {
        let run = reviewroom(root)
            .args(["--quiet", "build", "--out"])
            .arg(&out)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success(), "--out {}: {stderr}", out.display());
        assert!(
            stderr.contains(named) && stderr.contains(&out.display().to_string()),
            "{stderr}"
        );
    }
    assert!(dir.join("scenario.toml").is_file(), "the scenario survived");
    assert!(
        root.join(".reviewroom/secret-keep").is_file(),
        "the state survived"
    );

    std::fs::write(root.join("reviewroom.toml"), "out_dir = \"\"\n").unwrap();
    let run = reviewroom(root)
        .args(["--quiet", "build"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        !run.status.success() && stderr.contains("out_dir"),
        "{stderr}"
    );
    assert!(dir.join("scenario.toml").is_file(), "the scenario survived");

    // A folder of someone else's files is kept; one a build wrote is replaced.
    std::fs::write(root.join("reviewroom.toml"), "out_dir = \"site\"\n").unwrap();
    std::fs::create_dir_all(root.join("site")).unwrap();
    std::fs::write(root.join("site/notes.txt"), "mine").unwrap();
    let run = reviewroom(root)
        .args(["--quiet", "build"])
        .output()
        .unwrap();
    assert!(!run.status.success());
    assert!(root.join("site/notes.txt").is_file());
    std::fs::remove_file(root.join("site/notes.txt")).unwrap();
    for _ in 0..2 {
        succeeds(reviewroom(root).args(["--quiet", "build"]));
    }
    assert!(root.join("site/index.html").is_file());
}
