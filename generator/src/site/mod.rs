//! The site's build driver: scenario -> diff -> highlight -> markdown -> render -> output, with
//! the cache in between. `reviewroom build` and `reviewroom serve` call [`run`]. Named `site`, not
//! `build`, because indexers and ignore templates skip folders named `build/` as output.

pub mod cache;
pub mod manifest;
mod same_secret;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use crate::cli::BuildArgs;
use crate::config::Project;
use crate::output::guard::{self, Protected};
use crate::render::{Renderer, Theme, theme};
use crate::scenario::{self, Scenario};
use crate::secret::PathSecret;
use cache::Cache;

/// What one build wrote.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub out_dir: PathBuf,
    pub scenarios: Vec<BuiltScenario>,
    /// Every file written under the output folder, with its size in bytes.
    pub files: Vec<(String, u64)>,
    pub elapsed: Duration,
}

#[derive(Debug, Clone)]
pub struct BuiltScenario {
    pub slug: String,
    /// The published path, `/s/<k>/`.
    pub path: String,
    pub scenario_hash: String,
    /// False when the page came from the cache.
    pub rendered: bool,
}

/// Where a build reads and writes, flags over reviewroom.toml.
pub struct Paths {
    pub scenarios: PathBuf,
    pub out: PathBuf,
    /// Where `out` came from, as the operator wrote it, for errors.
    pub out_flag: String,
    pub theme: Option<PathBuf>,
}

impl Paths {
    pub fn resolve(project: &Project, args: &BuildArgs) -> Paths {
        let config = &project.config;
        Paths {
            scenarios: args
                .scenarios
                .clone()
                .unwrap_or_else(|| project.path(&config.scenarios_dir)),
            out: match &args.out {
                Some(out) => out.clone(),
                // An empty out_dir stays empty (not the root), so the guard refuses it.
                None if config.out_dir.as_os_str().is_empty() => PathBuf::new(),
                None => project.path(&config.out_dir),
            },
            out_flag: match &args.out {
                Some(_) => "--out".into(),
                None => format!("out_dir in {}", crate::config::CONFIG_FILE),
            },
            theme: args
                .theme
                .clone()
                .or_else(|| config.theme.as_ref().map(|t| project.path(t))),
        }
    }
}

/// Loads every scenario under `dir` in parallel; fails listing every invalid one.
pub fn load_all(dir: &Path) -> Result<Vec<Scenario>> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let dirs = scenario::discover(dir)?;
    let loaded: Vec<Result<Scenario>> = dirs.par_iter().map(|d| scenario::load(d)).collect();
    let mut scenarios = Vec::new();
    let mut errors = Vec::new();
    for (dir, result) in dirs.iter().zip(loaded) {
        match result {
            Ok(s) => scenarios.push(s),
            Err(err) => errors.push(format!("{}: {err}", dir.display())),
        }
    }
    if !errors.is_empty() {
        bail!(
            "{} invalid scenario{} (run `reviewroom check`):\n{}",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            errors.join("\n")
        );
    }
    Ok(scenarios)
}

pub fn run(project: &Project, args: &BuildArgs, quiet: bool) -> Result<BuildReport> {
    let started = Instant::now();
    let paths = Paths::resolve(project, args);
    check_out(project, &paths)?;
    let scenarios = load_all(&paths.scenarios)?;
    if scenarios.is_empty() && !quiet {
        eprintln!(
            "note: no scenario folders under {} (each needs a scenario.toml)",
            paths.scenarios.display()
        );
    }
    let secret = PathSecret::load(project, project.config.store.kind, quiet)?;
    let fingerprint = secret.fingerprint();
    same_secret::check(project, &scenarios, &fingerprint, args.new_secret, quiet)?;
    let theme = Theme::load(paths.theme.as_deref())?;
    let config_bytes =
        std::fs::read(project.path(Path::new(crate::config::CONFIG_FILE))).unwrap_or_default();
    let cache = Cache::new(project.state_subdir("cache")?);
    let shared = Cache::shared_key(&theme.digest(), &config_bytes, &fingerprint);
    let assets = theme::assets(&theme, &cache.syntax_css());
    let renderer = Renderer::new(&theme, assets)?;
    let api_path = project.config.api_path.as_str();

    let progress = Progress::new(scenarios.len(), quiet);
    let pages: Vec<Result<(BuiltScenario, String)>> = scenarios
        .par_iter()
        .map(|scenario| {
            let hash = manifest::scenario_hash(scenario);
            let path = secret.scenario_path(&scenario.slug, scenario.meta.path_epoch);
            let key = Cache::key(scenario, &shared);
            let (html, rendered) = match cache.get(&scenario.slug, &key) {
                Some(html) => (html, false),
                None => {
                    let html = renderer
                        .scenario_page(scenario, &hash, api_path)
                        .with_context(|| format!("cannot render scenario {}", scenario.slug))?;
                    cache.put(&scenario.slug, &key, &html);
                    (html, true)
                }
            };
            progress.done(&scenario.slug, rendered);
            let built = BuiltScenario {
                slug: scenario.slug.clone(),
                path,
                scenario_hash: hash,
                rendered,
            };
            Ok((built, html))
        })
        .collect();
    progress.finish();

    let mut report = write_site(&paths.out, &renderer, pages)?;
    for (scenario, b) in scenarios.iter().zip(&report.scenarios) {
        write_manifest(project, scenario, b, &fingerprint)?;
    }
    same_secret::record(project)?;
    report.elapsed = started.elapsed();
    if !quiet {
        print_report(&report);
    }
    Ok(report)
}

