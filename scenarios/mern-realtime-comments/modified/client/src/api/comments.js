import { apiFetch } from './client';

export function fetchComments(taskId, { cursor, search, limit } = {}) {
  const params = new URLSearchParams();
  if (cursor) params.set('cursor', cursor);
  if (search) params.set('search', search);
  if (limit) params.set('limit', String(limit));
  const query = params.toString();
  return apiFetch(`/api/tasks/${taskId}/comments${query ? `?${query}` : ''}`);
}

export function postComment(taskId, body) {
  return apiFetch(`/api/tasks/${taskId}/comments`, {
    method: 'POST',
    body: JSON.stringify({ body }),
  });
}
