import logging

from fastapi import APIRouter, Query, WebSocket, WebSocketDisconnect

from ..auth import decode_token
from ..realtime.manager import manager

router = APIRouter()
logger = logging.getLogger(__name__)


@router.websocket("/ws/projects/{project_id}")
async def project_updates(websocket: WebSocket, project_id: int, token: str = Query(...)):
    user = decode_token(token)
    await manager.connect(project_id, websocket)
    logger.info("user %s subscribed to project %s", user.id, project_id)
    try:
        while True:
            message = await websocket.receive_text()
            if message == "ping":
                await websocket.send_text("pong")
    except WebSocketDisconnect:
        manager.disconnect(project_id, websocket)
