#!/usr/bin/env python3
"""CDK entry point: one set of platform stacks per environment."""

import aws_cdk as cdk

from config import ENVIRONMENTS
from stacks.autoscaler_cdk_stack import TemporalAutoscalerStack
from stacks.temporal_worker_stack import TemporalWorkerStack

app = cdk.App()
env_name = app.node.try_get_context("env") or "dev"
settings = ENVIRONMENTS[env_name]
aws_env = cdk.Environment(account=settings.account, region=settings.region)

TemporalWorkerStack(
    app,
    f"{settings.name}-temporal-worker",
    settings=settings,
    env=aws_env,
)

TemporalAutoscalerStack(
    app,
    f"{settings.name}-temporal-autoscaler",
    settings=settings,
    env=aws_env,
)

app.synth()
