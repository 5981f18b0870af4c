import { pool } from '../db';
import { createNotification, notifyUsers } from './notificationService';

jest.mock('../db', () => ({ pool: { query: jest.fn() } }));

const query = pool.query as jest.Mock;

const input = {
  userId: 'u1',
  orgId: 'o1',
  kind: 'mention' as const,
  title: 'Ada mentioned you',
  body: 'in "Launch plan"',
};

beforeEach(() => {
  query.mockReset();
});

test('createNotification inserts a row for the recipient', async () => {
  query.mockResolvedValue({
    rows: [
      {
        id: 'n1',
        user_id: 'u1',
        org_id: 'o1',
        kind: 'mention',
        title: 'Ada mentioned you',
        body: 'in "Launch plan"',
        link: null,
        actor_id: null,
        actor_name: null,
        actor_avatar_url: null,
        created_at: new Date('2024-06-01T12:00:00Z'),
        read_at: null,
      },
    ],
  });

  const notification = await createNotification(input);

  expect(query).toHaveBeenCalledWith(expect.stringContaining('INSERT INTO notifications'), [
    'u1',
    'o1',
    'mention',
    'Ada mentioned you',
    'in "Launch plan"',
    null,
    null,
  ]);
  expect(notification).toMatchObject({ id: 'n1', userId: 'u1', readAt: null });
});

test('notifyUsers inserts all recipients in one statement', async () => {
  query.mockResolvedValue({ rows: [] });

  await notifyUsers(['u1', 'u2', 'u3'], { orgId: 'o1', kind: 'system', title: 'Maintenance', body: '' });

  expect(query).toHaveBeenCalledTimes(1);
  expect(query.mock.calls[0][1][0]).toEqual(['u1', 'u2', 'u3']);
});
