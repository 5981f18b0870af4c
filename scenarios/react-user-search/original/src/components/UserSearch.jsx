import { useEffect, useState } from 'react';

export default function UserSearch({ onSelect }) {
  const [users, setUsers] = useState([]);
  const [query, setQuery] = useState('');
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    fetch('/api/users', { credentials: 'include' })
      .then((res) => res.json())
      .then((data) => {
        if (!cancelled) setUsers(data);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const visible = users.filter((user) =>
    (user.name || user.email).toLowerCase().includes(query.toLowerCase()),
  );

  return (
    <section className="user-search">
      <label htmlFor="user-search-input">Search people</label>
      <input
        id="user-search-input"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {failed && <p role="alert">Could not load people. Please try again.</p>}
      <ul className="user-search__results">
        {visible.map((user) => (
          <li key={user.id}>
            <button type="button" onClick={() => onSelect(user)}>
              {user.name || user.email}
            </button>
            <span className="user-search__title">{user.title}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
