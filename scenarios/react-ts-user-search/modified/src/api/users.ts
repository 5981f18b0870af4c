import { getJson, patchJson } from '../lib/http';
import type { User, UserPage, UserRole, UserSearchFilters } from '../types/user';

const PAGE_SIZE = 25;

export async function listUsers(orgId: string): Promise<User[]> {
  const body = await getJson<unknown>(`/api/orgs/${encodeURIComponent(orgId)}/users`);
  if (!Array.isArray(body)) {
    throw new Error('Unexpected response from the users endpoint');
  }
  return body as User[];
}

function isUser(value: unknown): value is User {
  return typeof value === 'object' && value !== null && 'id' in value;
}

export async function searchUsers(
  orgId: string,
  filters: UserSearchFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<UserPage> {
  const params = new URLSearchParams({ q: filters.query, limit: String(PAGE_SIZE) });
  if (filters.role !== 'all') {
    params.set('role', filters.role);
  }
  if (cursor) {
    params.set('cursor', cursor);
  }
  const page = await getJson<UserPage>(
    `/api/orgs/${encodeURIComponent(orgId)}/users/search?${params}`,
    signal,
  );
  return { ...page, items: page.items.filter(isUser) };
}

export async function updateUserRole(orgId: string, userId: string, role: UserRole): Promise<any> {
  return patchJson(
    `/api/orgs/${encodeURIComponent(orgId)}/users/${encodeURIComponent(userId)}`,
    { role },
  );
}
