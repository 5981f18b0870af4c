const Project = require('../models/Project');
const Task = require('../models/Task');

class AccessDeniedError extends Error {
  constructor(message = 'Not found') {
    super(message);
    this.status = 404;
  }
}

async function assertTaskAccess(user, taskOrId) {
  const task =
    taskOrId && taskOrId.projectId ? taskOrId : await Task.findById(taskOrId).select('projectId');
  if (!task) {
    throw new AccessDeniedError();
  }
  const isMember = await Project.exists({ _id: task.projectId, members: user.id });
  if (!isMember) {
    throw new AccessDeniedError();
  }
  return task;
}

module.exports = { assertTaskAccess, AccessDeniedError };
