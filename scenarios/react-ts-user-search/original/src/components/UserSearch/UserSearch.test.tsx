import { render, screen } from '@testing-library/react';
import { listUsers } from '../../api/users';
import { UserSearch } from './UserSearch';

jest.mock('../../api/users');

const mockedListUsers = listUsers as jest.MockedFunction<typeof listUsers>;

test('shows the members of the workspace', async () => {
  mockedListUsers.mockResolvedValueOnce([
    { id: 'u1', name: 'Ada Lovelace', email: 'ada@example.com', role: 'admin' },
  ]);

  render(<UserSearch orgId="org_1" />);

  expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
});
