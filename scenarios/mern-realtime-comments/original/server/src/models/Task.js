const mongoose = require('mongoose');

const taskSchema = new mongoose.Schema(
  {
    projectId: { type: mongoose.Schema.Types.ObjectId, ref: 'Project', required: true, index: true },
    title: { type: String, required: true, trim: true, maxlength: 200 },
    status: { type: String, enum: ['open', 'in_progress', 'done'], default: 'open' },
    assigneeId: { type: mongoose.Schema.Types.ObjectId, ref: 'User' },
    watchers: [{ type: mongoose.Schema.Types.ObjectId, ref: 'User' }],
  },
  { timestamps: true }
);

module.exports = mongoose.model('Task', taskSchema);
