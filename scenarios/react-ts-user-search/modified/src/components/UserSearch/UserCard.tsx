import { useState } from 'react';
import { Copy } from 'lucide-react';
import type { User, UserRole } from '../../types/user';
import { Avatar } from '../Avatar';

export interface UserCardProps {
  user: User;
  canManage: boolean;
  onRoleChange: (user: User, role: UserRole) => void;
}

const ROLE_OPTIONS: string[] = ['owner', 'admin', 'member', 'guest'];

function roleLabel(role: UserRole): string {
  switch (role) {
    case 'owner':
      return 'Owner';
    case 'admin':
      return 'Admin';
    case 'guest':
      return 'Guest';
    default:
      return 'Member';
  }
}

export function UserCard({ user, canManage, onRoleChange }: UserCardProps) {
  const [role, setRole] = useState<UserRole>(user.role);
  const lastActive = user.lastActiveAt.toLocaleDateString();

  return (
    <article className="user-card" aria-label={user.name}>
      <Avatar name={user.name} src={user.avatarUrl} />
      <div className="user-card__body">
        <h3 className="user-card__name">{user.name}</h3>
        <span className="user-card__email">{user.email}</span>
        {user.title && <span className="user-card__title">{user.title}</span>}
        <span className="user-card__manager">Reports to {user.manager!.name}</span>
        <span className="user-card__meta">
          {roleLabel(role)} · Last active {lastActive}
        </span>
        {user.status === 'suspended' && <span className="badge badge--warning">Suspended</span>}
        {user.website && (
          <a className="user-card__website" href={user.website}>
            Website
          </a>
        )}
      </div>
      <div className="user-card__actions">
        <button
          type="button"
          className="icon-button"
          onClick={() => navigator.clipboard.writeText(user.email)}
        >
          <Copy size={16} />
        </button>
        {canManage && (
          <select
            aria-label={`Role for ${user.name}`}
            value={role}
            onChange={(e) => {
              const next = e.target.value as UserRole;
              setRole(next);
              onRoleChange(user, next);
            }}
          >
            {ROLE_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        )}
      </div>
    </article>
  );
}
