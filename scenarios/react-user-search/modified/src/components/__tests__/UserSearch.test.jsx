import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import UserSearch from '../UserSearch';

const users = [
  {
    id: 'u1',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    title: 'Engineer',
    department: 'engineering',
    avatarUrl: null,
    lastActiveAt: '2024-03-01T09:00:00Z',
  },
  {
    id: 'u2',
    name: 'Grace Hopper',
    email: 'grace@example.com',
    title: 'Admiral',
    department: 'operations',
    avatarUrl: null,
    lastActiveAt: '2024-03-01T09:00:00Z',
  },
];

beforeEach(() => {
  global.fetch = jest.fn(() =>
    Promise.resolve({
      ok: true,
      json: () => Promise.resolve({ results: users, total: users.length }),
    }),
  );
});

test('lists people once they are loaded', async () => {
  render(<UserSearch onSelect={() => {}} />);
  expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
  expect(screen.getByText('Grace Hopper')).toBeInTheDocument();
});

test('filters people by name as the user types', async () => {
  const user = userEvent.setup();
  const { container } = render(<UserSearch onSelect={() => {}} />);

  await user.type(screen.getByPlaceholderText('Search people'), 'grace');

  await waitFor(() => {
    expect(container.querySelectorAll('.user-card')).toHaveLength(1);
  });
  expect(container.querySelector('.user-card__title').textContent).toBe('Admiral');
});

test('debounces the search', async () => {
  const user = userEvent.setup();
  render(<UserSearch onSelect={() => {}} />);

  await user.type(screen.getByPlaceholderText('Search people'), 'ada');
  await new Promise((resolve) => setTimeout(resolve, 400));

  expect(screen.getByText('1 person found')).toBeInTheDocument();
});

test('shows the result count', async () => {
  render(<UserSearch onSelect={() => {}} />);
  expect(await screen.findByText('2 people found')).toBeInTheDocument();
});

test('calls onSelect when a person is clicked', async () => {
  const user = userEvent.setup();
  const onSelect = jest.fn();
  const { container } = render(<UserSearch onSelect={onSelect} />);

  await screen.findByText('Ada Lovelace');
  await user.click(container.querySelector('.user-card'));

  expect(onSelect).toHaveBeenCalled();
});
