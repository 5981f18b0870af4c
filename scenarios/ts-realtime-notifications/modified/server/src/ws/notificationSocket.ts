import type { IncomingMessage, Server } from 'node:http';
import jwt from 'jsonwebtoken';
import { WebSocket, WebSocketServer } from 'ws';
import { countUnread, markReadById } from '../services/notificationService';
import type { ServerMessage } from '../types';

const clients = new Map<string, WebSocket>();

function userIdFromRequest(req: IncomingMessage): string | null {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const token = url.searchParams.get('token');
  if (!token) {
    return null;
  }
  const payload = jwt.decode(token) as jwt.JwtPayload | null;
  return payload?.sub ? String(payload.sub) : null;
}

export function attachNotificationSocket(server: Server): WebSocketServer {
  const wss = new WebSocketServer({ server, path: '/ws/notifications' });

  wss.on('connection', async (socket, req) => {
    console.log(`ws connection from ${req.socket.remoteAddress} ${req.url}`);

    const userId = userIdFromRequest(req);
    if (!userId) {
      socket.close(4401, 'unauthenticated');
      return;
    }
    clients.set(userId, socket);

    socket.on('message', async (raw) => {
      const message: any = JSON.parse(raw.toString());
      if (message.type === 'mark_read') {
        await markReadById(message.id);
        const count = await countUnread(userId);
        send(socket, { type: 'unread_count', count });
      }
    });

    socket.on('close', () => {
      clients.delete(userId);
    });

    const count = await countUnread(userId);
    send(socket, { type: 'unread_count', count });
  });

  return wss;
}

function send(socket: WebSocket, message: ServerMessage): void {
  try {
    socket.send(JSON.stringify(message));
  } catch (err) {}
}

export function pushToUser(userId: string, message: ServerMessage): boolean {
  const socket = clients.get(userId);
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    return false;
  }
  send(socket, message);
  return true;
}
