//! SDK errors -> `StoreError`: which failures are worth a retry (503) and which are conditions.

use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};

use crate::store::StoreError;

/// A throttled, timed-out or unreachable service is worth retrying; the rest is not.
pub(super) fn sdk<E: ProvideErrorMetadata + std::fmt::Debug, R: std::fmt::Debug>(
    e: SdkError<E, R>,
) -> StoreError {
    match &e {
        SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) | SdkError::ResponseError(_) => {
            StoreError::Unavailable(format!("{e:?}"))
        }
        _ => match e.code() {
            Some(
                "ProvisionedThroughputExceededException"
                | "ThrottlingException"
                | "RequestLimitExceeded"
                | "InternalServerError"
                | "ServiceUnavailable"
                | "TransactionConflictException",
            ) => StoreError::Unavailable(format!("{e:?}")),
            _ => StoreError::Internal(format!(
                "{}: {}",
                e.code().unwrap_or("?"),
                e.message().unwrap_or("")
            )),
        },
    }
}

pub(super) fn failed_condition<E: ProvideErrorMetadata, R>(e: &SdkError<E, R>) -> bool {
    matches!(
        e.code(),
        Some("ConditionalCheckFailedException" | "TransactionCanceledException")
    )
}
