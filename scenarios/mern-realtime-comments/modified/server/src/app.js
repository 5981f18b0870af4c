const express = require('express');
const cors = require('cors');

const commentRoutes = require('./routes/comments');

const app = express();

app.use(cors({ origin: process.env.CLIENT_ORIGIN }));
app.use(express.json({ limit: '100kb' }));
app.use('/api', commentRoutes);

app.use((err, req, res, next) => {
  const status = err.status || 500;
  if (status === 500) {
    console.error(err);
  }
  res.status(status).json({ error: status === 500 ? 'Internal error' : err.message });
});

module.exports = app;
