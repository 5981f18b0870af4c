import { useEffect, useState } from 'react';
import { Bell } from 'lucide-react';
import { fetchNotifications, markNotificationRead } from '../api/notifications';
import type { Notification } from '../types/notification';

const POLL_INTERVAL_MS = 15_000;

export function NotificationBell() {
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let active = true;

    const load = async () => {
      try {
        const list = await fetchNotifications();
        if (active) {
          setItems(list.items);
          setUnread(list.unread);
        }
      } catch {
        // Keep showing the last list; the next poll tries again.
      }
    };

    load();
    const timer = window.setInterval(load, POLL_INTERVAL_MS);
    return () => {
      active = false;
      window.clearInterval(timer);
    };
  }, []);

  const handleRead = async (notification: Notification) => {
    if (notification.readAt) {
      return;
    }
    await markNotificationRead(notification.id);
    setItems((current) =>
      current.map((item) =>
        item.id === notification.id ? { ...item, readAt: new Date().toISOString() } : item,
      ),
    );
    setUnread((count) => Math.max(0, count - 1));
  };

  return (
    <div className="notification-bell">
      <button
        type="button"
        className="notification-bell__button"
        aria-label={`Notifications, ${unread} unread`}
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        <Bell aria-hidden="true" />
        {unread > 0 && <span className="notification-bell__badge">{unread}</span>}
      </button>
      {open && (
        <ul className="notification-bell__list">
          {items.map((item) => (
            <li key={item.id} className={item.readAt ? 'is-read' : 'is-unread'}>
              <a href={item.link ?? '#'} onClick={() => handleRead(item)}>
                <strong>{item.actor ? item.actor.name : 'System'}</strong> {item.title}
              </a>
              <time dateTime={item.createdAt}>{new Date(item.createdAt).toLocaleString()}</time>
            </li>
          ))}
          {items.length === 0 && (
            <li className="notification-bell__empty">You&apos;re all caught up.</li>
          )}
        </ul>
      )}
    </div>
  );
}
