//! `reviewroom publish` against moto's server, which answers S3, CloudFront and CloudFormation on
//! one local port: scripts/test.d/25-publish.sh starts it and sets `REVIEWROOM_TEST_AWS`; the
//! binary reaches it through the standard `AWS_ENDPOINT_URL`. Ignored in a plain `cargo test`,
//! failing (never skipping) without the server.

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_sdk_cloudfront::types::{
    DefaultCacheBehavior, DistributionConfig, Origin, Origins, S3OriginConfig, ViewerProtocolPolicy,
};
use aws_sdk_s3::config::Credentials;
use aws_sdk_s3::primitives::ByteStream;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_reviewroom");
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

fn endpoint() -> String {
    std::env::var("REVIEWROOM_TEST_AWS")
        .expect("REVIEWROOM_TEST_AWS (run scripts/test.sh publish, which starts moto's server)")
}

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{prefix}-{}-{nanos}", std::process::id())
}

/// The test's own clients, on the same server and credentials as the binary's.
struct Aws {
    runtime: tokio::runtime::Runtime,
    config: SdkConfig,
}

impl Aws {
    fn new() -> Aws {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let config = runtime.block_on(
            aws_config::defaults(BehaviorVersion::latest())
                .endpoint_url(endpoint())
                .region(Region::new("us-east-1"))
                .credentials_provider(Credentials::new("test", "test", None, None, "test"))
                .load(),
        );
        Aws { runtime, config }
    }

    fn s3(&self) -> aws_sdk_s3::Client {
        aws_sdk_s3::Client::new(&self.config)
    }

    fn cloudfront(&self) -> aws_sdk_cloudfront::Client {
        aws_sdk_cloudfront::Client::new(&self.config)
    }

    fn bucket(&self) -> String {
        let bucket = unique("site");
        self.runtime
            .block_on(self.s3().create_bucket().bucket(&bucket).send())
            .unwrap();
        bucket
    }

    /// A distribution in front of `bucket`, as the template makes; returns its id.
    fn distribution(&self, bucket: &str) -> String {
        let origin = Origin::builder()
            .id("site")
            .domain_name(format!("{bucket}.s3.amazonaws.com"))
            .s3_origin_config(S3OriginConfig::builder().origin_access_identity("").build())
            .build()
            .unwrap();
        let behaviour = DefaultCacheBehavior::builder()
            .target_origin_id("site")
            .viewer_protocol_policy(ViewerProtocolPolicy::RedirectToHttps)
            .build()
            .unwrap();
        let config = DistributionConfig::builder()
            .caller_reference(unique("dist"))
            .origins(
                Origins::builder()
                    .quantity(1)
                    .items(origin)
                    .build()
                    .unwrap(),
            )
            .default_cache_behavior(behaviour)
            .comment("reviewroom publish test")
            .enabled(true)
            .build()
            .unwrap();
        let created = self
            .runtime
            .block_on(
                self.cloudfront()
                    .create_distribution()
                    .distribution_config(config)
                    .send(),
            )
            .unwrap();
        created.distribution().unwrap().id().to_string()
    }

    /// Key to (ETag, Last-Modified) of every object.
    fn objects(&self, bucket: &str) -> BTreeMap<String, (String, String)> {
        let listed = self
            .runtime
            .block_on(self.s3().list_objects_v2().bucket(bucket).send())
            .unwrap();
        assert!(!listed.is_truncated().unwrap_or(false));
        listed
            .contents()
            .iter()
            .map(|o| {
                (
                    o.key().unwrap().to_string(),
                    (
                        o.e_tag().unwrap().to_string(),
                        format!("{:?}", o.last_modified()),
                    ),
                )
            })
            .collect()
    }

    fn put(&self, bucket: &str, key: &str, body: &str) {
        self.runtime
            .block_on(
                self.s3()
                    .put_object()
                    .bucket(bucket)
                    .key(key)
                    .body(ByteStream::from(body.as_bytes().to_vec()))
                    .send(),
            )
            .unwrap();
    }

