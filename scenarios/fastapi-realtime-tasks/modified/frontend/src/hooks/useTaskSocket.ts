import { useEffect } from "react";

import { getToken } from "../api/client";
import type { TaskEvent } from "../types/task";

const WS_URL = "ws://localhost:8000";
const HEARTBEAT_MS = 30000;
const RECONNECT_DELAY_MS = 2000;

export function useTaskSocket(projectId: number, onEvent: (event: TaskEvent) => void) {
  useEffect(() => {
    let socket: WebSocket;
    let heartbeat: ReturnType<typeof setInterval>;

    const connect = () => {
      socket = new WebSocket(`${WS_URL}/ws/projects/${projectId}?token=${getToken()}`);

      socket.onopen = () => {
        heartbeat = setInterval(() => socket.send("ping"), HEARTBEAT_MS);
      };

      socket.onmessage = (message: MessageEvent<string>) => {
        const event = JSON.parse(message.data) as TaskEvent;
        onEvent(event);
      };

      socket.onclose = () => {
        clearInterval(heartbeat);
        setTimeout(connect, RECONNECT_DELAY_MS);
      };
    };

    connect();
    return () => socket.close();
  }, [projectId]);
}
