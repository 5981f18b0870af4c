"""Per-environment settings for the platform CDK app."""

from dataclasses import dataclass


@dataclass(frozen=True)
class EnvironmentConfig:
    name: str
    account: str
    region: str
    cluster_name: str
    oidc_provider_arn: str
    alerts_topic_subscribers: tuple


ENVIRONMENTS = {
    "dev": EnvironmentConfig(
        name="dev",
        account="271828182845",
        region="us-east-1",
        cluster_name="dev-eks",
        oidc_provider_arn=(
            "arn:aws:iam::271828182845:oidc-provider/"
            "oidc.eks.us-east-1.amazonaws.com/id/5E1A2B3C4D5E6F708192A3B4C5D6E7F8"
        ),
        alerts_topic_subscribers=("platform-dev-alerts@reviewroom-demo.io",),
    ),
    "prod": EnvironmentConfig(
        name="prod",
        account="314159265358",
        region="us-east-1",
        cluster_name="prod-eks",
        oidc_provider_arn=(
            "arn:aws:iam::314159265358:oidc-provider/"
            "oidc.eks.us-east-1.amazonaws.com/id/9A8B7C6D5E4F30211F2E3D4C5B6A7980"
        ),
        alerts_topic_subscribers=("platform-oncall@reviewroom-demo.pagerduty.com",),
    ),
}