    /// Every invalidation of the distribution, each as its sorted paths.
    fn invalidations(&self, distribution: &str) -> Vec<Vec<String>> {
        let cloudfront = self.cloudfront();
        self.runtime.block_on(async {
            let listed = cloudfront
                .list_invalidations()
                .distribution_id(distribution)
                .send()
                .await
                .unwrap();
            let mut all = Vec::new();
            let items = listed
                .invalidation_list()
                .map(|l| l.items())
                .unwrap_or_default();
            for summary in items {
                let got = cloudfront
                    .get_invalidation()
                    .distribution_id(distribution)
                    .id(summary.id())
                    .send()
                    .await
                    .unwrap();
                let batch = got.invalidation().unwrap().invalidation_batch().unwrap();
                let mut paths = batch.paths().unwrap().items().to_vec();
                paths.sort();
                all.push(paths);
            }
            all
        })
    }
}

/// A project with the fixture scenario as demo-review and demo-two, publishing to `bucket`.
fn project(bucket: &str, distribution: &str) -> tempfile::TempDir {
    let (tmp, _) = support::copy_fixture();
    support::copy_dir(
        &support::fixture_scenario(),
        &tmp.path().join("scenarios/demo-two"),
    );
    std::fs::write(
        tmp.path().join("reviewroom.toml"),
        format!("[publish]\nbucket = \"{bucket}\"\ndistribution_id = \"{distribution}\"\n"),
    )
    .unwrap();
    tmp
}

/// Runs `reviewroom publish ARGS` on the local server; returns stdout, failing on an error.
fn publish(root: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--root")
        .arg(root)
        .arg("publish")
        .args(args)
        .env("AWS_ENDPOINT_URL", endpoint())
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env_remove("AWS_PROFILE")
        .env_remove("REVIEWROOM_SECRET")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "publish {args:?} failed: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `reviewroom publish ARGS` where it must fail; returns stderr.
fn publish_fails(root: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--root")
        .arg(root)
        .arg("publish")
        .args(args)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env_remove("AWS_ENDPOINT_URL")
        .env_remove("REVIEWROOM_SECRET")
        .output()
        .unwrap();
    assert!(!out.status.success(), "publish {args:?} succeeded");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The bucket key of a scenario's page (`s/<k>/index.html`), from the build's manifest.
fn page_key(root: &Path, slug: &str) -> String {
    let manifest = root.join(format!(".reviewroom/manifests/{slug}.json"));
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(manifest).unwrap()).unwrap();
    format!(
        "{}index.html",
        manifest["path"].as_str().unwrap().trim_start_matches('/')
    )
}

/// Every file of dist/ but the site marker, as bucket keys.
fn built_keys(root: &Path) -> Vec<String> {
    let dist = root.join("dist");
    let mut keys: Vec<String> = walkdir::WalkDir::new(&dist)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&dist)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|k| !k.starts_with('.'))
        .collect();
    keys.sort();
    keys
}

fn folder_and_file(key: &str) -> Vec<String> {
    vec![
        format!("/{}", key.trim_end_matches("index.html")),
        format!("/{key}"),
    ]
}

/// One request the server got for a test's bucket or distribution, as publish's steps.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Op {
    List,
    PutAsset(String),
    PutPage(String),
    Delete,
    Invalidate,
    Other(String),
}

/// Every request the server got, in order: moto's recorder, which `start_moto` turns on, appends
/// one JSON object per request to the file it names. Read as a stream of values, since two
/// threads' records may share a line.
fn recorded() -> Vec<(String, String)> {
    let path = std::env::var("REVIEWROOM_TEST_AWS_RECORDING")
        .expect("REVIEWROOM_TEST_AWS_RECORDING (scripts/lib/services.sh start_moto sets it)");
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::Deserializer::from_str(&text)
        .into_iter::<Value>()
        .map(|record| {
            let record = record.unwrap();
            let field = |name: &str| record[name].as_str().unwrap().to_string();
            (field("method"), field("url"))
        })
        .collect()
}

