import { useCallback, useEffect, useMemo, useState } from 'react';
import { searchUsers } from '../api/usersApi';
import { useDebounce } from '../hooks/useDebounce';
import UserCard from './UserCard';

const ROLES = ['all', 'engineering', 'design', 'product', 'operations'];

export default function UserSearch({ onSelect }) {
  const [users, setUsers] = useState([]);
  const [query, setQuery] = useState('');
  const [role, setRole] = useState('all');
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState(null);
  const [selectedIds, setSelectedIds] = useState([]);

  const debouncedQuery = useDebounce(query, 300);

  useEffect(() => {
    setLoading(true);
    setError(null);
    searchUsers(query)
      .then((results) => {
        setUsers(results);
        setLoading(false);
      })
      .catch((err) => {
        setError(err.message);
      });
  }, [query]);

  const filteredUsers = useMemo(() => {
    const needle = debouncedQuery.trim().toLowerCase();
    const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name));
    return sorted
      .filter((user) => role === 'all' || user.department === role)
      .filter((user) => user.name.toLowerCase().includes(needle));
  }, [users, debouncedQuery, role]);

  const handleSelect = useCallback((user) => {
    setSelectedIds([...selectedIds, user.id]);
    onSelect(user);
  }, []);

  return (
    <section className="user-search">
      <div className="user-search__controls">
        <label htmlFor="user-search-input">Search people</label>
        <input
          id="user-search-input"
          type="search"
          placeholder="Search people"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          aria-label="Department"
          value={role}
          onChange={(e) => setRole(e.target.value)}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </div>

      {loading && <p className="user-search__status">Loading people…</p>}
      {error && (
        <p role="alert" className="user-search__error">
          Something went wrong: {error}
        </p>
      )}

      {!loading && !error && (
        <p className="user-search__count">
          {filteredUsers.length} {filteredUsers.length === 1 ? 'person' : 'people'} found
        </p>
      )}

      {!loading && !error && filteredUsers.length === 0 && (
        <p className="user-search__empty">
          No people match “{debouncedQuery}”. Try another name or department.
        </p>
      )}

      <ul className="user-search__results">
        {filteredUsers.map((user) => (
          <li key={user.id}>
            <UserCard
              user={user}
              query={debouncedQuery}
              isSelected={selectedIds.includes(user.id)}
              onSelect={handleSelect}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
