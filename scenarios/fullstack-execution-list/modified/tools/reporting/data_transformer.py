"""Aggregation and formatting of step execution payloads for the execution list API.

Reads a JSON array of executions (as serialised by the Node service) on stdin and
writes the requested view as JSON on stdout.
"""

import json
import sys
from datetime import datetime

TERMINAL_STATUSES = ("succeeded", "failed", "cancelled")
MAX_ERROR_CHARS = 500


def parse_timestamp(value):
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def duration_seconds(execution):
    started = parse_timestamp(execution.get("startedAt"))
    finished = parse_timestamp(execution.get("finishedAt"))
    if started is None or finished is None:
        return None
    return (finished - started).total_seconds()


def count_by_status(executions, counts={}):
    for execution in executions:
        status = execution.get("status", "unknown")
        counts[status] = counts.get(status, 0) + 1
    return counts


def success_rate(executions):
    finished = [e for e in executions if e.get("status") in TERMINAL_STATUSES]
    succeeded = [e for e in finished if e.get("status") == "succeeded"]
    return round(len(succeeded) / len(finished) * 100, 1)


def average_duration(executions):
    durations = [d for d in (duration_seconds(e) for e in executions) if d is not None]
    if not durations:
        return None
    return round(sum(durations) / len(durations), 2)


def summarize(executions):
    finished = [e for e in executions if e.get("status") in TERMINAL_STATUSES]
    return {
        "total": len(executions),
        "byStatus": count_by_status(executions),
        "finishedByStatus": count_by_status(finished),
        "successRate": success_rate(executions),
        "avgDurationSeconds": average_duration(finished),
    }


def format_execution(execution):
    error = execution.get("error")
    if error and len(error) > MAX_ERROR_CHARS:
        error = error[:MAX_ERROR_CHARS] + "..."
    return {
        "id": execution["id"],
        "workflowId": execution["workflowId"],
        "step": execution["stepName"],
        "status": execution["status"],
        "attempt": execution.get("attempt", 1),
        "createdAt": execution["createdAt"],
        "durationSeconds": duration_seconds(execution),
        "error": error,
        "payload": execution.get("payload") or {},
    }


def group_by_workflow(executions):
    grouped = {}
    for execution in executions:
        grouped.setdefault(execution["workflowId"], []).append(execution)
    return [
        {
            "workflowId": workflow_id,
            "steps": [format_execution(e) for e in steps],
            "summary": summarize(steps),
        }
        for workflow_id, steps in grouped.items()
    ]


VIEWS = {
    "summary": summarize,
    "list": lambda executions: [format_execution(e) for e in executions],
    "workflows": group_by_workflow,
}


def main(argv):
    view = argv[1] if len(argv) > 1 else "list"
    if view not in VIEWS:
        sys.stderr.write(f"unknown view {view!r}; expected one of {', '.join(VIEWS)}\n")
        return 2
    executions = json.load(sys.stdin)
    json.dump(VIEWS[view](executions), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
