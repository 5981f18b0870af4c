import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
import { EXECUTION_STATUSES, ExecutionStatus } from '../models/stepExecution';
import { StepExecutionService } from '../services/stepExecutionService';

const service = new StepExecutionService();

export const executionsRouter = Router();

executionsRouter.use(requireAuth);

executionsRouter.get('/executions', async (req, res) => {
  try {
    const status = req.query.status
      ? (String(req.query.status).split(',') as ExecutionStatus[])
      : undefined;
    const result = await service.search({
      projectId: (req.query.projectId as string) || req.user!.projectId,
      status,
      from: req.query.from as string | undefined,
      to: req.query.to as string | undefined,
      search: req.query.q as string | undefined,
      sort: req.query.sort as string | undefined,
      limit: req.query.limit ? parseInt(req.query.limit as string) : undefined,
      offset: req.query.offset ? parseInt(req.query.offset as string) : undefined,
    });
    res.json(result);
  } catch (err: any) {
    res.status(500).json({ error: err.message });
  }
});

executionsRouter.get('/executions/:id', async (req, res, next) => {
  try {
    const execution = await service.getById(req.user!.projectId, req.params.id);
    if (!execution) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    res.json(execution);
  } catch (err) {
    next(err);
  }
});

executionsRouter.patch('/executions/:id/status', async (req, res, next) => {
  try {
    if (req.user!.role === 'viewer') {
      res.status(403).json({ error: 'forbidden' });
      return;
    }
    const status = req.body?.status as ExecutionStatus;
    if (!EXECUTION_STATUSES.includes(status)) {
      res.status(400).json({ error: `status must be one of ${EXECUTION_STATUSES.join(', ')}` });
      return;
    }
    const updated = await service.updateStatus(req.user!.projectId, req.params.id, status, req.body?.error ?? null);
    if (!updated) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    res.json(updated);
  } catch (err) {
    next(err);
  }
});
