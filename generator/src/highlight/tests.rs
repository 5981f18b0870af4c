use super::css::{DARK, LIGHT, MIN_CONTRAST, contrast};
use super::*;

/// The class of the span that starts with `token` on any line, if any span does.
fn class_of(path: &str, text: &str, token: &str) -> Option<&'static str> {
    let hl = highlight(path, text);
    for (line, spans) in text.lines().zip(&hl.lines) {
        for span in spans {
            if line[span.range.clone()].trim_start().starts_with(token) {
                return span.class.map(TokenClass::css);
            }
        }
    }
    panic!(
        "{token:?} not found as a span start in {path}: {:?}",
        hl.lines
    );
}

fn assert_class(path: &str, text: &str, token: &str, css: &str) {
    assert_eq!(
        class_of(path, text, token),
        Some(css),
        "{token:?} in {path}"
    );
}

#[test]
fn typescript() {
    let src = "export const n: number = 42; // done\n";
    assert_eq!(syntax_for("a/b.ts").name, "TypeScript");
    assert_class("a/b.ts", src, "export", "hk");
    assert_class("a/b.ts", src, "42", "hn");
    assert_class("a/b.ts", src, "// done", "hc");
}

#[test]
fn tsx() {
    let src = "const el = <Panel title=\"x\" />;\n";
    assert!(
        syntax_for("Panel.tsx").name.contains("TypeScriptReact")
            || syntax_for("Panel.tsx").name.contains("TSX"),
        "{}",
        syntax_for("Panel.tsx").name
    );
    assert_class("Panel.tsx", src, "const", "hk");
    assert_class("Panel.tsx", src, "\"x\"", "hs");
}

#[test]
fn javascript_and_jsx() {
    let src = "function add(a, b) { return a + b; }\n";
    assert_class("x.js", src, "function", "hk");
    assert_class("x.js", src, "add", "hf");
    let jsx = "const v = <div className=\"a\">hi</div>;\n";
    assert_class("x.jsx", jsx, "const", "hk");
    assert_class("x.jsx", jsx, "div", "hg");
}

#[test]
fn python() {
    let src = "def run(path: str) -> int:\n    return 1  # one\n";
    assert_class("w.py", src, "def", "hk");
    assert_class("w.py", src, "run", "hf");
    assert_class("w.py", src, "# one", "hc");
}

#[test]
fn sql() {
    let src = "SELECT id FROM jobs WHERE body = 'x';\n";
    assert_class("q.sql", src, "SELECT", "hk");
    assert_class("q.sql", src, "'x'", "hs");
}

#[test]
fn yaml_both_extensions() {
    let src = "service:\n  retries: 3 # n\n";
    for path in ["a.yaml", "a.yml"] {
        assert_eq!(syntax_for(path).name, "YAML");
        assert_class(path, src, "3", "hn");
        assert_class(path, src, "# n", "hc");
    }
}

#[test]
fn json() {
    let src = "{\"a\": [1, true, \"s\"]}\n";
    assert_class("p.json", src, "1", "hn");
    assert_class("p.json", src, "true", "hb");
}

#[test]
fn java() {
    let src = "public class Queue { private int size = 0; }\n";
    assert_class("Queue.java", src, "public", "hk");
    assert_class("Queue.java", src, "0", "hn");
}

#[test]
fn elixir() {
    let src = "defmodule Shop.Cart do\n  def total(items), do: Enum.sum(items) # sum\nend\n";
    for path in ["cart.ex", "cart_test.exs"] {
        assert_eq!(syntax_for(path).name, "Elixir");
        assert_class(path, src, "defmodule", "hk");
        assert_class(path, src, "# sum", "hc");
    }
}

#[test]
fn heex_and_eex_as_html() {
    let src = "<div class=\"cart\"><%= @total %></div>\n";
    for path in ["cart.html.heex", "page.eex"] {
        assert_eq!(syntax_for(path).name, "HTML");
        assert_class(path, src, "div", "hg");
        assert_class(path, src, "class", "ha");
    }
}

