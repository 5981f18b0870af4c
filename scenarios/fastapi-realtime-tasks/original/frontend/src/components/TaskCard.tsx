type Props = {
  task: any;
  onStatusChange: (taskId: number, status: string) => void;
};

const STATUSES = ["todo", "in_progress", "review", "done"];

export function TaskCard({ task, onStatusChange }: Props) {
  return (
    <li className="task-card">
      <span className="task-card__title">{task.title}</span>
      <label>
        Status
        <select
          value={task.status}
          onChange={(event) => onStatusChange(task.id, event.target.value)}
        >
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {status.replace("_", " ")}
            </option>
          ))}
        </select>
      </label>
    </li>
  );
}
