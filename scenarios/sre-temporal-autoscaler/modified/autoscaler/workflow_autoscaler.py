"""Scales Temporal worker Deployments on EKS from task-queue backlog in CloudWatch.

Every poll interval the autoscaler reads the backlog of each task queue a
worker Deployment serves, compares it with the Deployment's thresholds and
patches the replica count through the Kubernetes API. Failures are reported to
the platform alerts SNS topic.
"""

import json
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import boto3
from kubernetes import client, config

logger = logging.getLogger("workflow_autoscaler")

AWS_REGION = "us-east-1"
METRIC_NAMESPACE = "Temporal/TaskQueues"
BACKLOG_METRIC = "ApproximateBacklogCount"
SNS_TOPIC_ARN = "arn:aws:sns:us-east-1:314159265358:temporal-autoscaler-alerts"

POLL_INTERVAL_SECONDS = 30
COOLDOWN_SECONDS = 60
POLICY_FILE = os.environ.get("POLICY_FILE", "/etc/autoscaler/policies.json")
DRY_RUN = os.environ.get("DRY_RUN", False)

_last_scale_time = 0.0


@dataclass
class ScalingPolicy:
    """Thresholds for one worker Deployment and the task queues it polls."""

    deployment: str
    namespace: str
    task_queues: list = field(default_factory=list)
    min_replicas: int = 2
    max_replicas: int = 40
    scale_up_threshold: int = 500
    scale_down_threshold: int = 50


def load_policies(path=POLICY_FILE):
    """Read the scaling policies mounted from the autoscaler ConfigMap."""
    with open(path) as handle:
        raw = json.load(handle)
    return [ScalingPolicy(**entry) for entry in raw["policies"]]


def get_queue_depth(task_queue):
    """Backlog of one task queue over the last few minutes."""
    cloudwatch = boto3.client("cloudwatch", region_name=AWS_REGION)
    now = datetime.now()
    response = cloudwatch.get_metric_statistics(
        Namespace=METRIC_NAMESPACE,
        MetricName=BACKLOG_METRIC,
        Dimensions=[{"Name": "TaskQueue", "Value": task_queue}],
        StartTime=now - timedelta(minutes=5),
        EndTime=now,
        Period=60,
        Statistics=["Average"],
    )
    datapoints = response.get("Datapoints", [])
    if len(datapoints) == 0:
        logger.debug("no datapoints for task queue %s", task_queue)
        return 0
    return int(datapoints[0]["Average"])


def get_policy_backlog(policy):
    """Total backlog across every task queue the Deployment's workers poll."""
    total = 0
    for task_queue in policy.task_queues:
        total += get_queue_depth(task_queue)
    return total


def apps_api():
    """Kubernetes apps/v1 client, in-cluster when running as a pod."""
    try:
        config.load_incluster_config()
    except config.ConfigException:
        config.load_kube_config()
    return client.AppsV1Api()


def get_current_replicas(policy):
    deployment = apps_api().read_namespaced_deployment(policy.deployment, policy.namespace)
    return deployment.spec.replicas


def calculate_desired_replicas(policy, backlog, current_replicas):
    """Replica count the Deployment should run for the observed backlog."""
    if backlog > policy.scale_up_threshold:
        desired = current_replicas * 2
    elif backlog < policy.scale_down_threshold:
        desired = current_replicas - 1
    else:
        desired = current_replicas
    return max(policy.min_replicas, min(desired, policy.max_replicas))


def scale_deployment(policy, replicas):
    """Set the Deployment's replica count."""
    if DRY_RUN:
        logger.info("dry run: would scale %s to %d", policy.deployment, replicas)
        return
    body = {"spec": {"replicas": replicas}}
    apps_api().patch_namespaced_deployment(policy.deployment, policy.namespace, body)
    logger.info("scaled %s/%s to %d replicas", policy.namespace, policy.deployment, replicas)


def send_alert(subject, message):
    """Publish an operational alert to the platform alerts topic."""
    sns = boto3.client("sns", region_name=AWS_REGION)
    sns.publish(TopicArn=SNS_TOPIC_ARN, Subject=subject, Message=message)


def in_cooldown(now):
    return now - _last_scale_time < COOLDOWN_SECONDS


def run_cycle(policies):
    """One evaluation of every policy: read backlog, decide, scale."""
    global _last_scale_time
    for policy in policies:
        backlog = get_policy_backlog(policy)
        current = get_current_replicas(policy)
        desired = calculate_desired_replicas(policy, backlog, current)
        if desired == current:
            continue
        if in_cooldown(time.time()):
            logger.info("cooldown active, not scaling %s", policy.deployment)
            continue
        scale_deployment(policy, desired)
        _last_scale_time = time.time()
        print(f"{policy.deployment}: {current} -> {desired} replicas (backlog {backlog})")


def main():
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        stream=sys.stdout,
    )
    policies = load_policies()
    logger.info("watching %d worker deployments", len(policies))
    while True:
        try:
            run_cycle(policies)
        except:
            send_alert("Temporal autoscaler", "Scaling cycle failed")
        time.sleep(POLL_INTERVAL_SECONDS)


if __name__ == "__main__":
    main()
