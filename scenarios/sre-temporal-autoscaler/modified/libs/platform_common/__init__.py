"""Shared helpers for platform services (AWS clients, logging setup)."""
