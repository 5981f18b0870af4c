//! `reviewroom publish` against moto's server, which answers S3, CloudFront and CloudFormation on
//! one local port: scripts/test.d/25-publish.sh starts it and sets `REVIEWROOM_TEST_AWS`; the
//! binary reaches it through the standard `AWS_ENDPOINT_URL`. Ignored in a plain `cargo test`,
//! failing (never skipping) without the server.

mod moto;
#[path = "../support/mod.rs"]
mod support;

use std::path::Path;

use moto::{Aws, Op, assert_order, endpoint, ops, positions, recorded, unique};
use serde_json::Value;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A project with the fixture scenario as demo-review and demo-two, publishing to a new bucket
/// and distribution: the project, the bucket and the distribution.
fn project(aws: &Aws) -> (tempfile::TempDir, String, String) {
    let bucket = aws.bucket();
    let distribution = aws.distribution(&bucket);
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
    (tmp, bucket, distribution)
}

/// Runs `reviewroom publish ARGS` on the local server; returns stdout, failing on an error.
fn publish(root: &Path, args: &[&str]) -> String {
    let out = support::reviewroom(root)
        .arg("publish")
        .args(args)
        .env("AWS_ENDPOINT_URL", endpoint())
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env_remove("AWS_PROFILE")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "publish {args:?} failed: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `reviewroom publish ARGS` where it must fail; returns stderr.
fn publish_fails(root: &Path, args: &[&str]) -> String {
    let out = support::reviewroom(root)
        .arg("publish")
        .args(args)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env_remove("AWS_ENDPOINT_URL")
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

#[test]
#[ignore = "needs moto's server: scripts/test.sh publish"]
fn first_noop_dry_run_changed_and_removed() {
    let aws = Aws::new();
    let (tmp, bucket, distribution) = project(&aws);
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
    let (tmp, bucket, distribution) = project(&aws);
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
