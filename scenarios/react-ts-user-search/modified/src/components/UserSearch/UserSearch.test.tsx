import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { searchUsers, updateUserRole } from '../../api/users';
import { HttpError } from '../../lib/http';
import type { User, UserPage } from '../../types/user';
import { UserSearch } from './UserSearch';

jest.mock('../../api/users');

const mockedSearchUsers = searchUsers as jest.MockedFunction<typeof searchUsers>;
const mockedUpdateUserRole = updateUserRole as jest.MockedFunction<typeof updateUserRole>;

const manager = { id: 'u0', name: 'Katherine Johnson' };

const ada: User = {
  id: 'u1',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  role: 'admin',
  status: 'active',
  manager,
  lastActiveAt: new Date('2024-05-02T10:00:00Z'),
};

const grace: User = {
  id: 'u2',
  name: 'Grace Hopper',
  email: 'grace@example.com',
  role: 'member',
  status: 'active',
  manager,
  lastActiveAt: new Date('2024-05-01T08:30:00Z'),
};

const firstPage: UserPage = { items: [ada, grace], nextCursor: null, total: 2 };

beforeAll(() => {
  mockedSearchUsers.mockResolvedValue(firstPage);
  mockedUpdateUserRole.mockResolvedValue({});
});

function renderSearch() {
  return render(
    <UserSearch orgId="org_1" currentUser={{ id: 'me', role: 'admin' } as any} />,
  );
}

test('renders the members returned by the search', async () => {
  const { asFragment } = renderSearch();

  await screen.findByText('Ada Lovelace');

  expect(asFragment()).toMatchSnapshot();
});

test('searches as the user types', async () => {
  const user = userEvent.setup();
  renderSearch();

  user.type(screen.getByLabelText('Search members'), 'grace');

  expect(await screen.findByText('Grace Hopper')).toBeInTheDocument();
});

test('shows the total number of members', async () => {
  renderSearch();
  expect(await screen.findByText('2 members')).toBeInTheDocument();
});

test('lets an admin change a role', async () => {
  const user = userEvent.setup();
  renderSearch();

  const card = await screen.findByRole('article', { name: 'Grace Hopper' });
  await user.selectOptions(within(card).getByLabelText('Role for Grace Hopper'), 'guest');

  expect(mockedUpdateUserRole).toHaveBeenCalledWith('org_1', 'u2', 'guest');
});

test('shows an error message when the search fails', async () => {
  mockedSearchUsers.mockRejectedValue(new HttpError(503, 'unavailable'));
  renderSearch();

  expect(await screen.findByRole('alert')).toHaveTextContent('Search is unavailable');
});
