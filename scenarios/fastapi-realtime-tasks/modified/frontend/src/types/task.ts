export type TaskStatus = "todo" | "in_progress" | "review" | "done";

export const TASK_STATUSES: TaskStatus[] = ["todo", "in_progress", "review", "done"];

export interface Task {
  id: number;
  projectId: number;
  title: string;
  description: string | null;
  status: TaskStatus;
  position: number;
  assigneeId: number | null;
  assigneeName: string | null;
  commentCount: number;
  updatedAt: string;
}

export interface TaskRow {
  id: number;
  project_id: number;
  title: string;
  description: string | null;
  status: TaskStatus;
  position: number;
  assignee_id: number | null;
  assignee_name: string | null;
  comment_count: number;
  updated_at: string;
}

export type TaskEvent =
  | { type: "task_created"; task: Task }
  | { type: "task_updated"; task: Task }
  | { type: "task_deleted"; task: Pick<Task, "id"> };
