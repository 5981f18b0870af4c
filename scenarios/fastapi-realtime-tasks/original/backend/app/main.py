from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .routers import tasks

app = FastAPI(title="Taskboard API")

app.add_middleware(
    CORSMiddleware,
    allow_origins=["http://localhost:5173"],
    allow_methods=["*"],
    allow_headers=["*"],
)

app.include_router(tasks.router, prefix="/api")


@app.get("/healthz")
def healthz():
    return {"ok": True}
