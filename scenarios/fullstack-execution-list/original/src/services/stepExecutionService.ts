import { Pool } from 'pg';
import { pool } from '../db/pool';
import { ExecutionStatus, StepExecution, mapRow } from '../models/stepExecution';

const COLUMNS = `id, project_id, workflow_id, step_name, status, attempt, payload, error,
       created_at, started_at, finished_at`;

export class StepExecutionService {
  constructor(private readonly db: Pool = pool) {}

  async listForProject(projectId: string): Promise<StepExecution[]> {
    const { rows } = await this.db.query(
      `SELECT ${COLUMNS}
         FROM step_executions
        WHERE project_id = $1
        ORDER BY created_at DESC
        LIMIT 200`,
      [projectId],
    );
    return rows.map(mapRow);
  }

  async getById(projectId: string, id: string): Promise<StepExecution | null> {
    const { rows } = await this.db.query(
      `SELECT ${COLUMNS} FROM step_executions WHERE project_id = $1 AND id = $2`,
      [projectId, id],
    );
    return rows[0] ? mapRow(rows[0]) : null;
  }

  async updateStatus(
    projectId: string,
    id: string,
    status: ExecutionStatus,
    error: string | null = null,
  ): Promise<StepExecution | null> {
    const { rows } = await this.db.query(
      `UPDATE step_executions
          SET status = $3,
              error = $4,
              started_at = CASE WHEN $3 = 'running' THEN now() ELSE started_at END,
              finished_at = CASE WHEN $3 IN ('succeeded', 'failed', 'cancelled') THEN now() ELSE finished_at END
        WHERE project_id = $1 AND id = $2
        RETURNING ${COLUMNS}`,
      [projectId, id, status, error],
    );
    return rows[0] ? mapRow(rows[0]) : null;
  }
}
