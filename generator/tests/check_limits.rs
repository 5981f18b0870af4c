//! Issue 19, item 9: what `check` let through from a hostile or careless scenario: file paths
//! that break out of HTML, Markdown or a line; footnote labels that become page ids; `//host`
//! links taken for in-page ones; a dangling link skipped in silence; scenarios so big the page
//! takes seconds to build and megabytes to load.

mod support;

use generator::scenario;
use support::{copy_fixture, problems};

#[test]
fn file_paths_with_newlines_html_or_backticks_are_refused() {
    let (_tmp, dir) = copy_fixture();
    for name in [
        "a\nb.ts",
        "<img src=x onerror=alert(1)>.ts",
        "a`b.ts",
        "x y.ts",
    ] {
        std::fs::write(dir.join("modified").join(name), "x\n").unwrap();
    }
    let out = problems(&dir);
    assert_eq!(out.matches("file paths use only").count(), 4, "{out}");
}

#[test]
fn footnote_labels_do_not_become_page_ids() {
    let html = generator::markdown::to_html("see[^file-1]\n\n[^file-1]: a note\n");
    assert!(!html.contains("id=\"file-1\""), "{html}");
    assert!(!html.contains("href=\"#file-1\""), "{html}");
    assert!(
        html.contains("id=\"fn-file-1\"") && html.contains("href=\"#fn-file-1\""),
        "{html}"
    );
}

#[test]
fn protocol_relative_links_are_external() {
    for link in [
        "//evil.example/x",
        "/\\evil.example/x",
        "\\\\\\\\evil.example",
    ] {
        let html = generator::markdown::to_html(&format!("[x]({link})"));
        assert!(
            html.contains("rel=\"noopener noreferrer nofollow\""),
            "{link}: {html}"
        );
    }
    let html = generator::markdown::to_html("[x](#file-1) [y](/s/other/)");
    assert!(
        !html.contains("noopener"),
        "in-page links stay in-page: {html}"
    );
}

#[test]
fn a_dangling_top_level_link_is_reported() {
    let (tmp, _dir) = copy_fixture();
    let scenarios = tmp.path().join("scenarios");
    std::os::unix::fs::symlink(tmp.path().join("moved-away"), scenarios.join("gone")).unwrap();
    let err = format!("{:#}", scenario::discover(&scenarios).unwrap_err());
    assert!(
        err.contains("gone") && err.contains("does not exist"),
        "{err}"
    );
}

#[test]
fn huge_scenarios_are_refused_naming_the_file() {
    let (_tmp, dir) = copy_fixture();
    std::fs::create_dir_all(dir.join("modified/many")).unwrap();
    for i in 0..200 {
        std::fs::write(dir.join(format!("modified/many/f{i:03}.txt")), "x\n").unwrap();
    }
    let out = problems(&dir);
    assert!(
        out.contains("more than 200 files") && out.contains("modified/many/f"),
        "{out}"
    );

    let (_tmp, dir) = copy_fixture();
    let big = "const x = 1;\n".repeat(60_000);
    for name in ["a.ts", "b.ts", "c.ts"] {
        std::fs::write(dir.join("modified").join(name), &big).unwrap();
    }
    let out = problems(&dir);
    assert!(
        out.contains("MiB together") && out.contains("modified/c.ts"),
        "{out}"
    );
}
