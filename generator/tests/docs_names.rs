//! The documents name files and code that exist: every relative link in ARCHITECTURE.md,
//! docs/design.md, README.md and DEVELOPERS.md points at a file (and a heading) of the
//! repository, and every backticked code name in ARCHITECTURE.md and docs/design.md (a
//! `module::symbol` path, a `Type`, a `function(...)`, a repository path) is found in the module
//! it names or in the workspace's Rust sources. Renaming a file or symbol without the documents
//! fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use regex::Regex;

/// Documents whose links are checked; the first two also have their code names checked.
const DOCUMENTS: [(&str, bool); 4] = [
    ("ARCHITECTURE.md", true),
    ("docs/design.md", true),
    ("README.md", false),
    ("DEVELOPERS.md", false),
];

/// Rust sources searched for definitions.
const SOURCES: [&str; 8] = [
    "generator/src",
    "generator/tests",
    "generator/examples",
    "generator/build.rs",
    "submit-fn/src",
    "submit-fn/tests",
    "submit-fn/examples",
    "fuzz/fuzz_targets",
];

/// The two crates' module trees, by the name code uses for the crate.
const CRATES: [(&str, &str); 2] = [
    ("generator", "generator/src"),
    ("submit_fn", "submit-fn/src"),
];

/// Paths into other crates, and names from them, that the documents may mention.
const EXTERNAL: [&str; 15] = [
    "std",
    "str",
    "axum",
    "lambda_http",
    "tower_http",
    "tokio",
    "serde",
    "syntect",
    "pulldown_cmark",
    "imara_diff",
    "OnceLock",
    "ParseState",
    "IntoResponse",
    "Router",
    "Debug",
];

/// Backticked words that look like code names but are not Rust: file names, HTTP headers,
/// DynamoDB condition functions.
const NOT_RUST: [&str; 5] = [
    "Dockerfile",
    "Authorization",
    "Referer",
    "attribute_exists",
    "attribute_not_exists",
];

/// Top-level folders of the repository: a backticked path starting with one must exist.
const TOP: [&str; 9] = [
    "generator/",
    "submit-fn/",
    "themes/",
    "scripts/",
    "infra/",
    "tests-browser/",
    "fuzz/",
    "docs/",
    "scenarios/",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the generator crate sits in the workspace")
        .to_path_buf()
}

/// The Rust sources: relative path -> the names each defines.
struct Workspace {
    root: PathBuf,
    sources: BTreeMap<String, BTreeSet<String>>,
}

impl Workspace {
    fn load(root: &Path) -> Workspace {
        let item = Regex::new(r"\b(?:fn|struct|enum|trait|type|const|static|mod)\s+(\w+)").unwrap();
        // Only a capitalised name can be an enum variant (a lowercase one would be a field).
        let variant = Regex::new(r"(?m)^\s+([A-Z]\w*)\s*(?:[({,]|$)").unwrap();
        let mut sources = BTreeMap::new();
        for top in SOURCES {
            for entry in walkdir::WalkDir::new(root.join(top)).into_iter().flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "rs") {
                    let relative = path.strip_prefix(root).unwrap().to_string_lossy();
                    let text = std::fs::read_to_string(path).unwrap();
                    let names = item
                        .captures_iter(&text)
                        .chain(variant.captures_iter(&text))
                        .map(|c| c[1].to_string())
                        .collect();
                    sources.insert(relative.replace('\\', "/"), names);
                }
            }
        }
        Workspace {
            root: root.to_path_buf(),
            sources,
        }
    }

    /// Whether `name` is defined (item, or enum variant) in a source whose path passes `within`.
    fn defines(&self, name: &str, within: impl Fn(&str) -> bool) -> bool {
        self.sources
            .iter()
            .any(|(path, names)| within(path) && names.contains(name))
    }

    /// The source files of module path `segments` in either crate (`a::b` -> `a/b.rs`,
    /// `a/b/mod.rs` and everything under `a/b/`).
    fn module_files(&self, segments: &[&str]) -> Vec<String> {
        let (crates, segments): (Vec<&str>, &[&str]) = match CRATES
            .iter()
            .find(|(name, _)| segments.first() == Some(name))
        {
            Some((_, dir)) => (vec![*dir], &segments[1..]),
            None => (CRATES.iter().map(|(_, dir)| *dir).collect(), segments),
        };
        let mut files = Vec::new();
        for dir in crates {
            let base = format!("{dir}/{}", segments.join("/"));
            for path in self.sources.keys() {
                let file = path == &format!("{base}.rs") || path == &format!("{base}/mod.rs");
                let under = !segments.is_empty() && path.starts_with(&format!("{base}/"));
                let root = segments.is_empty() && path.starts_with(&format!("{dir}/"));
                if file || under || root {
                    files.push(path.clone());
                }
            }
        }
        files
    }
}

