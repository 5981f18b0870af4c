from sqlalchemy import func
from sqlalchemy.orm import Session

from ..models import Task
from ..schemas import TaskCreate, TaskOut, TaskUpdate


class TaskNotFound(Exception):
    pass


def to_out(task: Task) -> TaskOut:
    return TaskOut(
        id=task.id,
        project_id=task.project_id,
        title=task.title,
        description=task.description,
        status=task.status,
        position=task.position,
        assignee_id=task.assignee_id,
        assignee_name=task.assignee.name if task.assignee else None,
        comment_count=len(task.comments),
        updated_at=task.updated_at,
    )


class TaskService:
    def __init__(self, db: Session):
        self.db = db

    async def list_tasks(
        self,
        project_id: int,
        status: str | None = None,
        search: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[TaskOut]:
        query = self.db.query(Task).filter(Task.project_id == project_id)
        if status:
            query = query.filter(Task.status == status)
        if search:
            query = query.filter(Task.title.ilike(f"%{search}%"))
        tasks = query.order_by(Task.position).offset(offset).limit(limit).all()
        return [to_out(task) for task in tasks]

    async def get_task(self, project_id: int, task_id: int) -> Task:
        task = (
            self.db.query(Task)
            .filter(Task.project_id == project_id, Task.id == task_id)
            .first()
        )
        if task is None:
            raise TaskNotFound(task_id)
        return task

    async def create_task(self, project_id: int, data: TaskCreate) -> TaskOut:
        last = (
            self.db.query(func.max(Task.position))
            .filter(Task.project_id == project_id, Task.status == data.status)
            .scalar()
        )
        task = Task(project_id=project_id, position=(last or 0) + 1, **data.model_dump())
        self.db.add(task)
        self.db.commit()
        self.db.refresh(task)
        return to_out(task)

    async def update_task(self, project_id: int, task_id: int, data: TaskUpdate) -> TaskOut:
        task = await self.get_task(project_id, task_id)
        for field, value in data.model_dump(exclude_unset=True).items():
            setattr(task, field, value)
        self.db.commit()
        self.db.refresh(task)
        return to_out(task)

    async def delete_task(self, project_id: int, task_id: int) -> None:
        task = await self.get_task(project_id, task_id)
        self.db.delete(task)
        self.db.commit()
