const express = require('express');

const { requireAuth } = require('../middleware/auth');
const { listComments, createComment } = require('../controllers/commentController');

const router = express.Router();

router.get('/tasks/:taskId/comments', requireAuth, listComments);
router.post('/tasks/:taskId/comments', requireAuth, createComment);

module.exports = router;
