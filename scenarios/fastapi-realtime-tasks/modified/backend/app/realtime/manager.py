import json
import logging
from collections import defaultdict

from fastapi import WebSocket

logger = logging.getLogger(__name__)


class ConnectionManager:
    """Keeps the open WebSocket connections per project and pushes task events to them."""

    def __init__(self) -> None:
        self.active_connections: dict[int, list[WebSocket]] = defaultdict(list)

    async def connect(self, project_id: int, websocket: WebSocket) -> None:
        await websocket.accept()
        self.active_connections[project_id].append(websocket)
        logger.info(
            "websocket connected project=%s total=%s",
            project_id,
            len(self.active_connections[project_id]),
        )

    def disconnect(self, project_id: int, websocket: WebSocket) -> None:
        self.active_connections[project_id].remove(websocket)

    async def broadcast(self, project_id: int, message: dict) -> None:
        payload = json.dumps(message)
        for connection in self.active_connections[project_id]:
            try:
                await connection.send_text(payload)
            except:
                pass


manager = ConnectionManager()