/// Writes the theme's assets, the neutral pages and every scenario's page into a staging
/// folder, then swaps it in for the output folder whole (nothing half-written on an error).
fn write_site(
    out: &Path,
    renderer: &Renderer,
    pages: Vec<Result<(BuiltScenario, String)>>,
) -> Result<BuildReport> {
    let mut staging = crate::output::Staging::new(out)?;
    for (relative, bytes) in &renderer.assets().files {
        staging.write(relative, bytes)?;
    }
    staging.write("index.html", renderer.static_page("index.html")?.as_bytes())?;
    staging.write("404.html", renderer.static_page("404.html")?.as_bytes())?;
    let mut built = Vec::new();
    for page in pages {
        let (scenario, html) = page?;
        let relative = format!("{}index.html", scenario.path.trim_start_matches('/'));
        staging.write(&relative, html.as_bytes())?;
        built.push(scenario);
    }
    let files = staging.written().to_vec();
    Ok(BuildReport {
        out_dir: staging.commit()?,
        scenarios: built,
        files,
        elapsed: Duration::ZERO,
    })
}

/// Refuses an output folder that would replace part of the project (see [`guard`]).
fn check_out(project: &Project, paths: &Paths) -> Result<()> {
    let state = project.root.join(crate::config::STATE_DIR);
    let config = project.path(Path::new(crate::config::CONFIG_FILE));
    let store = project.path(&project.config.store.path);
    let mut protected = vec![
        Protected::root(&project.root),
        Protected::new("the state folder", &state),
        Protected::new("the scenarios folder", &paths.scenarios),
        Protected::new("the configuration file", &config),
        Protected::new("the review store", &store),
    ];
    if let Some(theme) = &paths.theme {
        protected.push(Protected::new("the theme folder", theme));
    }
    guard::check(&paths.out, &paths.out_flag, &protected)
}

fn write_manifest(
    project: &Project,
    scenario: &Scenario,
    built: &BuiltScenario,
    fingerprint: &str,
) -> Result<()> {
    let record = manifest::manifest(scenario, &built.scenario_hash, fingerprint, &built.path);
    project.state_subdir("manifests")?;
    let path = project.manifest_path(&scenario.slug);
    let json = serde_json::to_string_pretty(&record).context("cannot serialise a manifest")?;
    std::fs::write(&path, json).with_context(|| format!("cannot write {}", path.display()))
}

fn print_report(report: &BuildReport) {
    for s in &report.scenarios {
        let how = if s.rendered { "rendered" } else { "cached" };
        println!("  {:<40} {}  ({how})", s.slug, s.path);
    }
    let rendered = report.scenarios.iter().filter(|s| s.rendered).count();
    let bytes: u64 = report.files.iter().map(|(_, n)| n).sum();
    println!(
        "wrote {} files ({} KiB) to {}: {} scenario{} ({} rendered, {} cached) in {:.0} ms",
        report.files.len(),
        bytes.div_ceil(1024),
        report.out_dir.display(),
        report.scenarios.len(),
        if report.scenarios.len() == 1 { "" } else { "s" },
        rendered,
        report.scenarios.len() - rendered,
        report.elapsed.as_secs_f64() * 1000.0
    );
}

/// A bar on a terminal, one line per scenario otherwise, nothing with --quiet.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    plain: bool,
}

impl Progress {
    fn new(total: usize, quiet: bool) -> Progress {
        let terminal = std::io::stderr().is_terminal();
        let bar = (!quiet && terminal && total > 0).then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} scenarios {msg}")
            {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            plain: !quiet && !terminal,
        }
    }

    fn done(&self, slug: &str, rendered: bool) {
        if let Some(bar) = &self.bar {
            bar.set_message(slug.to_string());
            bar.inc(1);
        } else if self.plain {
            let how = if rendered { "rendered" } else { "cached" };
            eprintln!("{how} {slug}");
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
