use proptest::prelude::*;
use submit_fn::model::FileStatus;

use super::*;
use crate::scenario::ScenarioFile;

fn file(path: &str, original: &str, modified: &str) -> ScenarioFile {
    let status = match (original.is_empty(), modified.is_empty()) {
        (true, _) => FileStatus::Added,
        (_, true) => FileStatus::Deleted,
        _ if original == modified => FileStatus::Unchanged,
        _ => FileStatus::Modified,
    };
    ScenarioFile {
        path: path.into(),
        old_path: path.into(),
        status,
        original: original.into(),
        modified: modified.into(),
    }
}

#[test]
fn every_line_of_both_sides_is_a_row_and_text_is_escaped() {
    let original = "a\n<b>\nc\nd\ne\nf\ng\nh\ni\nj\n";
    let modified = "a\n<b>\nc\nd\nE & e\nf\ng\nh\ni\nj\nk\n";
    let out = render_file(&file("x.ts", original, modified));
    for n in 1..=10 {
        assert!(
            out.rows.contains(&format!("data-original=\"{n}\"")),
            "original {n}"
        );
    }
    for n in 1..=11 {
        assert!(
            out.rows.contains(&format!("data-modified=\"{n}\"")),
            "modified {n}"
        );
    }
    assert!(out.rows.contains("&lt;") && !out.rows.contains("<b>"));
    assert!(out.rows.contains("&amp;") && !out.rows.contains(" & "));
    assert!(
        out.rows
            .contains("<tbody class=\"context\" hidden data-before-hunk=\"0\">")
    );
    assert_eq!(out.language, "TypeScript");
}

#[test]
fn a_pure_rename_shows_its_lines() {
    let mut f = file("new.py", "x = 1\n", "x = 1\n");
    f.status = FileStatus::Renamed;
    f.old_path = "old.py".into();
    let out = render_file(&f);
    assert!(out.rows.contains("<tbody class=\"file-lines\">"));
    assert!(!out.rows.contains("class=\"context\" hidden"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any text renders without panicking, with one row per line of each side.
    #[test]
    fn random_files_render(
        original in "(\\PC{0,12}\n){0,12}",
        modified in "(\\PC{0,12}\n){0,12}",
        ext in prop::sample::select(vec!["ts", "py", "sql", "md", "heex", "txt"]),
    ) {
        let out = render_file(&file(&format!("f.{ext}"), &original, &modified));
        let rows = out.rows.matches("<tr class=\"row ").count();
        let (o, m) = (original.lines().count(), modified.lines().count());
        let deleted_or_added = original.is_empty() || modified.is_empty();
        if deleted_or_added || original == modified {
            prop_assert_eq!(rows, o.max(m));
        } else {
            // Context rows count once for both sides.
            let ctx = out.rows.matches("row row-ctx").count();
            prop_assert_eq!(rows - ctx + 2 * ctx, o + m);
        }
    }
}
