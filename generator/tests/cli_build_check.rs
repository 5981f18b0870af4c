//! The `reviewroom` binary's build, check and new: exit codes and what they print.

mod support;

use std::process::Command;

fn reviewroom(root: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_reviewroom"));
    cmd.arg("--root").arg(root).env_remove("REVIEWROOM_SECRET");
    cmd
}

#[test]
fn check_exits_non_zero_naming_file_and_line() {
    let (tmp, dir) = support::copy_fixture();
    let ok = reviewroom(tmp.path()).arg("check").output().unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("ok   demo-review"));
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
    let out = reviewroom(tmp.path())
        .args(["new", "fresh-one"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bad = reviewroom(tmp.path())
        .args(["new", "Bad Slug"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let build = reviewroom(tmp.path())
        .args(["--quiet", "build"])
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
}
