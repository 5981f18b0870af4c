from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Query, status
from sqlalchemy.orm import Session

from ..auth import CurrentUser, get_current_user, require_member
from ..database import get_db
from ..realtime.manager import manager
from ..schemas import TaskCreate, TaskEvent, TaskOut, TaskStatus, TaskUpdate
from ..services.task_service import TaskNotFound, TaskService

router = APIRouter(prefix="/projects/{project_id}/tasks", tags=["tasks"])


def task_event(kind: str, task: TaskOut) -> dict:
    return TaskEvent(type=kind, task=task.model_dump(mode="json")).model_dump()


@router.get("", response_model=list[TaskOut])
async def list_tasks(
    project_id: int,
    status_filter: TaskStatus | None = Query(None, alias="status"),
    search: str | None = Query(None, max_length=100),
    limit: int = Query(50, ge=1),
    offset: int = Query(0, ge=0),
    db: Session = Depends(get_db),
    user: CurrentUser = Depends(get_current_user),
):
    require_member(db, project_id, user)
    return await TaskService(db).list_tasks(project_id, status_filter, search, limit, offset)


@router.post("", response_model=TaskOut, status_code=status.HTTP_201_CREATED)
async def create_task(
    project_id: int,
    payload: TaskCreate,
    background_tasks: BackgroundTasks,
    db: Session = Depends(get_db),
    user: CurrentUser = Depends(get_current_user),
):
    require_member(db, project_id, user)
    task = await TaskService(db).create_task(project_id, payload)
    background_tasks.add_task(manager.broadcast, project_id, task_event("task_created", task))
    return task


@router.patch("/{task_id}", response_model=TaskOut)
async def update_task(
    project_id: int,
    task_id: int,
    payload: TaskUpdate,
    background_tasks: BackgroundTasks,
    db: Session = Depends(get_db),
    user: CurrentUser = Depends(get_current_user),
):
    require_member(db, project_id, user)
    try:
        task = await TaskService(db).update_task(project_id, task_id, payload)
    except TaskNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Task not found")
    except Exception as exc:
        raise HTTPException(status.HTTP_500_INTERNAL_SERVER_ERROR, detail=str(exc))
    background_tasks.add_task(manager.broadcast, project_id, task_event("task_updated", task))
    return task


@router.delete("/{task_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_task(
    project_id: int,
    task_id: int,
    background_tasks: BackgroundTasks,
    db: Session = Depends(get_db),
    user: CurrentUser = Depends(get_current_user),
):
    require_member(db, project_id, user)
    try:
        TaskService(db).delete_task(project_id, task_id)
    except TaskNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Task not found")
    background_tasks.add_task(
        manager.broadcast, project_id, {"type": "task_deleted", "task": {"id": task_id}}
    )
