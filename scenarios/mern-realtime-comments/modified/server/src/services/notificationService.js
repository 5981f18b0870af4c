const Task = require('../models/Task');
const User = require('../models/User');
const mailer = require('../lib/mailer');
const { emitToTask } = require('../realtime/socket');

const BATCH_SIZE = 50;

async function loadRecipients(task) {
  const recipients = [];
  for (const watcherId of task.watchers) {
    const user = await User.findById(watcherId).select('name email');
    if (user) recipients.push(user);
  }
  return recipients;
}

async function deliverInBatches(recipients, message) {
  for (let i = 0; i < recipients.length; i += BATCH_SIZE) {
    const batch = recipients.slice(i, i + BATCH_SIZE);
    await Promise.all(
      batch.map((user) =>
        mailer.send({ to: user.email, subject: message.subject, text: message.text })
      )
    );
  }
}

async function notifyWatchers(comment, author) {
  const task = await Task.findById(comment.taskId).select('title watchers');
  const recipients = await loadRecipients(task);
  await deliverInBatches(recipients, {
    subject: `New comment on "${task.title}"`,
    text: `${author.name} wrote:\n\n${comment.body}`,
  });
}

async function fanOutComment(comment, author) {
  emitToTask(comment.taskId, 'comment:created', comment);
  await notifyWatchers(comment, author);
}

module.exports = { fanOutComment, notifyWatchers };
