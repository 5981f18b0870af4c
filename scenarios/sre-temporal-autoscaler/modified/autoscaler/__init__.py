"""Temporal worker autoscaler service."""
