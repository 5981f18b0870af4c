from fastapi import APIRouter, Depends, HTTPException, Query, status
from sqlalchemy.orm import Session

from ..auth import CurrentUser, get_current_user, require_member
from ..database import get_db
from ..schemas import TaskCreate, TaskOut, TaskStatus, TaskUpdate
from ..services.task_service import TaskNotFound, TaskService

router = APIRouter(prefix="/projects/{project_id}/tasks", tags=["tasks"])


@router.get("", response_model=list[TaskOut])
def list_tasks(
    project_id: int,
    status_filter: TaskStatus | None = Query(None, alias="status"),
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0),
    db: Session = Depends(get_db),
    user: CurrentUser = Depends(get_current_user),
):
    require_member(db, project_id, user)
    return TaskService(db).list_tasks(project_id, status_filter, limit, offset)


@router.post("", response_model=TaskOut, status_code=status.HTTP_201_CREATED)
def create_task(
    project_id: int,
    payload: TaskCreate,
    db: Session = Depends(get_db),
    user: CurrentUser = Depends(get_current_user),
):
    require_member(db, project_id, user)
    return TaskService(db).create_task(project_id, payload)


@router.patch("/{task_id}", response_model=TaskOut)
def update_task(
    project_id: int,
    task_id: int,
    payload: TaskUpdate,
    db: Session = Depends(get_db),
    user: CurrentUser = Depends(get_current_user),
):
    require_member(db, project_id, user)
    try:
        return TaskService(db).update_task(project_id, task_id, payload)
    except TaskNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Task not found")


@router.delete("/{task_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_task(
    project_id: int,
    task_id: int,
    db: Session = Depends(get_db),
    user: CurrentUser = Depends(get_current_user),
):
    require_member(db, project_id, user)
    try:
        TaskService(db).delete_task(project_id, task_id)
    except TaskNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Task not found")
