export type ExecutionStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export const EXECUTION_STATUSES: ExecutionStatus[] = [
  'pending',
  'running',
  'succeeded',
  'failed',
  'cancelled',
];

export interface StepExecution {
  id: string;
  projectId: string;
  workflowId: string;
  stepName: string;
  status: ExecutionStatus;
  attempt: number;
  payload: Record<string, unknown>;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface StepExecutionRow {
  id: string;
  project_id: string;
  workflow_id: string;
  step_name: string;
  status: ExecutionStatus;
  attempt: number;
  payload: Record<string, unknown> | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export function mapRow(row: StepExecutionRow): StepExecution {
  return {
    id: row.id,
    projectId: row.project_id,
    workflowId: row.workflow_id,
    stepName: row.step_name,
    status: row.status,
    attempt: row.attempt,
    payload: row.payload ?? {},
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
