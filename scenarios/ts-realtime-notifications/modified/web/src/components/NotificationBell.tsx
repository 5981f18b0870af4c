import { useState } from 'react';
import { Bell } from 'lucide-react';
import { useNotificationSocket } from '../hooks/useNotificationSocket';
import type { Notification } from '../types/notification';

export function NotificationBell() {
  const { notifications, unread, markRead } = useNotificationSocket();
  const [open, setOpen] = useState(false);

  const handleRead = (notification: Notification) => {
    if (!notification.readAt) {
      markRead(notification.id);
    }
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
          {notifications.map((item) => (
            <li key={item.id} className={item.readAt ? 'is-read' : 'is-unread'}>
              <a href={item.link ?? '#'} onClick={() => handleRead(item)}>
                <strong>{item.actor.name ?? 'System'}</strong> {item.title}
              </a>
              <time dateTime={item.createdAt}>{new Date(item.createdAt).toLocaleString()}</time>
            </li>
          ))}
          {notifications.length === 0 && (
            <li className="notification-bell__empty">You&apos;re all caught up.</li>
          )}
        </ul>
      )}
    </div>
  );
}
