//! `reviewroom build` end to end on the fixture scenario: the page's markup contract, nothing
//! unpublished in dist/, fingerprinted assets, the cache, and the swap that keeps the old site.

mod support;

use std::path::{Path, PathBuf};

use generator::cli::BuildArgs;
use generator::config::Project;
use generator::site::{self, BuildReport};
use submit_fn::model::{FileStatus, Manifest};

struct Site {
    tmp: tempfile::TempDir,
    scenarios: PathBuf,
}

impl Site {
    fn new() -> Site {
        let (tmp, _) = support::copy_fixture();
        let scenarios = tmp.path().join("scenarios");
        Site { tmp, scenarios }
    }

    fn root(&self) -> &Path {
        self.tmp.path()
    }

    fn build_with(&self, theme: Option<PathBuf>) -> anyhow::Result<BuildReport> {
        let project = Project::load(self.root()).unwrap();
        let args = BuildArgs {
            out: None,
            scenarios: Some(self.scenarios.clone()),
            theme,
            new_secret: false,
        };
        site::run(&project, &args, true)
    }

    fn build(&self) -> BuildReport {
        self.build_with(None).expect("build")
    }

    fn page(&self, report: &BuildReport) -> String {
        let path = &report.scenarios[0].path;
        std::fs::read_to_string(
            self.root()
                .join("dist")
                .join(path.trim_start_matches('/'))
                .join("index.html"),
        )
        .unwrap()
    }
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn page_follows_the_markup_contract() {
    let site = Site::new();
    let report = site.build();
    assert_eq!(report.scenarios.len(), 1);
    let built = &report.scenarios[0];
    assert!(built.rendered);
    assert!(
        built.path.starts_with("/s/") && built.path.len() == "/s/".len() + 16 + 1,
        "{}",
        built.path
    );
    let page = site.page(&report);
    for needle in [
        "<html lang=\"en\">",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'\">",
        "<meta name=\"referrer\" content=\"no-referrer\">",
        "<meta name=\"robots\" content=\"noindex, nofollow\">",
        "<body class=\"page-scenario\" data-scenario=\"demo-review\"",
        &format!("data-scenario-hash=\"{}\"", built.scenario_hash),
        "data-api=\"/api\" data-minutes=\"30\"",
        "<header class=\"pr-header\">",
        "<h1 class=\"pr-title\">Client: retry failed requests, move format helpers</h1>",
        "<span class=\"pr-base\">main</span>",
        "<span class=\"pr-head\">feature/retry</span>",
        "<section id=\"description\" class=\"markdown\"",
        "<nav id=\"file-tree\" aria-label=\"Files changed\">",
        "<li data-file=\"src/api/client.ts\"",
        "<main id=\"files\">",
        "data-file=\"src/lib/format.js\" data-old-path=\"src/utils/format.js\" data-status=\"renamed\"",
        "data-status=\"added\"",
        "data-status=\"deleted\"",
        "data-original-lines=\"33\" data-modified-lines=\"42\" data-lang=\"TypeScript\"",
        "<summary class=\"file-header\"><span class=\"file-name\">src/<wbr>api/<wbr>client.ts</span>",
        "<div class=\"diff-scroll\" tabindex=\"0\" role=\"group\" aria-label=\"src/api/client.ts\">\n<table class=\"diff\">",
        "\">src/<wbr>api/<wbr>client.ts</a> <span class=\"stat-add\">",
        "<tbody class=\"hunk\" data-hunk=\"0\">",
        "<tr class=\"hunk-header\"><td colspan=\"3\">@@ -",
        "<tbody class=\"context\" hidden data-before-hunk=\"1\" data-original-from=\"",
        "<span class=\"visually-hidden\">added line ",
        "<span class=\"visually-hidden\">removed line ",
        "<ins class=\"word\">",
        "<del class=\"word\">",
        "<section id=\"unchanged-files\" aria-labelledby=\"unchanged-files-title\"><h2 id=\"unchanged-files-title\">Unchanged files</h2>",
    ] {
        assert!(page.contains(needle), "missing {needle:?}");
    }
    // Rows carry a line attribute only for the sides they exist on.
    // Three cells a row (the +/- marker is drawn by the stylesheet).
    assert!(page.contains("<tr class=\"row row-add\" data-modified=\"9\"><td class=\"ln ln-original\"></td><td class=\"ln ln-modified\">9</td><td class=\"code\"><span class=\"visually-hidden\">added line 9: </span>"));
    assert!(page.contains("<tr class=\"row row-del\" data-original=\"3\">"));
    // The unchanged neighbour is present in full, collapsed.
    let unchanged = page
        .split("<section id=\"unchanged-files\"")
        .nth(1)
        .unwrap();
    assert!(
        unchanged
            .contains("<details class=\"file\" id=\"file-1\" data-file=\"config/settings.yaml\"")
    );
    // Its 5 lines are data that the page's script turns into rows when it is opened.
    assert!(unchanged.contains("<tbody class=\"file-lines\" data-original-from=\"1\" data-modified-from=\"1\" data-lines=\"5\"></tbody>"));
    assert!(unchanged.contains("<script type=\"application/json\" class=\"line-data\">[[\""));
    // No inline script (the only other script elements are JSON data), style or handler.
    assert!(!page.contains("<script>") && !page.contains("style=") && !page.contains(" onclick="));
    for script in page.split("<script ").skip(1) {
        assert!(
            script.starts_with("type=\"module\" src=\"/assets/")
                || script.starts_with("type=\"application/json\" class=\"line-data\">"),
            "{}",
            &script[..60.min(script.len())]
        );
    }
    // Raw HTML in the description is text.
    assert!(page.contains("&lt;script&gt;alert"));
    // Every line of the modified file is present (hunk rows plus on-demand context).
    let client = page
        .split("data-file=\"src/api/client.ts\" data-old-path")
        .nth(1)
        .unwrap()
        .split("</details>")
        .next()
        .unwrap();
    let number = |rest: &str| -> u32 { rest[..rest.find('"').unwrap()].parse().unwrap() };
    let mut shown: Vec<u32> = client
        .split("data-modified=\"")
        .skip(1)
        .map(number)
        .collect();
    for group in client.split("data-modified-from=\"").skip(1) {
        let (from, lines) = (
            number(group),
            number(group.split("data-lines=\"").nth(1).unwrap()),
        );
        shown.extend(from..from + lines);
    }
    shown.sort_unstable();
    assert_eq!(
        shown,
        (1..=42).collect::<Vec<u32>>(),
        "each modified line once"
    );
}

#[test]
fn site_has_neutral_index_404_and_fingerprinted_assets() {
    let site = Site::new();
    let report = site.build();
    let dist = site.root().join("dist");
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(!index.contains("/s/"), "the index lists nothing");
    assert!(dist.join("404.html").is_file());
    let css: Vec<String> = report
        .files
        .iter()
        .map(|(p, _)| p.clone())
        .filter(|p| p.ends_with(".css"))
        .collect();
    assert!(css.len() >= 2, "{css:?}");
    assert!(
        css.iter().any(|p| p.starts_with("assets/css/syntax.")),
        "{css:?}"
    );
    assert!(
        css.iter().any(|p| p.starts_with("assets/css/review.")),
        "{css:?}"
    );
    for path in &css {
        let name = path.rsplit('/').next().unwrap();
        let parts: Vec<&str> = name.split('.').collect();
        assert_eq!(parts.len(), 3, "{name}");
        assert!(
            parts[1].len() == 8 && parts[1].chars().all(|c| c.is_ascii_hexdigit()),
            "{name}"
        );
        assert!(path.starts_with("assets/css/"), "{path}");
        assert!(site.page(&report).contains(&format!("href=\"/{path}\"")));
    }
}

#[test]
fn nothing_from_the_key_or_the_catalog_fields_reaches_dist() {
    let site = Site::new();
    site.build();
    let scenario = generator::scenario::load(&site.scenarios.join("demo-review")).unwrap();
    let mut secrets: Vec<String> = vec![
        scenario.meta.summary.clone(),
        scenario.meta.track.clone(),
        "Qx7".into(),
    ];
    secrets.extend(scenario.meta.roles.iter().cloned());
    for issue in &scenario.key {
        secrets.extend([issue.id.clone(), issue.title.clone(), issue.detail.clone()]);
    }
    let files = all_files(&site.root().join("dist"));
    assert!(files.len() >= 5);
    for file in files {
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        for secret in &secrets {
            assert!(
                !text.contains(secret.as_str()),
                "{secret:?} found in {}",
                file.display()
            );
        }
    }
}

#[test]
fn manifest_lists_every_shown_file_with_line_counts() {
    let site = Site::new();
    let report = site.build();
    let project = Project::load(site.root()).unwrap();
    let text = std::fs::read_to_string(project.manifest_path("demo-review")).unwrap();
    let manifest: Manifest = serde_json::from_str(&text).unwrap();
    assert_eq!(manifest.version, 1);
    assert_eq!(manifest.path, report.scenarios[0].path);
    assert_eq!(manifest.scenario_hash, report.scenarios[0].scenario_hash);
    assert_eq!(manifest.secret_fingerprint.len(), 8);
    assert_eq!(manifest.files.len(), 5);
    let renamed = manifest.file("src/lib/format.js").unwrap();
    assert_eq!(renamed.status, FileStatus::Renamed);
    assert_eq!(renamed.old_path.as_deref(), Some("src/utils/format.js"));
    let added = manifest.file("app/worker.py").unwrap();
    assert_eq!((added.original_lines, added.modified_lines), (0, 16));
    let deleted = manifest.file("db/001_init.sql").unwrap();
    assert_eq!((deleted.original_lines, deleted.modified_lines), (6, 0));
}

#[test]
fn scenario_hash_ignores_the_key_and_catalog_fields_but_not_the_files() {
    let site = Site::new();
    let first = site.build().scenarios[0].scenario_hash.clone();
    let dir = site.scenarios.join("demo-review");
    support::edit(&dir, "key.toml", "Fixture key title Qx7:", "Changed title:");
    support::edit(
        &dir,
        "scenario.toml",
        "Fixture summary Qx7",
        "Other summary Qx7",
    );
    assert_eq!(site.build().scenarios[0].scenario_hash, first);
    support::edit(&dir, "modified/app/worker.py", "done = 0", "done = 1");
    assert_ne!(site.build().scenarios[0].scenario_hash, first);
}

#[test]
fn rebuild_with_nothing_changed_renders_nothing() {
    let site = Site::new();
    let first = site.build();
    let page = site.page(&first);
    let second = site.build();
    assert!(
        !second.scenarios[0].rendered,
        "unchanged scenario re-rendered"
    );
    assert_eq!(site.page(&second), page);
    let dir = site.scenarios.join("demo-review");
    support::edit(&dir, "description.md", "## What", "## What changed");
    let third = site.build();
    assert!(
        third.scenarios[0].rendered,
        "a changed description must re-render"
    );
    assert!(site.page(&third).contains("What changed"));
    assert!(site.root().join(".reviewroom/cache").is_dir());
    assert!(
        !all_files(&site.root().join("dist"))
            .iter()
            .any(|p| p.to_string_lossy().contains("cache"))
    );
}

#[test]
fn failed_build_leaves_the_previous_site_intact() {
    let site = Site::new();
    let report = site.build();
    let before = site.page(&report);
    let dir = site.scenarios.join("demo-review");
    support::edit(&dir, "key.toml", "lines = [17, 25]", "lines = [17, 999]");
    let err = site
        .build_with(None)
        .expect_err("an invalid scenario fails the build");
    assert!(format!("{err:#}").contains("key.toml:4:"), "{err:#}");
    assert_eq!(site.page(&report), before);
    let leftovers: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn theme_folder_overrides_file_by_file_and_js_imports_are_fingerprinted() {
    let site = Site::new();
    let theme = support::fixtures().join("theme-js");
    let report = site.build_with(Some(theme)).unwrap();
    let dist = site.root().join("dist");
    let page = site.page(&report);
    // The entry module is linked by its fingerprinted name.
    let script = page
        .split("<script type=\"module\" src=\"")
        .nth(1)
        .expect("a module script tag")
        .split('"')
        .next()
        .unwrap()
        .to_string();
    assert!(
        script.starts_with("/assets/js/review.") && script.ends_with(".js"),
        "{script}"
    );
    let review = std::fs::read_to_string(dist.join(script.trim_start_matches('/'))).unwrap();
    let built = |prefix: &str| {
        let found = report.files.iter().find(|(p, _)| p.starts_with(prefix));
        found.map(|(p, _)| p.clone()).unwrap()
    };
    let (api, log) = (built("assets/js/api."), built("assets/js/lib/log."));
    let api_name = api.rsplit('/').next().unwrap();
    let log_name = log.rsplit('/').next().unwrap();
    assert!(review.contains(&format!("from './{api_name}'")), "{review}");
    assert!(
        review.contains(&format!("import './lib/{log_name}'")),
        "{review}"
    );
    let api_text = std::fs::read_to_string(dist.join(&api)).unwrap();
    assert!(
        api_text.contains(&format!("from './lib/{log_name}'")),
        "{api_text}"
    );
    // The overridden template is used, the others still come from the default theme.
    assert!(
        std::fs::read_to_string(dist.join("404.html"))
            .unwrap()
            .contains("fixture theme 404")
    );
    assert!(page.contains("<header class=\"pr-header\">"));
    // A changed theme re-renders.
    assert!(site.build().scenarios[0].rendered);
}

#[test]
fn scenario_text_is_escaped_everywhere() {
    let site = Site::new();
    let dir = site.scenarios.join("demo-review");
    support::edit(
        &dir,
        "scenario.toml",
        "title = \"Client:",
        "title = \"<img src=x onerror=alert(1)> Client:",
    );
    support::edit(
        &dir,
        "scenario.toml",
        "author = \"fixture-author\"",
        "author = \"a\\\" onmouseover=\\\"x\"",
    );
    // A path with HTML in it is refused by the loader (tests/check_limits.rs).
    std::fs::write(
        dir.join("modified/app/b.html"),
        "<script>alert('x')</script>\n",
    )
    .unwrap();
    let report = site.build();
    let page = site.page(&report);
    assert!(!page.contains("<img src=x"));
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!page.contains("\" onmouseover=\"x"));
    assert!(!page.contains("<script>alert"));
    assert!(page.contains("data-file=\"app/b.html\""));
}
