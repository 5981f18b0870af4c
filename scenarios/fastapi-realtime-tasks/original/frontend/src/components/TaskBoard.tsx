import { useEffect, useState } from "react";

import { createTask, fetchTasks, updateTaskStatus } from "../api/tasks";
import { TaskCard } from "./TaskCard";

const POLL_INTERVAL_MS = 15000;

export function TaskBoard({ projectId }: { projectId: number }) {
  const [tasks, setTasks] = useState<any[]>([]);
  const [filter, setFilter] = useState("all");
  const [newTitle, setNewTitle] = useState("");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      fetchTasks(projectId)
        .then((rows) => !cancelled && setTasks(rows))
        .catch(() => !cancelled && setError("Could not load tasks"));
    load();
    const timer = setInterval(load, POLL_INTERVAL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [projectId]);

  const handleStatusChange = async (taskId: number, status: string) => {
    const updated = await updateTaskStatus(projectId, taskId, status);
    setTasks((current) => current.map((t) => (t.id === updated.id ? updated : t)));
  };

  const handleCreate = async () => {
    if (!newTitle.trim()) return;
    const created = await createTask(projectId, newTitle.trim());
    setTasks((current) => [...current, created]);
    setNewTitle("");
  };

  const visible = filter === "all" ? tasks : tasks.filter((t) => t.status === filter);

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
        <select aria-label="Filter by status" value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="all">All</option>
          <option value="todo">To do</option>
          <option value="in_progress">In progress</option>
          <option value="review">Review</option>
          <option value="done">Done</option>
        </select>
      </div>
      <ul className="task-board__list">
        {visible.map((task) => (
          <TaskCard key={task.id} task={task} onStatusChange={handleStatusChange} />
        ))}
      </ul>
    </section>
  );
}
