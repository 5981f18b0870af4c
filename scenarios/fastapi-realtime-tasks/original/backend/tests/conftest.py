import os

os.environ.setdefault("JWT_SECRET", "test-secret")

import jwt
import pytest

from app.database import Base, SessionLocal, engine
from app.models import Project, ProjectMember, Task, User


@pytest.fixture(autouse=True)
def schema():
    Base.metadata.create_all(engine)
    yield
    Base.metadata.drop_all(engine)


@pytest.fixture
def db():
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()


def make_token(user: User) -> str:
    return jwt.encode({"sub": str(user.id), "email": user.email}, os.environ["JWT_SECRET"])


@pytest.fixture
def member(db):
    user = User(email="ana@example.com", name="Ana")
    db.add(user)
    db.commit()
    return user


@pytest.fixture
def project(db, member):
    project = Project(name="Launch")
    db.add(project)
    db.flush()
    db.add(ProjectMember(project_id=project.id, user_id=member.id))
    db.commit()
    return project


@pytest.fixture
def task(db, project):
    task = Task(project_id=project.id, title="Draft the launch email", position=1)
    db.add(task)
    db.commit()
    return task


@pytest.fixture
def auth_headers(member):
    return {"Authorization": f"Bearer {make_token(member)}"}


@pytest.fixture
def other_user_headers(db):
    outsider = User(email="olek@example.com", name="Olek")
    db.add(outsider)
    db.commit()
    return {"Authorization": f"Bearer {make_token(outsider)}"}
