import { randomUUID } from 'node:crypto';
import { pool } from '../db';
import { pushToUser } from '../ws/notificationSocket';
import type { Notification, NotificationInput } from '../types';

const PAGE_SIZE = 50;

interface NotificationRow {
  id: string;
  user_id: string;
  org_id: string;
  kind: Notification['kind'];
  title: string;
  body: string;
  link: string | null;
  actor_id: string | null;
  actor_name: string | null;
  actor_avatar_url: string | null;
  created_at: Date;
  read_at: Date | null;
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    userId: row.user_id,
    orgId: row.org_id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    actor:
      row.actor_id && row.actor_name
        ? { id: row.actor_id, name: row.actor_name, avatarUrl: row.actor_avatar_url ?? undefined }
        : null,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}

export async function createNotification(input: NotificationInput): Promise<Notification> {
  const notification: Notification = {
    id: randomUUID(),
    userId: input.userId,
    orgId: input.orgId,
    kind: input.kind,
    title: input.title,
    body: input.body,
    link: input.link ?? null,
    actor: input.actor ?? null,
    createdAt: new Date().toISOString(),
    readAt: null,
  };

  const delivered = pushToUser(notification.userId, { type: 'notification', notification });
  console.log(`notification ${notification.id} for ${notification.userId} delivered=${delivered}`);

  pool
    .query(
      `INSERT INTO notifications (id, user_id, org_id, kind, title, body, link, actor_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        notification.id,
        notification.userId,
        notification.orgId,
        notification.kind,
        notification.title,
        notification.body,
        notification.link,
        input.actor?.id ?? null,
        notification.createdAt,
      ],
    )
    .catch((err) => console.error('failed to persist notification', err));

  return notification;
}

export async function notifyUsers(
  userIds: string[],
  input: Omit<NotificationInput, 'userId'>,
): Promise<void> {
  for (const userId of userIds) {
    await createNotification({ ...input, userId });
  }
}

export async function listForUser(userId: string, since?: string): Promise<Notification[]> {
  const { rows } = await pool.query<NotificationRow>(
    `SELECT n.*, u.name AS actor_name, u.avatar_url AS actor_avatar_url
       FROM notifications n
       LEFT JOIN users u ON u.id = n.actor_id
      WHERE n.user_id = $1
        AND ($2::timestamptz IS NULL OR n.created_at > $2::timestamptz)
      ORDER BY n.created_at DESC
      LIMIT $3`,
    [userId, since ?? null, PAGE_SIZE],
  );
  return rows.map(toNotification);
}

export async function countUnread(userId: string): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(
    'SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL',
    [userId],
  );
  return Number(rows[0].count);
}

export async function markRead(userId: string, id: string): Promise<boolean> {
  const result = await pool.query(
    'UPDATE notifications SET read_at = now() WHERE id = $1 AND user_id = $2 AND read_at IS NULL',
    [id, userId],
  );
  return (result.rowCount ?? 0) > 0;
}

export async function markReadById(id: string): Promise<void> {
  await pool.query('UPDATE notifications SET read_at = now() WHERE id = $1', [id]);
}
