import { render, screen } from '@testing-library/react';
import UserSearch from '../UserSearch';

const users = [
  { id: 'u1', name: 'Ada Lovelace', email: 'ada@example.com', title: 'Engineer' },
  { id: 'u2', name: 'Grace Hopper', email: 'grace@example.com', title: 'Admiral' },
];

beforeEach(() => {
  global.fetch = jest.fn(() =>
    Promise.resolve({ ok: true, json: () => Promise.resolve(users) }),
  );
});

test('lists people once they are loaded', async () => {
  render(<UserSearch onSelect={() => {}} />);
  expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
  expect(screen.getByText('Grace Hopper')).toBeInTheDocument();
});
