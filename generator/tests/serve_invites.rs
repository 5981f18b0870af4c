//! `reviewroom invite` and `invites` as an interviewer uses them: minting refuses a stale or
//! foreign build, and relink, extend, revoke, reopen and delete show in the listing.

mod support;

use std::path::Path;

/// Runs the CLI in `root`; returns success, stdout and stderr.
fn cli(root: &Path, args: &[&str], secret: Option<&str>) -> (bool, String, String) {
    let mut command = support::reviewroom(root);
    command.args(args);
    if let Some(secret) = secret {
        command.env("REVIEWROOM_SECRET", secret);
    }
    let out = command.output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Builds the site, asserting it succeeded.
fn build(root: &Path) {
    let (ok, _, err) = cli(root, &["build"], None);
    assert!(ok, "{err}");
}

/// The demo project, built.
fn built_project() -> tempfile::TempDir {
    let tmp = support::demo_project();
    build(tmp.path());
    tmp
}

fn state_of(root: &Path, id: &str) -> Option<String> {
    let (ok, listing, err) = cli(root, &["invites"], None);
    assert!(ok, "{err}");
    let header = listing.lines().next()?;
    let (from, to) = (header.find("STATE")?, header.find("CREATED")?);
    listing
        .lines()
        .find(|l| l.starts_with(id))
        .map(|l| l[from..to].trim().to_string())
}

#[test]
fn minting_refuses_stale_or_foreign_builds() {
    let tmp = support::demo_project();
    let root = tmp.path();
    let mint = || cli(root, &["invite", "demo-review", "--candidate", "Ann"], None);
    // Minting asks for a build of the scenario as it is now.
    let needs_a_build = |why: &str| {
        let (ok, _, err) = mint();
        assert!(
            !ok && err.contains("build and publish first"),
            "{why}: {err}"
        );
    };
    needs_a_build("no build yet");
    build(root);
    let (ok, link, err) = mint();
    assert!(ok, "{err}");
    assert!(
        link.trim().contains("/s/") && link.contains("#invite=rr2_"),
        "{link}"
    );

    let description = root.join("scenarios/demo-review/description.md");
    let text = std::fs::read_to_string(&description).unwrap();
    std::fs::write(&description, format!("{text}\nOne more line.\n")).unwrap();
    needs_a_build("changed scenario");
    build(root);
    let (ok, _, err) = mint();
    assert!(ok, "{err}");

    let (_, other_secret, _) = cli(root, &["secret", "new"], None);
    let (ok, _, err) = cli(
        root,
        &["invite", "demo-review", "--candidate", "Ann"],
        Some(other_secret.trim()),
    );
    assert!(!ok && err.contains("another path secret"), "{err}");
    assert!(
        !err.contains(other_secret.trim()),
        "the secret never appears in an error"
    );

    let (ok, _, err) = cli(root, &["invite", "demo-review"], None);
    assert!(!ok && err.contains("--candidate"), "{err}");
}

#[test]
fn interviewer_changes_show_in_the_listing() {
    let tmp = built_project();
    let root = tmp.path();
    let (ok, _, err) = cli(
        root,
        &[
            "invite",
            "demo-review",
            "--candidate",
            "Bea",
            "--ref",
            "R-1",
            "--expires",
            "2d",
            "--time-limit",
            "30m",
        ],
        None,
    );
    assert!(ok, "{err}");
    let id = err.split_whitespace().nth(1).unwrap().to_string();
    assert_eq!(state_of(root, &id).as_deref(), Some("invited"));

    let (ok, out, err) = cli(root, &["invite", "extend", &id, "3d"], None);
    assert!(ok && out.contains("until"), "{err}");
    let (ok, _, err) = cli(root, &["invite", "revoke", &id], None);
    assert!(ok, "{err}");
    assert_eq!(state_of(root, &id).as_deref(), Some("revoked"));

    let (ok, out, err) = cli(root, &["invite", "relink", &id], None);
    assert!(ok && out.contains(&id), "{err}");
    assert_eq!(
        state_of(root, &id).as_deref(),
        Some("revoked"),
        "the same invite, still revoked"
    );

    let (ok, _, err) = cli(root, &["invite", "reopen", &id], None);
    assert!(ok, "{err}");
    assert_eq!(state_of(root, &id).as_deref(), Some("invited"));
    let (ok, _, err) = cli(root, &["invite", "delete", &id], None);
    assert!(ok, "{err}");
    assert_eq!(state_of(root, &id), None);
    let (ok, _, err) = cli(root, &["invite", "delete", &id], None);
    assert!(!ok && err.contains(&id), "{err}");
    let (ok, _, err) = cli(root, &["invite", "revoke", "NOT-AN-ID"], None);
    assert!(!ok && err.contains("not an invite id"), "{err}");
}

/// Issue 19, item 4: control characters in a candidate name or ref were accepted by `invite`,
/// stored, and printed raw by `invites` (a clipboard write through OSC 52, a hidden link).
#[test]
fn control_characters_are_refused_on_input_and_escaped_in_the_listing() {
    let tmp = built_project();
    let root = tmp.path();
    for args in [
        [
            "--candidate",
            "Eve\u{1b}]52;c;ZXZpbA==\u{7}",
            "--ref",
            "R-1",
        ],
        ["--ref", "R\u{9b}2J", "--candidate", "Ann"],
        ["--ref", "R\u{202e}txt.exe", "--candidate", "Ann"],
    ] {
        let mut all = vec!["invite", "demo-review"];
        all.extend(args);
        let (ok, out, err) = cli(root, &all, None);
        assert!(
            !ok && err.contains(args[0]) && err.contains("U+"),
            "{out}{err}"
        );
    }
    // A store written by an older version (or another tool) may hold them already.
    let project = generator::config::Project::load(root).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = generator::store::open(&project, &Default::default())
            .await
            .unwrap();
        let manifest =
            generator::invite::current_manifest(&project, &Default::default(), "demo-review", true)
                .unwrap();
        let new = generator::invite::NewInvite {
            scenario: "demo-review",
            candidate: "Eve\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J",
            reference: Some("R\u{9b}31m\u{202e}"),
            expires: std::time::Duration::from_secs(3600),
            time_limit: None,
        };
        generator::invite::mint(&*store, manifest, &new)
            .await
            .unwrap();
    });
    let (ok, listing, err) = cli(root, &["invites"], None);
    assert!(ok, "{err}");
    let bad: Vec<char> = listing
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || c == '\u{202e}')
        .collect();
    assert!(bad.is_empty(), "{bad:?} in {listing:?}");
    assert!(listing.contains("Eve\\u{1b}]52;c;"), "{listing}");
}

