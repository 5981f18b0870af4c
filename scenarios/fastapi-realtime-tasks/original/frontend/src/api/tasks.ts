import { apiFetch } from "./client";

function fromApi(raw: any) {
  return {
    id: raw.id,
    projectId: raw.project_id,
    title: raw.title,
    description: raw.description,
    status: raw.status,
    position: raw.position,
    assigneeId: raw.assignee_id,
    updatedAt: raw.updated_at,
  };
}

export async function fetchTasks(projectId: number) {
  const rows = await apiFetch<any[]>(`/api/projects/${projectId}/tasks?limit=200`);
  return rows.map(fromApi);
}

export async function createTask(projectId: number, title: string) {
  const row = await apiFetch<any>(`/api/projects/${projectId}/tasks`, {
    method: "POST",
    body: JSON.stringify({ title }),
  });
  return fromApi(row);
}

export async function updateTaskStatus(projectId: number, taskId: number, status: string) {
  const row = await apiFetch<any>(`/api/projects/${projectId}/tasks/${taskId}`, {
    method: "PATCH",
    body: JSON.stringify({ status }),
  });
  return fromApi(row);
}
