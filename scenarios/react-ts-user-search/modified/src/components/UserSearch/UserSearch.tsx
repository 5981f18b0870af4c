import { useEffect, useMemo, useRef, useState } from 'react';
import { updateUserRole } from '../../api/users';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useUserSearch } from '../../hooks/useUserSearch';
import type { User, UserRole, UserSearchFilters, UserSortKey } from '../../types/user';
import { UserCard } from './UserCard';

const SEARCH_DELAY_MS = 300;

export interface UserSearchProps {
  orgId: string;
  currentUser: User;
}

export function UserSearch({ orgId, currentUser }: UserSearchProps) {
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<UserSearchFilters['role']>('all');
  const [sortKey, setSortKey] = useState<UserSortKey>('name');
  const inputRef = useRef<HTMLInputElement>(null);

  const filters = useDebouncedValue<UserSearchFilters>({ query, role }, SEARCH_DELAY_MS);
  const { state, total, loadMore, replaceUser } = useUserSearch(orgId, filters);
  const canManage = currentUser.role === 'owner' || currentUser.role === 'admin';

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === '/' && document.activeElement !== inputRef.current) {
        event.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKeyDown);
  }, []);

  const users = state.data ?? [];

  const sortedUsers = useMemo(() => {
    const copy = [...users];
    if (sortKey === 'lastActive') {
      return copy.sort((a, b) => b.lastActiveAt.getTime() - a.lastActiveAt.getTime());
    }
    return copy.sort((a, b) => a.name.localeCompare(b.name));
  }, [users, sortKey]);

  const handleRoleChange = async (user: User, next: UserRole) => {
    replaceUser({ ...user, role: next });
    await updateUserRole(orgId, user.id, next);
  };

  return (
    <section className="user-search" aria-labelledby="user-search-heading">
      <h2 id="user-search-heading">Members</h2>
      <div className="user-search__controls">
        <label htmlFor="user-search-query">Search members</label>
        <input
          id="user-search-query"
          ref={inputRef}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label htmlFor="user-search-role">Role</label>
        <select
          id="user-search-role"
          value={role}
          onChange={(e) => setRole(e.target.value as UserSearchFilters['role'])}
        >
          <option value="all">All roles</option>
          <option value="owner">Owner</option>
          <option value="admin">Admin</option>
          <option value="member">Member</option>
          <option value="guest">Guest</option>
        </select>
        <label htmlFor="user-search-sort">Sort by</label>
        <select
          id="user-search-sort"
          value={sortKey}
          onChange={(e) => setSortKey(e.target.value as UserSortKey)}
        >
          <option value="name">Name</option>
          <option value="lastActive">Last active</option>
        </select>
      </div>

      <p role="status" className="user-search__status">
        {state.status === 'loading' ? 'Searching…' : `${total} members`}
      </p>
      {state.status === 'error' && <p role="alert">{state.error}</p>}
      {state.status === 'success' && users.length === 0 && (
        <p className="user-search__empty">No members match your search.</p>
      )}

      <ul className="user-search__results">
        {sortedUsers.map((user) => (
          <li key={user.id}>
            <UserCard user={user} canManage={canManage} onRoleChange={handleRoleChange} />
          </li>
        ))}
      </ul>

      {users.length > 0 && (
        <button type="button" className="user-search__more" onClick={loadMore}>
          Load more
        </button>
      )}
    </section>
  );
}
