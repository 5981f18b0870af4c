import { pool } from '../db';
import { pushToUser } from '../ws/notificationSocket';
import { createNotification, notifyUsers } from './notificationService';

jest.mock('../db', () => ({ pool: { query: jest.fn() } }));
jest.mock('../ws/notificationSocket', () => ({ pushToUser: jest.fn() }));

const query = pool.query as jest.Mock;
const push = pushToUser as jest.Mock;

const input = {
  userId: 'u1',
  orgId: 'o1',
  kind: 'mention' as const,
  title: 'Ada mentioned you',
  body: 'in "Launch plan"',
};

beforeEach(() => {
  query.mockReset();
  push.mockReset();
  query.mockResolvedValue({ rows: [] });
});

test('createNotification pushes the notification to the recipient', async () => {
  push.mockReturnValue(true);

  const notification = await createNotification(input);

  expect(push).toHaveBeenCalled();
  expect(notification.title).toBe('Ada mentioned you');
});

test('createNotification returns the notification when the user is offline', async () => {
  push.mockReturnValue(false);

  const notification = await createNotification(input);

  expect(notification.readAt).toBeNull();
});

test('notifyUsers notifies every recipient', async () => {
  push.mockReturnValue(true);

  await notifyUsers(['u1', 'u2', 'u3'], { orgId: 'o1', kind: 'system', title: 'Maintenance', body: '' });

  expect(push).toHaveBeenCalledTimes(3);
});