/// The requests after the first `since` that touch `bucket` or `distribution`, as steps.
fn ops(since: usize, bucket: &str, distribution: &str) -> Vec<Op> {
    let invalidations = format!("/2020-05-31/distribution/{distribution}/invalidation");
    let mut steps = Vec::new();
    for (method, url) in recorded().into_iter().skip(since) {
        let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
        let (host, target) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        if path == invalidations && method == "POST" {
            steps.push(Op::Invalidate);
            continue;
        }
        // Path style (an IP endpoint) or virtual-hosted style.
        let key = if host.starts_with(&format!("{bucket}.")) {
            path.trim_start_matches('/')
        } else if let Some(key) = path.strip_prefix(&format!("/{bucket}")) {
            if !(key.is_empty() || key.starts_with('/')) {
                continue;
            }
            key.trim_start_matches('/')
        } else {
            continue;
        };
        steps.push(match (method.as_str(), key) {
            ("GET", "") if query.contains("list-type=2") => Op::List,
            ("POST", "") if query.contains("delete") => Op::Delete,
            ("PUT", key) if key.starts_with("assets/") => Op::PutAsset(key.to_string()),
            ("PUT", key) if !key.is_empty() => Op::PutPage(key.to_string()),
            _ => Op::Other(format!("{method} {target}")),
        });
    }
    steps
}

/// Where each kind of step falls in `ops`.
fn positions(ops: &[Op], kind: fn(&Op) -> bool) -> Vec<usize> {
    ops.iter()
        .enumerate()
        .filter(|(_, op)| kind(op))
        .map(|(i, _)| i)
        .collect()
}

/// Asserts publish's order: one listing first, then every asset, then every page, then the
/// deletions, then at most one invalidation, last.
fn assert_order(ops: &[Op]) {
    assert_eq!(ops.first(), Some(&Op::List), "{ops:?}");
    assert_eq!(positions(ops, |o| *o == Op::List), [0], "{ops:?}");
    assert!(
        !ops.iter().any(|o| matches!(o, Op::Other(_))),
        "unexpected requests: {ops:?}"
    );
    let assets = positions(ops, |o| matches!(o, Op::PutAsset(_)));
    let pages = positions(ops, |o| matches!(o, Op::PutPage(_)));
    let deletes = positions(ops, |o| *o == Op::Delete);
    let invalidations = positions(ops, |o| *o == Op::Invalidate);
    let last = |v: &[usize]| v.last().copied().unwrap_or(0);
    let first = |v: &[usize]| v.first().copied().unwrap_or(usize::MAX);
    assert!(
        last(&assets) < first(&pages),
        "a page before an asset: {ops:?}"
    );
    assert!(
        last(&pages) < first(&deletes),
        "a deletion before a page: {ops:?}"
    );
    assert!(invalidations.len() <= 1, "{ops:?}");
    if let Some(&at) = invalidations.first() {
        assert_eq!(at, ops.len() - 1, "the invalidation is not last: {ops:?}");
        assert!(last(&deletes) < at, "{ops:?}");
    }
}