fn is_type(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase()) && name.chars().any(|c| c.is_lowercase())
}

/// Checks one backticked code span; returns what is wrong with it.
fn check_code(ws: &Workspace, code: &str) -> Option<String> {
    static PATH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^((?:\w+::)+\w+)(?:\(.*\))?(?:\s*->\s*(\w+))?$").unwrap());
    // A Rust call: snake_case name, arguments that are names (JS such as `import('./x.js')` is not).
    static CALL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([a-z_][a-z0-9_]*)\((\w+(,\s*\w+)*)?\)$").unwrap());
    static IDENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-Z][A-Za-z0-9]*$").unwrap());
    let (path, call, ident) = (&*PATH, &*CALL, &*IDENT);
    if let Some(caps) = path.captures(code) {
        let segments: Vec<&str> = caps[1].split("::").collect();
        if EXTERNAL.contains(&segments[0]) {
            return None;
        }
        if let Some(problem) = caps.get(2).and_then(|ret| check_code(ws, ret.as_str())) {
            return Some(problem);
        }
        // `module::Type::member` or `Type::member`: the type, then the member anywhere.
        if let Some(at) = segments[..segments.len() - 1]
            .iter()
            .position(|s| is_type(s))
        {
            let (ty, member) = (segments[at], segments[at + 1]);
            if !ws.defines(ty, |_| true) {
                return Some(format!("`{code}`: no type {ty}"));
            }
            if !ws.defines(member, |_| true) {
                return Some(format!("`{code}`: {ty} has no {member}"));
            }
            return None;
        }
        let (symbol, modules) = segments.split_last().unwrap();
        let files = ws.module_files(modules);
        if files.is_empty() {
            return Some(format!("`{code}`: no module {}", modules.join("::")));
        }
        if !ws.defines(symbol, |p| files.iter().any(|f| f == p)) {
            return Some(format!(
                "`{code}`: {symbol} is not defined in {}",
                files.join(", ")
            ));
        }
        return None;
    }
    if NOT_RUST
        .iter()
        .any(|w| code == *w || code.starts_with(&format!("{w}(")))
    {
        return None;
    }
    if let Some(caps) = call.captures(code) {
        let name = &caps[1];
        return (!ws.defines(name, |_| true)).then(|| format!("`{code}`: no fn {name}"));
    }
    if ident.is_match(code) && code.chars().any(|c| c.is_lowercase()) {
        let known = EXTERNAL.contains(&code) || ws.defines(code, |_| true);
        return (!known).then(|| format!("`{code}`: not defined in the workspace"));
    }
    let placeholder = code.contains(['<', '*', ' ']) || code.contains("...");
    if TOP.iter().any(|t| code.starts_with(t)) && !placeholder && !ws.root.join(code).exists() {
        return Some(format!("`{code}`: no such file or folder"));
    }
    None
}

