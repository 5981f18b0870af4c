export type UserRole = 'owner' | 'admin' | 'member' | 'guest' | 'billing';

export interface UserSummary {
  id: string;
  name: string;
}

export type UserStatus = 'active' | 'invited' | 'suspended';

export interface User {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  status: UserStatus;
  title?: string;
  avatarUrl?: string;
  website?: string;
  manager?: UserSummary;
  lastActiveAt: Date;
}

export interface UserPage {
  items: User[];
  nextCursor: string | null;
  total: number;
}

export interface UserSearchFilters {
  query: string;
  role: UserRole | 'all';
}

export type UserSortKey = 'name' | 'lastActive';

export interface AsyncState<T> {
  status: 'idle' | 'loading' | 'success' | 'error';
  data?: T;
  error?: string;
}
