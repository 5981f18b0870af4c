import { Pool } from 'pg';
import { StepExecutionService } from '../stepExecutionService';

function fakePool(rows: unknown[]) {
  const query = jest.fn().mockResolvedValue({ rows });
  return { pool: { query } as unknown as Pool, query };
}

const row = {
  id: 'e1',
  project_id: 'p1',
  workflow_id: 'w1',
  step_name: 'build',
  status: 'succeeded',
  attempt: 1,
  payload: null,
  error: null,
  created_at: new Date('2024-05-01T10:00:00Z'),
  started_at: new Date('2024-05-01T10:00:01Z'),
  finished_at: new Date('2024-05-01T10:00:09Z'),
};

describe('StepExecutionService', () => {
  it('lists executions for the caller project, newest first', async () => {
    const { pool, query } = fakePool([row]);
    const result = await new StepExecutionService(pool).listForProject('p1');

    expect(query.mock.calls[0][1]).toEqual(['p1']);
    expect(query.mock.calls[0][0]).toContain('ORDER BY created_at DESC');
    expect(result[0]).toMatchObject({ id: 'e1', stepName: 'build', payload: {} });
  });

  it('returns null when an execution is not in the project', async () => {
    const { pool } = fakePool([]);
    await expect(new StepExecutionService(pool).getById('p1', 'missing')).resolves.toBeNull();
  });

  it('scopes status updates to the project', async () => {
    const { pool, query } = fakePool([{ ...row, status: 'failed', error: 'boom' }]);
    const updated = await new StepExecutionService(pool).updateStatus('p1', 'e1', 'failed', 'boom');

    expect(query.mock.calls[0][1]).toEqual(['p1', 'e1', 'failed', 'boom']);
    expect(updated?.status).toBe('failed');
  });
});
