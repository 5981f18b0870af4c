const express = require('express');

const { requireAuth } = require('../middleware/auth');
const { listComments, createComment } = require('../controllers/commentController');

const DEFAULT_PAGE_SIZE = 20;

const router = express.Router();

function parseListQuery(req, res, next) {
  req.listQuery = {
    cursor: req.query.cursor,
    search: req.query.search,
    limit: parseInt(req.query.limit) || DEFAULT_PAGE_SIZE,
  };
  next();
}

router.get('/tasks/:taskId/comments', requireAuth, parseListQuery, listComments);
router.post('/tasks/:taskId/comments', requireAuth, createComment);

module.exports = router;
