import { useEffect } from 'react';
import { io } from 'socket.io-client';

import { getToken } from '../api/client';

const SOCKET_URL = import.meta.env.VITE_API_URL || 'http://localhost:4000';

let socket = null;

function getSocket() {
  if (!socket) {
    socket = io(SOCKET_URL, { auth: { token: getToken() } });
  }
  return socket;
}

export function useCommentSocket(taskId, onComment) {
  useEffect(() => {
    const client = getSocket();
    client.emit('task:join', { taskId });
    client.on('comment:created', onComment);
  }, [taskId]);
}