#[test]
#[ignore = "needs moto's server: scripts/test.sh publish"]
fn first_noop_dry_run_changed_and_removed() {
    let aws = Aws::new();
    let bucket = aws.bucket();
    let distribution = aws.distribution(&bucket);
    let tmp = project(&bucket, &distribution);
    let root = tmp.path();

    // First publish: every built file, with its type and cache policy, one invalidation, in
    // the safe order.
    let since = recorded().len();
    let out = publish(root, &[]);
    let steps = ops(since, &bucket, &distribution);
    assert!(out.contains("published to s3://"), "{out}");
    let first = aws.objects(&bucket);
    assert_eq!(first.keys().cloned().collect::<Vec<_>>(), built_keys(root));
    assert_order(&steps);
    let mut put: Vec<String> = steps
        .iter()
        .filter_map(|o| match o {
            Op::PutAsset(k) | Op::PutPage(k) => Some(k.clone()),
            _ => None,
        })
        .collect();
    put.sort();
    assert_eq!(put, built_keys(root), "each built file uploaded once");
    assert!(
        steps.iter().any(|o| matches!(o, Op::PutAsset(_))),
        "{steps:?}"
    );
    assert_eq!(steps.last(), Some(&Op::Invalidate), "{steps:?}");
    let s3 = aws.s3();
    for key in first.keys() {
        let head = aws
            .runtime
            .block_on(s3.head_object().bucket(&bucket).key(key).send())
            .unwrap();
        let (kind, cache) = (head.content_type().unwrap(), head.cache_control().unwrap());
        if key.starts_with("assets/") {
            assert_eq!(cache, IMMUTABLE, "{key}");
        } else {
            assert_eq!(cache, "no-cache", "{key}");
        }
        let expected = match key.rsplit('.').next().unwrap() {
            "html" => "text/html; charset=utf-8",
            "css" => "text/css; charset=utf-8",
            "js" => "text/javascript; charset=utf-8",
            other => panic!("a file type the test does not know: {key} ({other}, {kind})"),
        };
        assert_eq!(kind, expected, "{key}");
    }
    let two = page_key(root, "demo-two");
    let review = page_key(root, "demo-review");
    let invalidations = aws.invalidations(&distribution);
    assert_eq!(invalidations.len(), 1, "{invalidations:?}");
    for page in [&two, &review] {
        assert!(
            invalidations[0].contains(&format!("/{page}")),
            "{invalidations:?}"
        );
    }

    // Nothing changed: nothing uploaded, nothing invalidated; the listing is the one request.
    let since = recorded().len();
    let out = publish(root, &[]);
    assert_eq!(ops(since, &bucket, &distribution), [Op::List]);
    assert!(
        out.contains("uploaded 0 assets (0.0 KiB) and 0 pages (0.0 KiB)"),
        "{out}"
    );
    assert_eq!(
        aws.objects(&bucket),
        first,
        "a no-op publish rewrote objects"
    );
    assert_eq!(aws.invalidations(&distribution).len(), 1);

    // A dry run of a changed scenario prints the page and changes nothing.
    support::edit(
        &root.join("scenarios/demo-two"),
        "description.md",
        "",
        "A changed description.\n\n",
    );
    let since = recorded().len();
    let out = publish(root, &["--dry-run"]);
    assert_eq!(
        ops(since, &bucket, &distribution),
        [Op::List],
        "a dry run wrote"
    );
    assert!(out.contains(&format!("upload page {two}")), "{out}");
    assert!(!out.contains(&format!("upload page {review}")), "{out}");
    assert_eq!(aws.objects(&bucket), first, "a dry run changed the bucket");
    assert_eq!(aws.invalidations(&distribution).len(), 1);

    // The change published: that page only, and its invalidation.
    let since = recorded().len();
    let out = publish(root, &[]);
    assert_eq!(
        ops(since, &bucket, &distribution),
        [Op::List, Op::PutPage(two.clone()), Op::Invalidate]
    );
    assert!(
        out.contains("uploaded 0 assets (0.0 KiB) and 1 pages"),
        "{out}"
    );
    let changed = aws.objects(&bucket);
    assert_ne!(
        changed[&two].0, first[&two].0,
        "the changed page was not uploaded"
    );
    for (key, object) in &first {
        if *key != two {
            assert_eq!(&changed[key], object, "{key} was uploaded again");
        }
    }
    let invalidations = aws.invalidations(&distribution);
    assert_eq!(invalidations.len(), 2);
    assert!(
        invalidations.contains(&folder_and_file(&two)),
        "{invalidations:?}"
    );

    // The scenario removed: its page deleted and invalidated, the rest untouched.
    std::fs::remove_dir_all(root.join("scenarios/demo-two")).unwrap();
    let since = recorded().len();
    let out = publish(root, &[]);
    assert!(out.contains("deleted 1 pages"), "{out}");
    let steps = ops(since, &bucket, &distribution);
    assert_order(&steps);
    assert_eq!(
        positions(&steps, |o| *o == Op::Delete).len(),
        1,
        "{steps:?}"
    );
    assert_eq!(steps.last(), Some(&Op::Invalidate), "{steps:?}");
    let removed = aws.objects(&bucket);
    assert!(
        !removed.contains_key(&two),
        "the removed scenario's page is still served"
    );
    assert_eq!(
        removed.keys().cloned().collect::<Vec<_>>(),
        built_keys(root)
    );
    assert_eq!(removed[&review], first[&review]);
    let invalidations = aws.invalidations(&distribution);
    assert_eq!(invalidations.len(), 3);
    assert_eq!(
        invalidations
            .iter()
            .filter(|p| **p == folder_and_file(&two))
            .count(),
        2,
        "{invalidations:?}"
    );
}

