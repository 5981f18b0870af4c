//! moto's side of the publish tests: the server's address, the test's own AWS clients on it
//! (buckets and distributions to publish to, and what is in them afterwards), and moto's
//! recorder read back as publish's steps in order.

use std::collections::BTreeMap;

use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_sdk_cloudfront::types::{
    DefaultCacheBehavior, DistributionConfig, Origin, Origins, S3OriginConfig, ViewerProtocolPolicy,
};
use aws_sdk_s3::config::Credentials;
use aws_sdk_s3::primitives::ByteStream;
use serde_json::Value;

pub fn endpoint() -> String {
    std::env::var("REVIEWROOM_TEST_AWS")
        .expect("REVIEWROOM_TEST_AWS (run scripts/test.sh publish, which starts moto's server)")
}

pub fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{prefix}-{}-{nanos}", std::process::id())
}

/// The test's own clients, on the same server and credentials as the binary's.
pub struct Aws {
    pub runtime: tokio::runtime::Runtime,
    pub config: SdkConfig,
}

impl Aws {
    pub fn new() -> Aws {
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

    pub fn s3(&self) -> aws_sdk_s3::Client {
        aws_sdk_s3::Client::new(&self.config)
    }

    pub fn cloudfront(&self) -> aws_sdk_cloudfront::Client {
        aws_sdk_cloudfront::Client::new(&self.config)
    }

    pub fn bucket(&self) -> String {
        let bucket = unique("site");
        self.runtime
            .block_on(self.s3().create_bucket().bucket(&bucket).send())
            .unwrap();
        bucket
    }

    /// A distribution in front of `bucket`, as the template makes; returns its id.
    pub fn distribution(&self, bucket: &str) -> String {
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
    pub fn objects(&self, bucket: &str) -> BTreeMap<String, (String, String)> {
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

    pub fn put(&self, bucket: &str, key: &str, body: &str) {
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
    pub fn invalidations(&self, distribution: &str) -> Vec<Vec<String>> {
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

/// One request the server got for a test's bucket or distribution, as publish's steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
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
pub fn recorded() -> Vec<(String, String)> {
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
pub fn ops(since: usize, bucket: &str, distribution: &str) -> Vec<Op> {
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
pub fn positions(ops: &[Op], kind: fn(&Op) -> bool) -> Vec<usize> {
    ops.iter()
        .enumerate()
        .filter(|(_, op)| kind(op))
        .map(|(i, _)| i)
        .collect()
}

/// Asserts publish's order: one listing first, then every asset, then every page, then the
/// deletions, then at most one invalidation, last.
pub fn assert_order(ops: &[Op]) {
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
