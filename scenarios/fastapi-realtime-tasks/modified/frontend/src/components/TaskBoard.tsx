import { useCallback, useEffect, useMemo, useState } from "react";

import { createTask, fetchTasks, updateTaskStatus } from "../api/tasks";
import { useTaskSocket } from "../hooks/useTaskSocket";
import type { Task, TaskEvent, TaskStatus } from "../types/task";
import { TaskCard } from "./TaskCard";

type Filter = TaskStatus | "all";

export function TaskBoard({ projectId }: { projectId: number }) {
  const [tasks, setTasks] = useState<Task[]>([]);
  const [filter, setFilter] = useState<Filter>("all");
  const [newTitle, setNewTitle] = useState("");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchTasks(projectId)
      .then(setTasks)
      .catch(() => setError("Could not load tasks"));
  }, [projectId]);

  const handleEvent = (event: TaskEvent) => {
    switch (event.type) {
      case "task_created":
        if (tasks.some((t) => t.id === event.task.id)) return;
        setTasks((current) => [...current, event.task]);
        break;
      case "task_updated":
        setTasks((current) => current.map((t) => (t.id === event.task.id ? event.task : t)));
        break;
      case "task_deleted":
        setTasks((current) => current.filter((t) => t.id !== event.task.id));
        break;
    }
  };

  useTaskSocket(projectId, handleEvent);

  const handleStatusChange = useCallback(
    async (taskId: number, status: TaskStatus) => {
      setTasks((current) => current.map((t) => (t.id === taskId ? { ...t, status } : t)));
      await updateTaskStatus(projectId, taskId, status);
    },
    [projectId],
  );

  const handleCreate = useCallback(async () => {
    if (!newTitle.trim()) return;
    const created = await createTask(projectId, newTitle.trim());
    setTasks((current) => [...current, created]);
    setNewTitle("");
  }, [projectId, newTitle]);

  const visible = useMemo(
    () => (filter === "all" ? tasks : tasks.filter((t) => t.status === filter)),
    [tasks, filter],
  );

  return (
    <section className="task-board">
      {error && <p role="alert">{error}</p>}
      <div className="task-board__toolbar">
        <input
          aria-label="New task title"
          value={newTitle}
          onChange={(event) => setNewTitle(event.target.value)}
        />
        <button onClick={handleCreate}>Add task</button>
        <select
          aria-label="Filter by status"
          value={filter}
          onChange={(event) => setFilter(event.target.value as Filter)}
        >
          <option value="all">All</option>
          <option value="todo">To do</option>
          <option value="in_progress">In progress</option>
          <option value="review">Review</option>
          <option value="done">Done</option>
        </select>
      </div>
      <ul className="task-board__list">
        {visible.map((task) => (
          <TaskCard
            key={task.id}
            task={task}
            onStatusChange={(status) => handleStatusChange(task.id, status)}
          />
        ))}
      </ul>
    </section>
  );
}
