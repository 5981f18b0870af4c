"""Unit tests for the scaling decisions and the CloudWatch/Kubernetes calls."""

import time
from unittest.mock import MagicMock, patch

import pytest

from autoscaler import workflow_autoscaler as wa


@pytest.fixture
def policy():
    return wa.ScalingPolicy(
        deployment="temporal-worker",
        namespace="temporal-workers",
        task_queues=["orders", "payments"],
    )


def test_scale_up_when_backlog_is_high(policy):
    assert wa.calculate_desired_replicas(policy, 800, 4) == 8


def test_scale_up_is_capped_at_max(policy):
    assert wa.calculate_desired_replicas(policy, 5000, 30) == 40


def test_scale_down_when_queue_is_quiet(policy):
    assert wa.calculate_desired_replicas(policy, 10, 4) == 3


def test_scale_down_respects_minimum(policy):
    assert wa.calculate_desired_replicas(policy, 10, 4) == 3


def test_no_change_between_thresholds(policy):
    assert wa.calculate_desired_replicas(policy, 200, 6) == 6


@patch("autoscaler.workflow_autoscaler.boto3.client")
def test_get_queue_depth_reads_average(mock_client):
    cloudwatch = MagicMock()
    cloudwatch.get_metric_statistics.return_value = {
        "Datapoints": [{"Average": 742.0, "Timestamp": "2026-11-20T10:01:00Z"}]
    }
    mock_client.return_value = cloudwatch

    assert wa.get_queue_depth("orders") == 742


@patch("autoscaler.workflow_autoscaler.get_queue_depth")
def test_policy_backlog_sums_queues(mock_depth, policy):
    mock_depth.side_effect = [300, 250]

    assert wa.get_policy_backlog(policy) == 550


@patch("autoscaler.workflow_autoscaler.apps_api")
def test_scale_deployment_patches_replicas(mock_apps, policy):
    wa.scale_deployment(policy, 6)

    mock_apps.return_value.patch_namespaced_deployment.assert_called()


@patch("autoscaler.workflow_autoscaler.scale_deployment")
@patch("autoscaler.workflow_autoscaler.get_current_replicas")
@patch("autoscaler.workflow_autoscaler.get_policy_backlog")
def test_run_cycle_scales_when_backlog_grows(mock_backlog, mock_current, mock_scale, policy):
    mock_backlog.return_value = 900
    mock_current.return_value = 4

    wa.run_cycle([policy])

    mock_scale.assert_called_once_with(policy, 8)
    assert mock_current.return_value == 4


@patch("autoscaler.workflow_autoscaler.scale_deployment")
@patch("autoscaler.workflow_autoscaler.get_current_replicas")
@patch("autoscaler.workflow_autoscaler.get_policy_backlog")
def test_cooldown_blocks_second_scale(mock_backlog, mock_current, mock_scale, policy, monkeypatch):
    monkeypatch.setattr(wa, "COOLDOWN_SECONDS", 1)
    monkeypatch.setattr(wa, "_last_scale_time", 0.0)
    mock_backlog.return_value = 900
    mock_current.return_value = 4

    wa.run_cycle([policy])
    wa.run_cycle([policy])
    assert mock_scale.call_count == 1

    time.sleep(1.1)
    wa.run_cycle([policy])
    assert mock_scale.call_count == 2


@patch("autoscaler.workflow_autoscaler.boto3.client")
def test_send_alert_publishes_to_topic(mock_client):
    wa.send_alert("subject", "body")

    mock_client.return_value.publish.assert_called_once_with(
        TopicArn=wa.SNS_TOPIC_ARN, Subject="subject", Message="body"
    )


@patch("autoscaler.workflow_autoscaler.apps_api")
def test_scale_deployment_dry_run_does_not_patch(mock_apps, policy):
    wa.DRY_RUN = True

    wa.scale_deployment(policy, 6)

    mock_apps.return_value.patch_namespaced_deployment.assert_not_called()
