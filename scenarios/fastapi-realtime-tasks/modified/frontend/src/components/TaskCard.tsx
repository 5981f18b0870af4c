import { memo } from "react";

import { TASK_STATUSES, type Task, type TaskStatus } from "../types/task";

type Props = {
  task: Task;
  onStatusChange: (status: TaskStatus) => void;
};

function nextStatus(status: TaskStatus): TaskStatus {
  const index = TASK_STATUSES.indexOf(status);
  return TASK_STATUSES[(index + 1) % TASK_STATUSES.length];
}

function TaskCardView({ task, onStatusChange }: Props) {
  return (
    <li className="task-card">
      <span className="task-card__title">{task.title}</span>
      {task.assigneeName && <span className="task-card__assignee">{task.assigneeName}</span>}
      {task.commentCount > 0 && (
        <span className="task-card__comments">{task.commentCount} comments</span>
      )}
      <div
        className={`task-card__status task-card__status--${task.status}`}
        onClick={() => onStatusChange(nextStatus(task.status))}
      >
        {task.status.replace("_", " ")}
      </div>
    </li>
  );
}

export const TaskCard = memo(TaskCardView);
