//! The AWS calls of a publish: the stack's outputs (CloudFormation), the bucket's listing,
//! uploads and deletions (S3), one invalidation (CloudFront). Region, credentials and endpoint
//! come from the standard AWS configuration (environment, profile), so `AWS_ENDPOINT_URL`
//! points every client at a local compatible server with no other code path.

use anyhow::{Context, Result, anyhow, bail};
use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_sdk_cloudfront::types::{InvalidationBatch, Paths};
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{Delete, ObjectIdentifier};

use super::plan::{self, LocalFile, Remote};

/// The stack outputs publish reads (infra/template.yaml's `Outputs`).
pub const BUCKET_OUTPUT: &str = "BucketName";
pub const DISTRIBUTION_OUTPUT: &str = "DistributionId";
/// DeleteObjects takes at most this many keys a call.
const DELETE_BATCH: usize = 1000;

/// An SDK error with its whole chain (the service's code and message), not just "service error".
fn sdk(err: impl std::error::Error) -> anyhow::Error {
    anyhow!("{}", aws_sdk_s3::error::DisplayErrorContext(err))
}

/// The standard AWS configuration, with `region` over it when given.
pub async fn config(region: Option<&str>) -> SdkConfig {
    let mut loader = aws_config::defaults(BehaviorVersion::latest());
    if let Some(region) = region {
        loader = loader.region(Region::new(region.to_string()));
    }
    loader.load().await
}

/// The bucket and distribution id from the outputs of `stack`.
pub async fn stack_outputs(config: &SdkConfig, stack: &str) -> Result<(String, String)> {
    let client = aws_sdk_cloudformation::Client::new(config);
    let described = client
        .describe_stacks()
        .stack_name(stack)
        .send()
        .await
        .map_err(sdk)
        .with_context(|| format!("cannot describe the stack {stack}"))?;
    let outputs = described
        .stacks()
        .first()
        .map(|s| s.outputs())
        .unwrap_or_default();
    let output = |name: &str| {
        outputs
            .iter()
            .find(|o| o.output_key() == Some(name))
            .and_then(|o| o.output_value())
            .map(str::to_string)
            .with_context(|| format!("the stack {stack} has no output {name}"))
    };
    Ok((output(BUCKET_OUTPUT)?, output(DISTRIBUTION_OUTPUT)?))
}

/// Every key of the bucket with its ETag.
pub async fn list(s3: &aws_sdk_s3::Client, bucket: &str) -> Result<Remote> {
    let mut remote = Remote::new();
    let mut pages = s3.list_objects_v2().bucket(bucket).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page
            .map_err(sdk)
            .with_context(|| format!("cannot list s3://{bucket}"))?;
        for object in page.contents() {
            if let (Some(key), Some(etag)) = (object.key(), object.e_tag()) {
                remote.insert(key.to_string(), etag.trim_matches('"').to_string());
            }
        }
    }
    Ok(remote)
}

/// One single-part PutObject with the file's Content-Type and Cache-Control.
pub async fn upload(s3: &aws_sdk_s3::Client, bucket: &str, file: &LocalFile) -> Result<()> {
    let body = tokio::fs::read(&file.path)
        .await
        .with_context(|| format!("cannot read {}", file.path.display()))?;
    s3.put_object()
        .bucket(bucket)
        .key(&file.key)
        .body(ByteStream::from(body))
        .content_type(plan::content_type(&file.key))
        .cache_control(plan::cache_control(&file.key))
        .send()
        .await
        .map_err(sdk)
        .with_context(|| {
            format!(
                "cannot upload {} to s3://{bucket}/{}",
                file.path.display(),
                file.key
            )
        })?;
    Ok(())
}

pub async fn delete(s3: &aws_sdk_s3::Client, bucket: &str, keys: &[String]) -> Result<()> {
    for batch in keys.chunks(DELETE_BATCH) {
        let objects = batch
            .iter()
            .map(|key| ObjectIdentifier::builder().key(key).build())
            .collect::<Result<Vec<_>, _>>()
            .context("cannot name the objects to delete")?;
        let delete = Delete::builder()
            .set_objects(Some(objects))
            .quiet(true)
            .build()
            .context("cannot make the delete request")?;
        let deleted = s3
            .delete_objects()
            .bucket(bucket)
            .delete(delete)
            .send()
            .await
            .map_err(sdk)
            .with_context(|| format!("cannot delete {} objects from s3://{bucket}", batch.len()))?;
        if let Some(err) = deleted.errors().first() {
            bail!(
                "cannot delete s3://{bucket}/{}: {}",
                err.key().unwrap_or("?"),
                err.message().unwrap_or("no message")
            );
        }
    }
    Ok(())
}

/// One invalidation of `paths`; returns its id.
pub async fn invalidate(
    config: &SdkConfig,
    distribution: &str,
    paths: &[String],
) -> Result<String> {
    let client = aws_sdk_cloudfront::Client::new(config);
    let items = Paths::builder()
        .quantity(i32::try_from(paths.len()).context("too many paths")?)
        .set_items(Some(paths.to_vec()))
        .build()
        .context("cannot make the invalidation's paths")?;
    // Unique per request: CloudFront treats a reused reference as the same invalidation.
    let reference = format!(
        "reviewroom-{}",
        time::OffsetDateTime::now_utc().unix_timestamp_nanos()
    );
    let batch = InvalidationBatch::builder()
        .paths(items)
        .caller_reference(reference)
        .build()
        .context("cannot make the invalidation")?;
    let created = client
        .create_invalidation()
        .distribution_id(distribution)
        .invalidation_batch(batch)
        .send()
        .await
        .map_err(sdk)
        .with_context(|| {
            format!(
                "cannot invalidate {} paths on distribution {distribution}",
                paths.len()
            )
        })?;
    Ok(created
        .invalidation()
        .map(|i| i.id().to_string())
        .unwrap_or_default())
}
