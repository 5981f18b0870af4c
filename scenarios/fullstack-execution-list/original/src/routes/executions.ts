import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
import { EXECUTION_STATUSES, ExecutionStatus } from '../models/stepExecution';
import { StepExecutionService } from '../services/stepExecutionService';

const service = new StepExecutionService();

export const executionsRouter = Router();

executionsRouter.use(requireAuth);

executionsRouter.get('/executions', async (req, res, next) => {
  try {
    const executions = await service.listForProject(req.user!.projectId);
    res.json(executions);
  } catch (err) {
    next(err);
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
