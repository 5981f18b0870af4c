import type { NotificationList } from '../types/notification';

export async function fetchNotifications(since?: string): Promise<NotificationList> {
  const url = since
    ? `/api/notifications?since=${encodeURIComponent(since)}`
    : '/api/notifications';
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    throw new Error(`Loading notifications failed with ${res.status}`);
  }
  return (await res.json()) as NotificationList;
}

export async function markNotificationRead(id: string): Promise<void> {
  const res = await fetch(`/api/notifications/${encodeURIComponent(id)}/read`, {
    method: 'POST',
    credentials: 'same-origin',
  });
  if (!res.ok && res.status !== 404) {
    throw new Error(`Marking notification read failed with ${res.status}`);
  }
}

export async function fetchSocketToken(): Promise<{ token: string }> {
  const res = await fetch('/api/notifications/socket-token', { credentials: 'same-origin' });
  if (!res.ok) {
    throw new Error(`Fetching the socket token failed with ${res.status}`);
  }
  return (await res.json()) as { token: string };
}