#[test]
#[ignore = "needs moto's server: scripts/test.sh publish"]
fn old_assets_go_only_with_prune_assets() {
    let aws = Aws::new();
    let bucket = aws.bucket();
    let distribution = aws.distribution(&bucket);
    let tmp = project(&bucket, &distribution);
    let root = tmp.path();
    publish(root, &[]);
    let old = [
        "assets/js/review.00000000.js",
        "assets/css/site.11111111.css",
    ];
    for key in old {
        aws.put(&bucket, key, "/* a previous build */");
    }

    let out = publish(root, &[]);
    assert!(out.contains("pruned 0 old assets (2 kept)"), "{out}");
    let objects = aws.objects(&bucket);
    assert!(
        old.iter().all(|k| objects.contains_key(*k)),
        "kept without --prune-assets"
    );

    let since = recorded().len();
    let out = publish(root, &["--prune-assets", "--dry-run"]);
    assert_eq!(ops(since, &bucket, &distribution), [Op::List]);
    assert!(out.contains(&format!("prune asset {}", old[0])), "{out}");
    assert_eq!(aws.objects(&bucket), objects);

    let since = recorded().len();
    let out = publish(root, &["--prune-assets"]);
    assert!(out.contains("pruned 2 old assets (0 kept)"), "{out}");
    // No page changed: the listing, the one deletion, no invalidation.
    assert_eq!(ops(since, &bucket, &distribution), [Op::List, Op::Delete]);
    let objects = aws.objects(&bucket);
    assert!(old.iter().all(|k| !objects.contains_key(*k)), "{objects:?}");
    assert_eq!(
        objects.keys().cloned().collect::<Vec<_>>(),
        built_keys(root)
    );
}

#[test]
#[ignore = "needs moto's server: scripts/test.sh publish"]
fn stack_outputs_name_bucket_and_distribution() {
    let aws = Aws::new();
    let stack = unique("reviewroom");
    // moto makes the bucket from the template; the distribution comes in as a parameter (its
    // CloudFormation does not make distributions).
    let distribution = aws.distribution("stack-origin");
    let template = serde_json::json!({
        "Parameters": {"Distribution": {"Type": "String"}},
        "Resources": {"SiteBucket": {"Type": "AWS::S3::Bucket"}},
        "Outputs": {
            "BucketName": {"Value": {"Ref": "SiteBucket"}},
            "DistributionId": {"Value": {"Ref": "Distribution"}}
        }
    });
    let cloudformation = aws_sdk_cloudformation::Client::new(&aws.config);
    aws.runtime
        .block_on(
            cloudformation
                .create_stack()
                .stack_name(&stack)
                .template_body(template.to_string())
                .parameters(
                    aws_sdk_cloudformation::types::Parameter::builder()
                        .parameter_key("Distribution")
                        .parameter_value(&distribution)
                        .build(),
                )
                .send(),
        )
        .unwrap();
    let (tmp, _) = support::copy_fixture();
    let root = tmp.path();
    let out = publish(root, &["--stack", &stack]);
    let bucket = out
        .split("s3://")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .unwrap()
        .to_string();
    assert!(bucket.to_lowercase().contains("sitebucket"), "{out}");
    assert_eq!(
        aws.objects(&bucket).keys().cloned().collect::<Vec<_>>(),
        built_keys(root)
    );
    assert_eq!(aws.invalidations(&distribution).len(), 1);
}

/// A wrong `[publish]` is refused before the build and before any AWS call (no server needed),
/// naming the field.
#[test]
fn bad_publish_config_names_the_field() {
    let cases = [
        ("[publish]\nbucket = \"site\"\n", "distribution_id"),
        ("[publish]\ndistribution_id = \"E1\"\n", "no bucket"),
        ("[publish]\nbukket = \"site\"\n", "bukket"),
        (
            "[publish]\nbucket = \"\"\ndistribution_id = \"E1\"\n",
            "[publish] bucket",
        ),
        (
            "[publish]\nstack = \"rr\"\nbucket = \"site\"\ndistribution_id = \"E1\"\n",
            "sets stack and also bucket",
        ),
        ("", "nowhere to publish"),
    ];
    for (config, field) in cases {
        let (tmp, _) = support::copy_fixture();
        let root = tmp.path();
        std::fs::write(root.join("reviewroom.toml"), config).unwrap();
        let stderr = publish_fails(root, &[]);
        assert!(stderr.contains(field), "{config:?}: {stderr}");
        assert!(
            !root.join("dist").exists(),
            "{config:?}: built before refusing"
        );
    }
}
