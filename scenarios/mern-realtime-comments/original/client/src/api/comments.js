import { apiFetch } from './client';

export function fetchComments(taskId) {
  return apiFetch(`/api/tasks/${taskId}/comments`);
}

export function postComment(taskId, body) {
  return apiFetch(`/api/tasks/${taskId}/comments`, {
    method: 'POST',
    body: JSON.stringify({ body }),
  });
}
