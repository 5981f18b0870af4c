const jwt = require('jsonwebtoken');
const { Server } = require('socket.io');

let io = null;

function taskRoom(taskId) {
  return `task:${taskId}`;
}

function initSocket(httpServer) {
  io = new Server(httpServer, {
    cors: { origin: process.env.CLIENT_ORIGIN },
  });

  io.use((socket, next) => {
    try {
      const payload = jwt.verify(socket.handshake.auth.token, process.env.JWT_SECRET);
      socket.user = { id: payload.sub, name: payload.name };
      next();
    } catch (err) {
      next(new Error('unauthorized'));
    }
  });

  io.on('connection', (socket) => {
    socket.on('task:join', ({ taskId }) => {
      socket.join(taskRoom(taskId));
    });

    socket.on('task:leave', ({ taskId }) => {
      socket.leave(taskRoom(taskId));
    });
  });

  return io;
}

function emitToTask(taskId, event, payload) {
  if (!io) {
    return;
  }
  io.to(taskRoom(taskId)).emit(event, payload);
}

module.exports = { initSocket, emitToTask };