#[test]
fn markdown_toml_shell_dockerfile() {
    assert_class("README.md", "# Title\n\ntext\n", "# Title", "hh");
    assert_class("Cargo.toml", "[package]\nname = \"x\"\n", "\"x\"", "hs");
    assert_class("run.sh", "if [ -f x ]; then echo hi; fi\n", "if", "hk");
    assert_eq!(syntax_for("docker/Dockerfile").name, "Dockerfile");
    assert_class(
        "docker/Dockerfile",
        "FROM rust:1 AS build\nRUN cargo build\n",
        "FROM",
        "hk",
    );
}

#[test]
fn unknown_files_are_plain_text() {
    let hl = highlight("notes.unknownext", "anything at all\n");
    assert_eq!(hl.language, "Plain Text");
    assert!(hl.lines[0].iter().all(|s| s.class.is_none()));
}

#[test]
fn parse_state_carries_across_lines() {
    // Line 3 alone would read as code; inside the comment opened on line 1 it is comment.
    let src = "/*\n * note\n const x = 1;\n*/\nconst y = 2;\n";
    let hl = highlight("a.ts", src);
    assert!(
        hl.lines[2]
            .iter()
            .all(|s| s.class == Some(TokenClass::Comment)),
        "{:?}",
        hl.lines[2]
    );
    assert!(
        hl.lines[4]
            .iter()
            .any(|s| s.class == Some(TokenClass::Keyword))
    );
}

#[test]
fn adjacent_spans_of_one_class_are_merged() {
    let hl = highlight("a.ts", "// one two three\n");
    assert_eq!(hl.lines[0].len(), 1, "{:?}", hl.lines[0]);
}

#[test]
fn token_colours_meet_aa_on_every_row_background() {
    for palette in [LIGHT, DARK] {
        for (class, color) in palette.token_colors() {
            for bg in palette.code_backgrounds() {
                let ratio = contrast(color, bg);
                assert!(
                    ratio >= MIN_CONTRAST,
                    "{} {:?} on {bg:?}: {ratio:.2}",
                    palette.name,
                    class
                );
            }
        }
        for (name, fg) in [
            ("fg", palette.fg),
            ("muted", palette.muted),
            ("add", palette.add_fg),
            ("del", palette.del_fg),
            ("link", palette.link),
        ] {
            for bg in [
                palette.bg,
                palette.subtle_bg,
                palette.add_bg,
                palette.del_bg,
                palette.hunk_bg,
            ] {
                let ratio = contrast(fg, bg);
                assert!(
                    ratio >= MIN_CONTRAST,
                    "{} {name} on {bg:?}: {ratio:.2}",
                    palette.name
                );
            }
        }
    }
}

#[test]
fn stylesheet_has_light_dark_and_toggle() {
    let css = css::stylesheet();
    assert!(css.contains("html[data-theme=light]"));
    assert!(css.contains("@media (prefers-color-scheme: dark)"));
    assert!(css.contains("html[data-theme=dark]"));
    assert!(css.contains(".hk{color:var(--hk)}"));
    assert!(contrast((0, 0, 0), (255, 255, 255)) > 20.9);
}

#[test]
fn pair_highlighting_equals_highlighting_each_side_alone() {
    let scenario = crate::scenario::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/scenarios/demo-review"),
    )
    .unwrap();
    // Includes a region entered in a different state: a comment opened by a changed line.
    let original = "let a = 1;\nlet b = 2;\nlet c = 3;\nlet d = 4;\n";
    let modified = "/* open\nlet b = 2;\nlet c = 3;\n*/ let d = 4;\n";
    let mut pairs: Vec<(String, String, String, String)> = scenario
        .changed_files()
        .map(|f| {
            (
                f.old_path.clone(),
                f.original.clone(),
                f.path.clone(),
                f.modified.clone(),
            )
        })
        .collect();
    pairs.push((
        "x.ts".into(),
        original.into(),
        "x.ts".into(),
        modified.into(),
    ));
    for (old_path, original, new_path, modified) in pairs {
        let diff = crate::diff::diff_files(&original, &modified, crate::diff::CONTEXT);
        let (o, m) = highlight_pair(
            &old_path,
            &original,
            &new_path,
            &modified,
            &diff.unchanged(),
        );
        assert_eq!(o, highlight(&old_path, &original), "{old_path}");
        assert_eq!(m, highlight(&new_path, &modified), "{new_path}");
    }
}
