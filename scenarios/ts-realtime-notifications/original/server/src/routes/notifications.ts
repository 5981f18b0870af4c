import { Router } from 'express';
import { currentUser, requireAuth } from '../middleware/auth';
import { countUnread, listForUser, markRead } from '../services/notificationService';

export const notificationsRouter = Router();

notificationsRouter.use(requireAuth);

notificationsRouter.get('/', async (req, res, next) => {
  try {
    const user = currentUser(req);
    const since = typeof req.query.since === 'string' ? req.query.since : undefined;
    const [items, unread] = await Promise.all([listForUser(user.id, since), countUnread(user.id)]);
    res.json({ items, unread });
  } catch (err) {
    next(err);
  }
});

notificationsRouter.post('/:id/read', async (req, res, next) => {
  try {
    const user = currentUser(req);
    const updated = await markRead(user.id, req.params.id);
    res.status(updated ? 204 : 404).end();
  } catch (err) {
    next(err);
  }
});
