"""IAM role for the Temporal worker pods (IRSA) and their log group."""

from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_logs as logs
from constructs import Construct

WORKER_NAMESPACE = "temporal-workers"
WORKER_SERVICE_ACCOUNT = "temporal-worker"


class TemporalWorkerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, settings, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        issuer = settings.oidc_provider_arn.split("oidc-provider/", 1)[1]
        principal = iam.FederatedPrincipal(
            settings.oidc_provider_arn,
            conditions={
                "StringEquals": {
                    f"{issuer}:aud": "sts.amazonaws.com",
                    f"{issuer}:sub": (
                        f"system:serviceaccount:{WORKER_NAMESPACE}:{WORKER_SERVICE_ACCOUNT}"
                    ),
                }
            },
            assume_role_action="sts:AssumeRoleWithWebIdentity",
        )

        self.worker_role = iam.Role(
            self,
            "WorkerRole",
            assumed_by=principal,
            description="Temporal worker pods (IRSA)",
        )
        self.worker_role.add_to_policy(
            iam.PolicyStatement(
                actions=["s3:GetObject", "s3:PutObject"],
                resources=[f"arn:aws:s3:::{settings.name}-order-documents/*"],
            )
        )

        logs.LogGroup(
            self,
            "WorkerLogs",
            log_group_name=f"/{settings.name}/temporal-worker",
            retention=logs.RetentionDays.ONE_MONTH,
            removal_policy=RemovalPolicy.RETAIN,
        )
