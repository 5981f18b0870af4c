from sqlalchemy import func
from sqlalchemy.orm import Session

from ..models import Task
from ..schemas import TaskCreate, TaskUpdate


class TaskNotFound(Exception):
    pass


class TaskService:
    def __init__(self, db: Session):
        self.db = db

    def list_tasks(self, project_id: int, status: str | None = None, limit: int = 50, offset: int = 0):
        query = self.db.query(Task).filter(Task.project_id == project_id)
        if status:
            query = query.filter(Task.status == status)
        return query.order_by(Task.position).offset(offset).limit(limit).all()

    def get_task(self, project_id: int, task_id: int) -> Task:
        task = (
            self.db.query(Task)
            .filter(Task.project_id == project_id, Task.id == task_id)
            .first()
        )
        if task is None:
            raise TaskNotFound(task_id)
        return task

    def create_task(self, project_id: int, data: TaskCreate) -> Task:
        last = (
            self.db.query(func.max(Task.position))
            .filter(Task.project_id == project_id, Task.status == data.status)
            .scalar()
        )
        task = Task(project_id=project_id, position=(last or 0) + 1, **data.model_dump())
        self.db.add(task)
        self.db.commit()
        self.db.refresh(task)
        return task

    def update_task(self, project_id: int, task_id: int, data: TaskUpdate) -> Task:
        task = self.get_task(project_id, task_id)
        for field, value in data.model_dump(exclude_unset=True).items():
            setattr(task, field, value)
        self.db.commit()
        self.db.refresh(task)
        return task

    def delete_task(self, project_id: int, task_id: int) -> None:
        task = self.get_task(project_id, task_id)
        self.db.delete(task)
        self.db.commit()
