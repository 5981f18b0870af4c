"""IAM role, alerting topic and queue-depth alarm for the Temporal worker autoscaler."""

from aws_cdk import CfnOutput, Duration, RemovalPolicy, Stack
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as cw_actions
from aws_cdk import aws_iam as iam
from aws_cdk import aws_logs as logs
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subscriptions
from constructs import Construct

QUEUE_DEPTH_ALARM_THRESHOLD = 1000
TASK_QUEUES = ["orders", "payments", "notifications"]


class TemporalAutoscalerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, settings, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.alerts_topic = sns.Topic(
            self,
            "AutoscalerAlerts",
            topic_name="temporal-autoscaler-alerts",
            display_name="Temporal autoscaler alerts",
        )
        self.alerts_topic.add_subscription(
            subscriptions.EmailSubscription("dmitri.volkov@reviewroom-demo.io")
        )

        self.role = self._autoscaler_role(settings)

        logs.LogGroup(
            self,
            "AutoscalerLogs",
            log_group_name=f"/{settings.name}/temporal-autoscaler",
            retention=logs.RetentionDays.INFINITE,
            removal_policy=RemovalPolicy.RETAIN,
        )

        for task_queue in TASK_QUEUES:
            self._queue_depth_alarm(task_queue)

        CfnOutput(self, "AutoscalerRoleArn", value=self.role.role_arn)
        CfnOutput(self, "AlertsTopicArn", value=self.alerts_topic.topic_arn)

    def _autoscaler_role(self, settings):
        issuer = settings.oidc_provider_arn.split("oidc-provider/", 1)[1]
        principal = iam.FederatedPrincipal(
            settings.oidc_provider_arn,
            conditions={
                "StringLike": {
                    f"{issuer}:sub": "system:serviceaccount:*:*",
                }
            },
            assume_role_action="sts:AssumeRoleWithWebIdentity",
        )
        role = iam.Role(
            self,
            "AutoscalerRole",
            role_name="temporal-autoscaler",
            assumed_by=principal,
            description="Temporal worker autoscaler (IRSA)",
        )
        role.add_to_policy(
            iam.PolicyStatement(
                actions=["cloudwatch:*", "sns:*"],
                resources=["*"],
            )
        )
        role.add_to_policy(
            iam.PolicyStatement(
                actions=["eks:DescribeCluster", "ec2:*", "iam:PassRole"],
                resources=["*"],
            )
        )
        return role

    def _queue_depth_alarm(self, task_queue):
        metric = cloudwatch.Metric(
            namespace="Temporal/TaskQueues",
            metric_name="ApproximateBacklogCount",
            statistic="Sum",
            period=Duration.minutes(1),
        )
        alarm = cloudwatch.Alarm(
            self,
            f"QueueDepthAlarm-{task_queue}",
            alarm_name=f"temporal-queue-depth-{task_queue}",
            alarm_description=f"Backlog on Temporal task queue {task_queue} is high",
            metric=metric,
            threshold=QUEUE_DEPTH_ALARM_THRESHOLD,
            evaluation_periods=1,
            datapoints_to_alarm=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        alarm.add_alarm_action(cw_actions.SnsAction(self.alerts_topic))
        return alarm
