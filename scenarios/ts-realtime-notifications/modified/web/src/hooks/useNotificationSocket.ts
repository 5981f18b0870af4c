import { useEffect, useRef, useState } from 'react';
import { fetchSocketToken } from '../api/notifications';
import type { Notification } from '../types/notification';

type ServerMessage =
  | { type: 'notification'; notification: Notification }
  | { type: 'unread_count'; count: number };

export interface NotificationSocket {
  notifications: Notification[];
  unread: number;
  connected: boolean;
  markRead: (id: string) => void;
}

export function useNotificationSocket(): NotificationSocket {
  const [notifications, setNotifications] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [connected, setConnected] = useState(false);
  const socketRef = useRef<WebSocket | null>(null);

  useEffect(() => {
    const connect = async () => {
      const { token } = await fetchSocketToken();
      const socket = new WebSocket(`ws://${window.location.host}/ws/notifications?token=${token}`);
      socketRef.current = socket;

      socket.onopen = () => {
        setConnected(true);
      };

      socket.onmessage = (event: MessageEvent<string>) => {
        const message = JSON.parse(event.data) as ServerMessage;
        if (message.type === 'notification') {
          setNotifications([message.notification, ...notifications]);
          setUnread(unread + 1);
        } else {
          setUnread(message.count);
        }
      };

      socket.onclose = () => {
        setConnected(false);
        setTimeout(connect, 1000);
      };
    };

    connect();
  }, []);

  const markRead = (id: string) => {
    socketRef.current?.send(JSON.stringify({ type: 'mark_read', id }));
    setNotifications((current) =>
      current.map((item) =>
        item.id === id ? { ...item, readAt: new Date().toISOString() } : item,
      ),
    );
  };

  return { notifications, unread, connected, markRead };
}
