//! `reviewroom publish`: builds (the build's cache makes an unchanged site cheap), then brings
//! the stack's bucket to the built site in the order that never serves a page whose assets are
//! missing: new assets (immutable), then pages (no-cache), then deletion of the pages no longer
//! built, then one CloudFront invalidation of the pages that changed. Only files whose content
//! differs from the bucket's are uploaded ([`plan::Remote`] says how that is compared); old
//! assets stay unless `--prune-assets`, since a page still cached somewhere may refer to them.

pub mod aws;
pub mod plan;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use aws_config::SdkConfig;
use md5::{Digest, Md5};

use crate::cli::PublishArgs;
use crate::config::{Project, PublishConfig};
use crate::site::BuildReport;
use plan::{LocalFile, Plan};

/// Uploads in flight at once.
const CONCURRENT_UPLOADS: usize = 8;

/// Where a publish goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub bucket: String,
    pub distribution: String,
}

pub fn run(project: &Project, args: &PublishArgs, quiet: bool) -> Result<()> {
    if args.dry_run && args.build.new_secret {
        // The build would record the new secret as the one in use, while nothing is published.
        bail!("--new-secret moves every published link: not with --dry-run");
    }
    // A wrong [publish] is reported before the build, not after it.
    let destination = destination(&project.config.publish, args.stack.as_deref())?;
    let report = crate::site::run(project, &args.build, quiet)?;
    let local = local_files(&report)?;
    let mut referenced = BTreeSet::new();
    for page in local.iter().filter(|f| f.key.ends_with(".html")) {
        let html = std::fs::read_to_string(&page.path)
            .with_context(|| format!("cannot read {}", page.path.display()))?;
        plan::referenced_assets(&html, &mut referenced);
    }
    let region = args
        .region
        .as_deref()
        .or(project.config.publish.region.as_deref());
    crate::store::runtime()?.block_on(async {
        let config = aws::config(region).await;
        let target = match destination {
            Destination::Target(target) => target,
            Destination::Stack(stack) => {
                let (bucket, distribution) = aws::stack_outputs(&config, &stack).await?;
                Target {
                    bucket,
                    distribution,
                }
            }
        };
        let s3 = aws_sdk_s3::Client::new(&config);
        let remote = aws::list(&s3, &target.bucket).await?;
        let plan = plan::plan(&local, &remote, &referenced, args.prune_assets);
        if args.dry_run {
            print_plan(&target, &plan);
            return Ok(());
        }
        execute(&config, &s3, &target, &plan, quiet).await
    })
}

/// Where the bucket and distribution come from: named outright, or a stack's outputs.
#[derive(Debug, PartialEq, Eq)]
pub enum Destination {
    Target(Target),
    Stack(String),
}

/// `--stack` wins over the whole `[publish]` section; in the section, `stack` or `bucket` with
/// `distribution_id`, never both ways at once (which one was meant would be a guess). Every
/// refusal names the field.
pub fn destination(publish: &PublishConfig, stack_flag: Option<&str>) -> Result<Destination> {
    let file = crate::config::CONFIG_FILE;
    let given = |field: &str, value: &Option<String>| match value.as_deref() {
        Some(v) if v.trim().is_empty() => bail!("[publish] {field} in {file} is empty"),
        v => Ok(v.map(str::to_string)),
    };
    if let Some(stack) = stack_flag {
        if stack.trim().is_empty() {
            bail!("--stack is empty: pass the name of the deployed stack");
        }
        return Ok(Destination::Stack(stack.to_string()));
    }
    let bucket = given("bucket", &publish.bucket)?;
    let distribution = given("distribution_id", &publish.distribution_id)?;
    let stack = given("stack", &publish.stack)?;
    match (bucket, distribution, stack) {
        (Some(bucket), Some(distribution), None) => Ok(Destination::Target(Target {
            bucket,
            distribution,
        })),
        (None, None, Some(stack)) => Ok(Destination::Stack(stack)),
        (Some(_), None, None) => {
            bail!("[publish] in {file} names a bucket but no distribution_id")
        }
        (None, Some(_), None) => {
            bail!("[publish] in {file} names a distribution_id but no bucket")
        }
        (None, None, None) => bail!(
            "nowhere to publish: pass --stack NAME (the deployed stack), or set [publish] bucket \
             and distribution_id (or stack) in {file}"
        ),
        (_, _, Some(_)) => bail!(
            "[publish] in {file} sets stack and also bucket or distribution_id: keep one way \
             (stack, or bucket with distribution_id)"
        ),
    }
}

/// The built files with their MD5, from the build's own list (so the site marker stays home).
fn local_files(report: &BuildReport) -> Result<Vec<LocalFile>> {
    report
        .files
        .iter()
        .map(|(key, size)| {
            let path = report.out_dir.join(key);
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            Ok(LocalFile {
                key: key.clone(),
                path,
                size: *size,
                md5: data_encoding::HEXLOWER.encode(&Md5::digest(&bytes)),
            })
        })
        .collect()
}