#[test]
fn export_of_a_scenario_without_invites_says_so_and_fails() {
    let tmp = support::demo_project();
    let root = tmp.path();
    let (ok, _, err) = cli(root, &["build"], None);
    assert!(ok, "{err}");
    let out = root.join("report.json");
    let (ok, stdout, err) = cli(
        root,
        &[
            "export",
            "--scenario",
            "demo-review",
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert!(!ok, "an empty export must not pass for a report: {stdout}");
    assert!(err.contains("no invites for scenario demo-review"), "{err}");
    assert!(!out.exists(), "no empty report written");
}

/// A folder that is not the project (a typo in --root, a subfolder) is refused by every command
/// that reads the review store, and nothing is created there: an empty store would answer "no
/// invites", as if the reviews were gone.
#[test]
fn store_commands_refuse_a_folder_that_is_not_the_project() {
    let elsewhere = tempfile::tempdir().unwrap();
    for args in [
        &["invites"][..],
        &["export", "--all"],
        &["compare", "demo-review"],
        &["invite", "new", "demo-review", "--candidate", "Ann"],
        &["grade", "aaaaaaaaaaaaaaaa"],
    ] {
        let (ok, _, err) = cli(elsewhere.path(), args, None);
        assert!(!ok, "{args:?} succeeded");
        assert!(
            err.contains("is not a reviewroom project") && err.contains("--root"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(
        std::fs::read_dir(elsewhere.path()).unwrap().count(),
        0,
        "nothing is written outside a project"
    );
}

/// A mistyped scenario is named as the problem, with the scenarios there are; a duration
/// without a unit asks for one.
#[test]
fn a_mistyped_scenario_is_named_with_the_known_ones() {
    let tmp = built_project();
    let root = tmp.path();
    let (ok, _, err) = cli(
        root,
        &["invite", "new", "demo-reveiw", "--candidate", "Ann"],
        None,
    );
    assert!(!ok, "minted for a scenario that does not exist");
    assert!(
        err.contains("no scenario demo-reveiw") && err.contains("demo-review"),
        "{err}"
    );
    assert!(
        !err.contains("subcommands"),
        "`invite new` was typed right: {err}"
    );
    let (ok, _, err) = cli(root, &["invites", "--scenario", "demo-reveiw"], None);
    assert!(!ok && err.contains("no scenario demo-reveiw"), "{err}");
    for args in [
        &["compare", "demo-reveiw"][..],
        &["export", "--scenario", "demo-reveiw"],
    ] {
        let (ok, _, err) = cli(root, args, None);
        assert!(
            !ok && err.contains("no scenario demo-reveiw"),
            "{args:?}: {err}"
        );
    }
    let (ok, _, err) = cli(root, &["invite", "revok"], None);
    assert!(
        !ok && err.contains("no scenario revok") && err.contains("subcommands are new"),
        "{err}"
    );
    let (ok, _, err) = cli(root, &["invites", "--scenario", "demo-review"], None);
    assert!(ok && err.contains("no invites yet"), "{err}");
    let duration = |flag: &str, value: &str| {
        let args = [
            "invite",
            "new",
            "demo-review",
            "--candidate",
            "Ann",
            flag,
            value,
        ];
        let (ok, _, err) = cli(root, &args, None);
        assert!(!ok, "{flag} {value} accepted");
        err
    };
    let err = duration("--time-limit", "60");
    assert!(
        err.contains("give a unit") && !err.contains("60ms"),
        "{err}"
    );
    let err = duration("--expires", "7x");
    assert!(err.contains("unknown time unit \"x\""), "{err}");
}

/// A build with another path secret than the last one, from the same source, is refused (it
/// would move every scenario and break the links already sent) unless asked for with
/// --new-secret; going from the local demo's file secret to a variable (a first production
/// build) is only noted; an invalid secret says how to make one.
#[test]
fn a_build_with_another_secret_needs_new_secret() {
    let tmp = built_project();
    let root = tmp.path();
    let manifest = root.join(".reviewroom/manifests/demo-review.json");
    let (_, first, _) = cli(root, &["secret", "new"], None);
    let (ok, _, err) = cli(root, &["build"], Some(first.trim()));
    assert!(ok, "from the file secret to the variable: {err}");
    assert!(
        err.contains("note: building with the path secret from REVIEWROOM_SECRET"),
        "{err}"
    );
    let before = std::fs::read_to_string(&manifest).unwrap();
    let (_, other, _) = cli(root, &["secret", "new"], None);
    let (ok, _, err) = cli(root, &["build"], Some(other.trim()));
    assert!(!ok, "built with another secret");
    assert!(
        err.contains("--new-secret") && err.contains("demo-review"),
        "{err}"
    );
    assert!(
        !err.contains(other.trim()),
        "the secret never appears in an error"
    );
    assert_eq!(std::fs::read_to_string(&manifest).unwrap(), before);
    let (ok, _, err) = cli(
        root,
        &["publish", "--dry-run", "--new-secret"],
        Some(other.trim()),
    );
    assert!(!ok && err.contains("not with --dry-run"), "{err}");
    assert_eq!(std::fs::read_to_string(&manifest).unwrap(), before);
    let (ok, _, err) = cli(root, &["build", "--new-secret"], Some(other.trim()));
    assert!(ok, "{err}");
    assert_ne!(std::fs::read_to_string(&manifest).unwrap(), before);

    let (ok, _, err) = cli(root, &["build"], Some("abc"));
    assert!(!ok && err.contains("reviewroom secret new"), "{err}");
}
