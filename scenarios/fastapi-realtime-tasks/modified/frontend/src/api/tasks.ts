import type { Task, TaskRow, TaskStatus } from "../types/task";
import { apiFetch } from "./client";

export function fromApi(raw: TaskRow): Task {
  return {
    id: raw.id,
    projectId: raw.project_id,
    title: raw.title,
    description: raw.description,
    status: raw.status,
    position: raw.position,
    assigneeId: raw.assignee_id,
    assigneeName: raw.assignee_name,
    commentCount: raw.comment_count,
    updatedAt: raw.updated_at,
  };
}

export async function fetchTasks(projectId: number): Promise<Task[]> {
  const rows = await apiFetch<TaskRow[]>(`/api/projects/${projectId}/tasks?limit=500`);
  return rows.map(fromApi);
}

export async function createTask(projectId: number, title: string): Promise<Task> {
  const row = await apiFetch<TaskRow>(`/api/projects/${projectId}/tasks`, {
    method: "POST",
    body: JSON.stringify({ title }),
  });
  return fromApi(row);
}

export async function updateTaskStatus(
  projectId: number,
  taskId: number,
  status: TaskStatus,
): Promise<Task> {
  const row = await apiFetch<TaskRow>(`/api/projects/${projectId}/tasks/${taskId}`, {
    method: "PATCH",
    body: JSON.stringify({ status }),
  });
  return fromApi(row);
}
