"""Indexes for the task board queries.

Revision ID: 0007_task_query_indexes
Revises: 0006_project_members
"""
from alembic import op

revision = "0007_task_query_indexes"
down_revision = "0006_project_members"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_tasks_project_status", "tasks", ["project_id", "status"])
    op.create_index("ix_tasks_title", "tasks", ["title"])
    op.create_index("ix_tasks_assignee_id", "tasks", ["assignee_id"])


def downgrade() -> None:
    op.drop_index("ix_tasks_title", table_name="tasks")
    op.drop_index("ix_tasks_project_status", table_name="tasks")
    op.drop_index("ix_tasks_assignee_id", table_name="tasks")
