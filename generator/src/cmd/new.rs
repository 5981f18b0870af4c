//! `reviewroom new <slug>`: scaffolds a scenario folder with commented templates.

use anyhow::{Context, Result, bail};

use crate::cli::NewArgs;
use crate::config::Project;
use crate::scenario;

const SCENARIO_TOML: &str = r#"# The pull request's metadata. Only title, author, base, head and minutes are published.
title = "TODO: the pull request's title"
track = "TODO: catalog group, e.g. Full Stack"          # never published
stack = ["TypeScript"]
roles = ["Senior Software Engineer"]                   # never published
summary = "TODO: what this scenario assesses"          # interviewer's catalog text, never published
minutes = 45                                           # suggested time box
author = "TODO-fictional-author"
base = "main"
head = "feature/TODO"
# path_epoch = 0                                       # bump to move a leaked URL

# Renamed files: new path = old path.
[renames]
# "src/new/name.ts" = "src/old/name.ts"
"#;

const DESCRIPTION_MD: &str = r#"## What

TODO: the pull request's description, as its author would write it (markdown).

## Why

## How it was tested
"#;

const KEY_TOML: &str = r#"# The answer key: one [[issue]] per deliberate issue. Interviewers only, never published.
# `reviewroom check` verifies every file, line range and anchor.

[[issue]]
id = "todo-first-issue"            # unique, [a-z0-9-]+
file = "src/example.ts"            # the new path (the old path for a deleted file)
side = "modified"                  # "modified" (default) or "original" for removed code
lines = [1, 1]                     # 1-based, inclusive, in that side's file
anchor = "TODO"                    # optional: text that must appear within `lines`
level = "mid"                      # junior | mid | senior
category = "correctness"           # correctness | security | performance | reliability | scalability |
                                   # concurrency | data | api-design | maintainability | testing |
                                   # observability | accessibility | operations | cost
title = "TODO: one line naming the issue"
detail = """TODO: what is wrong, why it matters, what a strong comment says, a follow-up question."""
# also = [{ file = "src/other.ts", lines = [3, 4], side = "modified" }]
"#;

const EXAMPLE_ORIGINAL: &str = "export const example = 1;\n";
const EXAMPLE_MODIFIED: &str =
    "// TODO: replace with the scenario's files\nexport const example = 2;\n";

pub fn run(project: &Project, args: &NewArgs, quiet: bool) -> Result<()> {
    if !scenario::is_slug(&args.slug) {
        bail!("{:?} is not a valid slug ([a-z0-9-]+)", args.slug);
    }
    let parent = args
        .scenarios
        .clone()
        .unwrap_or_else(|| project.path(&project.config.scenarios_dir));
    let dir = parent.join(&args.slug);
    if dir.exists() {
        bail!("{} already exists", dir.display());
    }
    let files = [
        (scenario::SCENARIO_TOML, SCENARIO_TOML),
        (scenario::DESCRIPTION_MD, DESCRIPTION_MD),
        (scenario::KEY_TOML, KEY_TOML),
        ("original/src/example.ts", EXAMPLE_ORIGINAL),
        ("modified/src/example.ts", EXAMPLE_MODIFIED),
    ];
    for (name, text) in files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    if !quiet {
        println!(
            "created {}: edit the TODOs, then run `reviewroom check {}`",
            dir.display(),
            dir.display()
        );
    }
    Ok(())
}
