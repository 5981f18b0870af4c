const Comment = require('../models/Comment');
const Task = require('../models/Task');
const { assertTaskAccess } = require('../lib/access');
const { commentCache } = require('../lib/responseCache');
const { fanOutComment } = require('../services/notificationService');

async function listComments(req, res, next) {
  try {
    const { taskId } = req.params;
    const { cursor, search, limit } = req.listQuery;

    const cacheKey = `comments:${taskId}:${cursor || ''}:${search || ''}:${limit}`;
    const cached = commentCache.get(cacheKey);
    if (cached) {
      return res.json(cached);
    }

    await assertTaskAccess(req.user, taskId);

    const query = { taskId };
    if (cursor) {
      query.createdAt = { $lt: new Date(cursor) };
    }
    if (search) {
      query.body = { $regex: search, $options: 'i' };
    }

    const items = await Comment.find(query)
      .sort({ createdAt: -1 })
      .limit(limit)
      .populate('authorId', 'name avatarUrl');
    const nextCursor = items.length === limit ? items[items.length - 1].createdAt : null;

    const page = { items, nextCursor };
    commentCache.set(cacheKey, page);
    res.json(page);
  } catch (err) {
    next(err);
  }
}

async function createComment(req, res, next) {
  try {
    const { taskId } = req.params;
    const task = await Task.findById(taskId);
    if (!task) {
      res.status(404).json({ error: 'Task not found' });
    }
    await assertTaskAccess(req.user, task);

    const body = typeof req.body.body === 'string' ? req.body.body.trim() : '';
    if (!body) {
      return res.status(400).json({ error: 'Comment body is required' });
    }

    const comment = await Comment.create({ taskId, authorId: req.user.id, body });
    commentCache.invalidatePrefix(`comments:${taskId}:`);

    const payload = { ...comment.toObject(), authorId: { _id: req.user.id, name: req.user.name } };
    setImmediate(() => {
      fanOutComment(payload, req.user).catch(() => {});
    });

    res.status(201).json(payload);
  } catch (err) {
    next(err);
  }
}

module.exports = { listComments, createComment };
