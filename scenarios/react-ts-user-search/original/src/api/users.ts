import { getJson } from '../lib/http';
import type { User } from '../types/user';

export async function listUsers(orgId: string): Promise<User[]> {
  const body = await getJson(`/api/orgs/${encodeURIComponent(orgId)}/users`);
  if (!Array.isArray(body)) {
    throw new Error('Unexpected response from the users endpoint');
  }
  return body as User[];
}
