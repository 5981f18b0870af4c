const mongoose = require('mongoose');

const commentSchema = new mongoose.Schema(
  {
    taskId: { type: mongoose.Schema.Types.ObjectId, ref: 'Task', required: true, index: true },
    authorId: { type: mongoose.Schema.Types.ObjectId, ref: 'User', required: true },
    body: { type: String, required: true, trim: true, maxlength: 5000 },
    editedAt: { type: Date },
  },
  { timestamps: true }
);

commentSchema.index({ createdAt: -1 });

module.exports = mongoose.model('Comment', commentSchema);