async fn execute(
    config: &SdkConfig,
    s3: &aws_sdk_s3::Client,
    target: &Target,
    plan: &Plan,
    quiet: bool,
) -> Result<()> {
    let bucket = &target.bucket;
    let note = |line: String| {
        if !quiet {
            eprintln!("{line}");
        }
    };
    note(format!(
        "publishing to s3://{bucket}: {} assets and {} pages to upload, {} unchanged",
        plan.assets.len(),
        plan.pages.len(),
        plan.unchanged
    ));
    upload_all(s3, bucket, &plan.assets, "assets", quiet).await?;
    upload_all(s3, bucket, &plan.pages, "pages", quiet).await?;
    if !plan.stale_pages.is_empty() {
        aws::delete(s3, bucket, &plan.stale_pages).await?;
        note(format!(
            "deleted {} pages no longer built",
            plan.stale_pages.len()
        ));
    }
    let invalidation = if plan.invalidate.is_empty() {
        None
    } else {
        let id = aws::invalidate(config, &target.distribution, &plan.invalidate).await?;
        note(format!(
            "invalidation {id} of {} paths on {}",
            plan.invalidate.len(),
            target.distribution
        ));
        Some(id)
    };
    if !plan.prune.is_empty() {
        aws::delete(s3, bucket, &plan.prune).await?;
        note(format!("pruned {} old assets", plan.prune.len()));
    }
    println!(
        "published to s3://{bucket}: uploaded {} assets ({}) and {} pages ({}), {} unchanged, \
         deleted {} pages, pruned {} old assets ({} kept); {}",
        plan.assets.len(),
        size(Plan::upload_bytes(&plan.assets)),
        plan.pages.len(),
        size(Plan::upload_bytes(&plan.pages)),
        plan.unchanged,
        plan.stale_pages.len(),
        plan.prune.len(),
        plan.old_assets,
        match invalidation {
            Some(id) => format!(
                "invalidation {id} of {} paths on {}",
                plan.invalidate.len(),
                target.distribution
            ),
            None => "no page changed, no invalidation".into(),
        }
    );
    Ok(())
}

/// Uploads `files` a few at a time, with a progress line on stderr every 100 files and at the end.
async fn upload_all(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    files: &[LocalFile],
    what: &str,
    quiet: bool,
) -> Result<()> {
    if files.is_empty() {
        return Ok(());
    }
    let started = Instant::now();
    let total = size(Plan::upload_bytes(files));
    let slots = Arc::new(tokio::sync::Semaphore::new(CONCURRENT_UPLOADS));
    let mut tasks = tokio::task::JoinSet::new();
    for file in files.iter().cloned() {
        let (s3, bucket, slots) = (s3.clone(), bucket.to_string(), slots.clone());
        tasks.spawn(async move {
            let _slot = slots.acquire_owned().await.context("upload slots closed")?;
            aws::upload(&s3, &bucket, &file).await.map(|()| file.size)
        });
    }
    let (mut done, mut bytes) = (0usize, 0u64);
    while let Some(joined) = tasks.join_next().await {
        bytes += joined.context("an upload task failed")??;
        done += 1;
        if !quiet && (done % 100 == 0 || done == files.len()) {
            eprintln!(
                "  uploaded {done}/{} {what} ({} of {total}) in {:.1} s",
                files.len(),
                size(bytes),
                started.elapsed().as_secs_f64()
            );
        }
    }
    Ok(())
}

/// `--dry-run`: the plan on stdout, in the order it would run; nothing is sent but the listing.
fn print_plan(target: &Target, plan: &Plan) {
    println!(
        "dry run: nothing changes on s3://{} (distribution {})",
        target.bucket, target.distribution
    );
    for file in plan.assets.iter().chain(&plan.pages) {
        let what = if file.is_asset() { "asset" } else { "page" };
        println!("upload {what} {} ({})", file.key, size(file.size));
    }
    for key in &plan.stale_pages {
        println!("delete page {key}");
    }
    if !plan.invalidate.is_empty() {
        println!("invalidate {}", plan.invalidate.join(" "));
    }
    for key in &plan.prune {
        println!("prune asset {key}");
    }
    println!(
        "{} to upload ({}), {} unchanged, {} pages to delete, {} old assets to prune, {} kept",
        plan.assets.len() + plan.pages.len(),
        size(Plan::upload_bytes(&plan.assets) + Plan::upload_bytes(&plan.pages)),
        plan.unchanged,
        plan.stale_pages.len(),
        plan.prune.len(),
        plan.old_assets
    );
}

fn size(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests;
