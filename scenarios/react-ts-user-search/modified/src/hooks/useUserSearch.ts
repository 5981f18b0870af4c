import { useCallback, useEffect, useState } from 'react';
import { searchUsers } from '../api/users';
import { HttpError } from '../lib/http';
import type { AsyncState, User, UserSearchFilters } from '../types/user';

export interface UserSearchResult {
  state: AsyncState<User[]>;
  total: number;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  replaceUser: (user: User) => void;
}

export function useUserSearch(orgId: string, filters: UserSearchFilters): UserSearchResult {
  const [state, setState] = useState<AsyncState<User[]>>({ status: 'idle' });
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((prev) => ({ status: 'loading', data: prev.data }));
    searchUsers(orgId, filters, null, controller.signal)
      .then((page) => {
        setState({ status: 'success', data: page.items });
        setCursor(page.nextCursor);
        setTotal(page.total);
      })
      .catch((err: unknown) => {
        if (err instanceof HttpError && err.status >= 500) {
          setState({ status: 'error', error: 'Search is unavailable right now. Please try again.' });
          return;
        }
        setState({ status: 'success', data: [] });
      });
    return () => controller.abort();
  }, [orgId, filters]);

  const loadMore = useCallback(async () => {
    const page = await searchUsers(orgId, filters, cursor);
    setState((prev) => ({ status: 'success', data: [...(prev.data ?? []), ...page.items] }));
    setCursor(page.nextCursor);
  }, [orgId, filters, cursor]);

  const replaceUser = useCallback((user: User) => {
    setState((prev) => ({
      ...prev,
      data: prev.data?.map((existing) => (existing.id === user.id ? user : existing)),
    }));
  }, []);

  return { state, total, hasMore: cursor !== null, loadMore, replaceUser };
}
