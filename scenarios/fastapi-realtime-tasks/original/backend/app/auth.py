import os
from dataclasses import dataclass

import jwt
from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from .database import get_db
from .models import ProjectMember

JWT_SECRET = os.environ["JWT_SECRET"]
bearer = HTTPBearer()


@dataclass
class CurrentUser:
    id: int
    email: str


def decode_token(token: str) -> CurrentUser:
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
    except jwt.PyJWTError:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid token")
    return CurrentUser(id=int(claims["sub"]), email=claims["email"])


def get_current_user(
    credentials: HTTPAuthorizationCredentials = Depends(bearer),
) -> CurrentUser:
    return decode_token(credentials.credentials)


def require_member(db: Session, project_id: int, user: CurrentUser) -> None:
    member = (
        db.query(ProjectMember)
        .filter(ProjectMember.project_id == project_id, ProjectMember.user_id == user.id)
        .first()
    )
    if member is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Project not found")
