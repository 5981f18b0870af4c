//! The one test-support module of the integration tests: the fixture scenario (copied so a test
//! may break it, or as a whole project), `check`'s problems, and the export tests' invites.
#![allow(dead_code)]

pub mod grades;
pub mod http;
mod invites;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};

use generator::scenario::{self, InvalidScenario};
pub use invites::*;

/// The `reviewroom` binary run on the project at `root`, with no path secret from the caller's
/// environment (a test that wants one sets `REVIEWROOM_SECRET` on the command).
pub fn reviewroom(root: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reviewroom"));
    command
        .arg("--root")
        .arg(root)
        .env_remove("REVIEWROOM_SECRET");
    command
}

/// Runs `command`, asserts that it succeeded (showing its stderr when not), and gives its
/// stdout.
#[track_caller]
pub fn succeeds(command: &mut Command) -> String {
    let out = command.output().expect("run reviewroom");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A port free on loopback at the time of asking.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// Hands every line the child prints, on stdout and stderr (both piped), to `each`, from a
/// thread per pipe, so the child never blocks on a full pipe.
pub fn forward_lines(child: &mut Child, each: impl Fn(String) + Clone + Send + 'static) {
    let stdout = child.stdout.take().expect("stdout piped");
    let stderr = child.stderr.take().expect("stderr piped");
    for pipe in [Box::new(stdout) as Box<dyn Read + Send>, Box::new(stderr)] {
        let each = each.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                each(line);
            }
        });
    }
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn fixture_scenario() -> PathBuf {
    fixtures().join("scenarios/demo-review")
}

/// A temporary copy of the fixture scenario at `<tmp>/scenarios/demo-review`.
pub fn copy_fixture() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dest = tmp.path().join("scenarios/demo-review");
    copy_dir(&fixture_scenario(), &dest);
    (tmp, dest)
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Replaces `from` by `to` in a file of the scenario, asserting it was there.
pub fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{from:?} not in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

/// A temp project holding a copy of the fixture scenario `demo-review`.
pub fn demo_project() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    copy_dir(
        &fixture_scenario(),
        &tmp.path().join("scenarios/demo-review"),
    );
    tmp
}

/// Every problem `check` finds in a broken scenario, as it prints them.
pub fn problems(dir: &Path) -> String {
    let err = scenario::load(dir).expect_err("the broken fixture must be rejected");
    let invalid = err
        .downcast_ref::<InvalidScenario>()
        .expect("an InvalidScenario error");
    invalid
        .problems
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}
