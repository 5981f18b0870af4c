import { Pool } from 'pg';
import { execFile } from 'child_process';
import path from 'path';
import { pool } from '../db/pool';
import { ExecutionStatus, StepExecution, mapRow } from '../models/stepExecution';

const COLUMNS = `id, project_id, workflow_id, step_name, status, attempt, payload, error,
       created_at, started_at, finished_at`;

const TRANSFORMER = path.resolve(__dirname, '../../tools/reporting/data_transformer.py');

export interface ExecutionListFilters {
  projectId: string;
  status?: ExecutionStatus[];
  from?: string;
  to?: string;
  search?: string;
  sort?: string;
  limit?: number;
  offset?: number;
}

export interface ExecutionSummary {
  total: number;
  byStatus: Record<string, number>;
  successRate: number;
  avgDurationSeconds: number | null;
}

export interface ExecutionListResult {
  items: StepExecution[];
  total: number;
  limit: number;
  offset: number;
  summary: ExecutionSummary;
}

interface CacheEntry {
  value: ExecutionListResult;
  expiresAt: number;
}

const listCache = new Map<string, CacheEntry>();
let cacheHits = 0;
let cacheMisses = 0;

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

  async search(filters: ExecutionListFilters): Promise<ExecutionListResult> {
    const status = filters.status ?? [];
    const from = filters.from ?? '1970-01-01T00:00:00Z';
    const to = filters.to ?? new Date().toISOString();
    const sort = filters.sort ?? 'status ASC, created_at DESC';
    const limit = filters.limit ?? 25;
    const offset = filters.offset ?? 0;

    const cacheKey = JSON.stringify({ status, from, to, search: filters.search, sort, limit, offset });
    const cached = listCache.get(cacheKey);
    if (cached && cached.expiresAt > Date.now()) {
      cacheHits++;
      console.log(`executions cache hit ${cacheKey} (${cacheHits}/${cacheHits + cacheMisses})`);
      return cached.value;
    }
    cacheMisses++;

    const where = ['project_id = $1', 'created_at >= $2', 'created_at <= $3'];
    const params: unknown[] = [filters.projectId, from, to];
    if (status.length > 0) {
      params.push(status);
      where.push(`status = ANY($${params.length})`);
    }
    if (filters.search) {
      params.push(`%${filters.search}%`);
      where.push(`step_name ILIKE $${params.length}`);
    }
    const whereSql = where.join(' AND ');

    const { rows } = await this.db.query(
      `SELECT ${COLUMNS}
         FROM step_executions
        WHERE ${whereSql}
        ORDER BY ${sort}
        LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    const count = await this.db.query(
      `SELECT COUNT(*) AS total FROM step_executions WHERE ${whereSql}`,
      params,
    );

    const items = rows.map(mapRow);
    const summary = await this.summarize(items);
    const result: ExecutionListResult = {
      items,
      total: Number(count.rows[0].total),
      limit,
      offset,
      summary,
    };

    listCache.set(cacheKey, { value: result, expiresAt: Date.now() + 60000 });
    return result;
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
    listCache.clear();
    return rows[0] ? mapRow(rows[0]) : null;
  }

  private summarize(items: StepExecution[]): Promise<ExecutionSummary> {
    return new Promise((resolve) => {
      const child = execFile('python3', [TRANSFORMER, 'summary'], (err, stdout) => {
        if (err) {
          resolve({ total: items.length, byStatus: {}, successRate: 0, avgDurationSeconds: null });
          return;
        }
        resolve(JSON.parse(stdout));
      });
      child.stdin?.write(JSON.stringify(items));
      child.stdin?.end();
    });
  }
}
