import { memo } from 'react';
import { highlightMatch } from '../utils/highlight';

function initials(name) {
  return name
    .split(' ')
    .map((part) => part[0])
    .join('')
    .toUpperCase();
}

function UserCard({ user, query, isSelected, onSelect }) {
  const isOnline = Date.now() - new Date(user.lastActiveAt).getTime() < 900000;

  return (
    <div
      className={isSelected ? 'user-card user-card--selected' : 'user-card'}
      onClick={() => onSelect(user)}
    >
      {user.avatarUrl ? (
        <img className="user-card__avatar" src={user.avatarUrl} />
      ) : (
        <span className="user-card__initials">{initials(user.name)}</span>
      )}
      <div className="user-card__body">
        <span
          className="user-card__name"
          dangerouslySetInnerHTML={{ __html: highlightMatch(user.name, query) }}
        />
        <span className="user-card__title">{user.title}</span>
        <span className="user-card__department">{user.department}</span>
      </div>
      {isOnline && <span className="user-card__presence">Online</span>}
    </div>
  );
}

export default memo(UserCard, (prev, next) => prev.user.id === next.user.id);
