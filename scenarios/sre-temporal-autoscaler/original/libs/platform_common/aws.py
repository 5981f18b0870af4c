"""AWS client factory shared by platform services.

Clients are cached per (service, region) so that connection pools are reused,
and every client gets the same retry and timeout settings.
"""

import os
from functools import lru_cache

import boto3
from botocore.config import Config

DEFAULT_REGION = os.environ.get("AWS_REGION", "us-east-1")

_CLIENT_CONFIG = Config(
    retries={"max_attempts": 8, "mode": "adaptive"},
    connect_timeout=3,
    read_timeout=10,
)


@lru_cache(maxsize=None)
def get_client(service_name, region_name=None):
    """Return a cached boto3 client with the platform retry policy."""
    return boto3.client(
        service_name,
        region_name=region_name or DEFAULT_REGION,
        config=_CLIENT_CONFIG,
    )
