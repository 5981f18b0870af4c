CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE step_executions (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id   UUID NOT NULL,
    workflow_id  UUID NOT NULL,
    step_name    TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending',
    attempt      INTEGER NOT NULL DEFAULT 1,
    payload      JSONB NOT NULL DEFAULT '{}'::jsonb,
    error        TEXT,
    created_at   TIMESTAMP NOT NULL DEFAULT now(),
    started_at   TIMESTAMP,
    finished_at  TIMESTAMP
);

CREATE INDEX idx_step_executions_project_created
    ON step_executions (project_id, created_at DESC);
