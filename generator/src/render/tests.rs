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

/// The lines of each side a rendered file shows: its rows' numbers plus every on-demand group's
/// range; checks that each group's data holds as many lines as it says.
fn shown_lines(out: &RenderedFile) -> (Vec<u32>, Vec<u32>) {
    let number = |rest: &str| -> u32 { rest[..rest.find('"').unwrap()].parse().unwrap() };
    let (mut original, mut modified) = (Vec::new(), Vec::new());
    for part in out.rows.rows.split("data-original=\"").skip(1) {
        original.push(number(part));
    }
    for part in out.rows.rows.split("data-modified=\"").skip(1) {
        modified.push(number(part));
    }
    let data: Vec<Vec<String>> = serde_json::from_str(&out.rows.lines).unwrap();
    let groups: Vec<&str> = out
        .rows
        .rows
        .split("data-original-from=\"")
        .skip(1)
        .collect();
    assert_eq!(
        groups.len(),
        data.len(),
        "one data array per on-demand group"
    );
    for (group, lines) in groups.iter().zip(&data) {
        let o = number(group);
        let m = number(group.split("data-modified-from=\"").nth(1).unwrap());
        let n = number(group.split("data-lines=\"").nth(1).unwrap());
        assert_eq!(lines.len() as u32, n);
        original.extend(o..o + n);
        modified.extend(m..m + n);
    }
    original.sort_unstable();
    modified.sort_unstable();
    (original, modified)
}

#[test]
fn every_line_of_both_sides_is_a_row_or_on_demand_and_text_is_escaped() {
    let original = "<b>\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
    let modified = "<b>\nb\nc\nd\nE & e\nf\ng\nh\ni\nj\nk\n";
    let out = render_file(&file("x.ts", original, modified));
    let (o, m) = shown_lines(&out);
    assert_eq!(o, (1..=10).collect::<Vec<_>>());
    assert_eq!(m, (1..=11).collect::<Vec<_>>());
    assert!(out.rows.rows.contains("&amp;") && !out.rows.rows.contains(" & "));
    // Line 1 (`<b>`) is hidden context: in the data, escaped, never a tag.
    assert!(out.rows.lines.contains("&lt;") && !out.rows.lines.contains("<b>"));
    assert!(out.rows.rows.contains(
        "<tbody class=\"context\" hidden data-before-hunk=\"0\" data-original-from=\"1\" data-modified-from=\"1\" data-lines=\"1\"></tbody>"
    ));
    assert_eq!(out.language, "TypeScript");
}

#[test]
fn on_demand_data_cannot_close_its_script() {
    let text = "x = \"</script><!-- a\\b\tc\" // </span>\n".repeat(9);
    let out = render_file(&file("x.py", &text, &format!("{text}y = 1\n")));
    assert!(!out.rows.lines.contains("</"), "{}", out.rows.lines);
    assert!(!out.rows.lines.to_lowercase().contains("<script") && !out.rows.lines.contains("<!--"));
    let data: Vec<Vec<String>> = serde_json::from_str(&out.rows.lines).unwrap();
    assert!(data[0][0].contains("&lt;/script&gt;") && data[0][0].contains("</span>"));
}

#[test]
fn an_unchanged_file_is_all_on_demand() {
    let out = render_file(&file(
        "x.sql",
        "select 1;\nselect 2;\n",
        "select 1;\nselect 2;\n",
    ));
    assert!(!out.rows.rows.contains("<tr"));
    assert!(
        out.rows
            .rows
            .contains("<tbody class=\"file-lines\" data-original-from=\"1\"")
    );
    assert_eq!(shown_lines(&out), (vec![1, 2], vec![1, 2]));
}

#[test]
fn a_pure_rename_shows_its_lines() {
    let mut f = file("new.py", "x = 1\n", "x = 1\n");
    f.status = FileStatus::Renamed;
    f.old_path = "old.py".into();
    let out = render_file(&f);
    assert!(out.rows.rows.contains("<tbody class=\"file-lines\">"));
    assert!(!out.rows.rows.contains("class=\"context\" hidden"));
    assert_eq!(out.rows.lines, "[]");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any text renders without panicking, every line of each side once, as a row or on demand.
    #[test]
    fn random_files_render(
        original in "(\\PC{0,12}\n){0,12}",
        modified in "(\\PC{0,12}\n){0,12}",
        ext in prop::sample::select(vec!["ts", "py", "sql", "md", "heex", "txt"]),
    ) {
        let out = render_file(&file(&format!("f.{ext}"), &original, &modified));
        let (o, m) = shown_lines(&out);
        prop_assert_eq!(o, (1..=original.lines().count() as u32).collect::<Vec<_>>());
        prop_assert_eq!(m, (1..=modified.lines().count() as u32).collect::<Vec<_>>());
    }
}

#[test]
fn rows_past_a_budget_are_cut_where_a_hunk_starts() {
    // A change every 10 lines: four hunks of 3 + 1 + 1 + 3 rows with hidden context between.
    let original: String = (1..=40).map(|i| format!("line {i}\n")).collect();
    let modified: String = (1..=40)
        .map(|i| match i % 10 {
            5 => format!("changed {i}\n"),
            _ => format!("line {i}\n"),
        })
        .collect();
    let out = render_file(&file("a.rs", &original, &modified)).rows;
    assert_eq!(out.visible, 32);

    let (drawn, later, count) = out.cut(10);
    assert_eq!(count, 16, "two hunks drawn (16 rows >= 10), two later");
    assert!(later.starts_with("<tbody class=\"context\" hidden data-before-hunk=\"2\""));
    assert_eq!(
        format!("{drawn}{later}"),
        out.rows,
        "nothing lost or repeated"
    );
    assert_eq!(
        out.cut(0),
        ("", out.rows.as_str(), 32),
        "no budget left: all later"
    );
    assert_eq!(
        out.cut(33),
        (out.rows.as_str(), "", 0),
        "within the budget: none later"
    );
}