/// GitHub's anchor for a heading: lowercase, punctuation dropped, spaces as hyphens.
fn slug(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn headings(markdown: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut current: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) => current = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => out.extend(current.take().map(|h| slug(&h))),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = current.as_mut() {
                    h.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

/// Checks a link from `doc` (a repository path) to `dest`, shown as `text`.
fn check_link(ws: &Workspace, doc: &str, dest: &str, text: &str) -> Option<String> {
    if dest.contains("://") || dest.starts_with("mailto:") {
        return None;
    }
    let (file, anchor) = dest.split_once('#').unwrap_or((dest, ""));
    let base = Path::new(doc).parent().unwrap_or(Path::new(""));
    let target = if file.is_empty() {
        PathBuf::from(doc)
    } else {
        base.join(file)
    };
    let normal: PathBuf = target.components().fold(PathBuf::new(), |mut p, c| {
        match c {
            std::path::Component::ParentDir => {
                p.pop();
            }
            c => p.push(c),
        }
        p
    });
    let full = ws.root.join(&normal);
    if !full.exists() {
        return Some(format!(
            "link to {dest}: {} does not exist",
            normal.display()
        ));
    }
    if !anchor.is_empty() && full.extension().is_some_and(|e| e == "md") {
        let text = std::fs::read_to_string(&full).unwrap();
        if !headings(&text).contains(anchor) {
            return Some(format!("link to {dest}: no heading #{anchor}"));
        }
    }
    // A link shown as a path names the file it points at (or its folder).
    let shown = text.trim_matches('`').trim_end_matches('/');
    let target = normal.to_string_lossy().replace('\\', "/");
    let parent = normal
        .parent()
        .map(|p| p.to_string_lossy().replace('\\', "/"));
    let path_like = shown.contains('/') || shown.ends_with(".rs") || shown.ends_with(".md");
    let names_it = target.ends_with(shown) || parent.is_some_and(|p| p.ends_with(shown));
    (path_like && text.starts_with('`') && !names_it)
        .then(|| format!("link [{text}]({dest}): the text does not name the target"))
}

/// Every problem with the names in one document; `seen` counts the links and code paths looked
/// at, so a parser change that finds none cannot pass unnoticed.
fn problems(
    ws: &Workspace,
    doc: &str,
    markdown: &str,
    code_names: bool,
    seen: &mut usize,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_block = false;
    let mut link: Option<(String, String)> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_block = true,
            Event::End(TagEnd::CodeBlock) => in_block = false,
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some((dest_url.to_string(), String::new()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((dest, text)) = link.take() {
                    *seen += 1;
                    out.extend(check_link(ws, doc, &dest, &text));
                }
            }
            Event::Text(t) => {
                if let Some((_, text)) = link.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::Code(code) if !in_block => {
                if let Some((_, text)) = link.as_mut() {
                    text.push_str(&format!("`{code}`"));
                }
                if code_names {
                    *seen += usize::from(code.contains("::"));
                    out.extend(check_code(ws, code.trim()));
                }
            }
            _ => {}
        }
    }
    out.into_iter().map(|p| format!("{doc}: {p}")).collect()
}

#[test]
fn documents_name_files_and_symbols_that_exist() {
    let root = root();
    let ws = Workspace::load(&root);
    let (mut found, mut seen) = (Vec::new(), 0);
    for (doc, code_names) in DOCUMENTS {
        let text = std::fs::read_to_string(root.join(doc)).unwrap();
        found.extend(problems(&ws, doc, &text, code_names, &mut seen));
    }
    assert!(
        found.is_empty(),
        "{} stale names:\n{}",
        found.len(),
        found.join("\n")
    );
    assert!(
        seen > 50,
        "only {seen} links and code paths: is the parser reading them?"
    );
}

#[test]
fn the_check_catches_a_wrong_name() {
    let ws = Workspace::load(&root());
    let good = "`render::render_file`, `AppState`, `api::Policy`, `diff::CONTEXT`, \
                [`diff.rs`](generator/src/diff.rs), [§6](docs/design.md#6-the-api)";
    let check = |text: &str| problems(&ws, "README.md", text, true, &mut 0);
    assert_eq!(check(good), Vec::<String>::new());
    for bad in [
        "`render::render_row`",
        "`api::StorePolicy`",
        "`nowhere::render_file`",
        "`StorePolicy`",
        "`AppState::retry`",
        "`site::run(project) -> BuildResult`",
        "`render_everything(file)`",
        "`generator/src/nothing.rs`",
        "[`diff.rs`](generator/src/differ.rs)",
        "[`compact.rs`](generator/src/diff.rs)",
        "[§6](docs/design.md#6-the-apis)",
    ] {
        assert_eq!(check(bad).len(), 1, "{bad}");
    }
}
