const Comment = require('../models/Comment');
const Task = require('../models/Task');
const User = require('../models/User');
const mailer = require('../lib/mailer');
const { assertTaskAccess } = require('../lib/access');

async function listComments(req, res, next) {
  try {
    const { taskId } = req.params;
    await assertTaskAccess(req.user, taskId);
    const comments = await Comment.find({ taskId })
      .sort({ createdAt: 1 })
      .limit(200)
      .populate('authorId', 'name avatarUrl');
    res.json(comments);
  } catch (err) {
    next(err);
  }
}

async function createComment(req, res, next) {
  try {
    const { taskId } = req.params;
    const task = await assertTaskAccess(req.user, await Task.findById(taskId));
    const body = typeof req.body.body === 'string' ? req.body.body.trim() : '';
    if (!body) {
      return res.status(400).json({ error: 'Comment body is required' });
    }

    const comment = await Comment.create({ taskId, authorId: req.user.id, body });

    for (const watcherId of task.watchers) {
      if (String(watcherId) === String(req.user.id)) continue;
      const watcher = await User.findById(watcherId).select('email');
      if (!watcher) continue;
      await mailer.send({
        to: watcher.email,
        subject: `New comment on "${task.title}"`,
        text: `${req.user.name} wrote:\n\n${body}`,
      });
    }

    res.status(201).json(comment);
  } catch (err) {
    next(err);
  }
}

module.exports = { listComments, createComment };
