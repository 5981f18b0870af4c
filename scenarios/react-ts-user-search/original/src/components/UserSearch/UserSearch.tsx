import { useEffect, useState } from 'react';
import { listUsers } from '../../api/users';
import type { User } from '../../types/user';
import { Avatar } from '../Avatar';

export interface UserSearchProps {
  orgId: string;
}

export function UserSearch({ orgId }: UserSearchProps) {
  const [users, setUsers] = useState<User[]>([]);
  const [query, setQuery] = useState('');
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let active = true;
    listUsers(orgId)
      .then((result) => {
        if (active) setUsers(result);
      })
      .catch(() => {
        if (active) setFailed(true);
      });
    return () => {
      active = false;
    };
  }, [orgId]);

  const needle = query.trim().toLowerCase();
  const visible = users.filter(
    (user) =>
      user.name.toLowerCase().includes(needle) || user.email.toLowerCase().includes(needle),
  );

  return (
    <section className="user-search">
      <label htmlFor="user-search-query">Search members</label>
      <input
        id="user-search-query"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {failed && <p role="alert">Members could not be loaded.</p>}
      <ul className="user-search__results">
        {visible.map((user) => (
          <li key={user.id} className="user-search__row">
            <Avatar name={user.name} src={user.avatarUrl} />
            <span>{user.name}</span>
            <span>{user.email}</span>
            <span>{user.role}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
