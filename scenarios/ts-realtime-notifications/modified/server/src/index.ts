import { createServer } from 'node:http';
import cookieParser from 'cookie-parser';
import express from 'express';
import { config } from './config';
import { notificationsRouter } from './routes/notifications';
import { attachNotificationSocket } from './ws/notificationSocket';

const app = express();
app.use(express.json());
app.use(cookieParser());

app.use('/api/notifications', notificationsRouter);

app.get('/healthz', (_req, res) => {
  res.json({ ok: true });
});

const server = createServer(app);
attachNotificationSocket(server);

server.listen(config.port, () => {
  console.log(`tasks-api listening on ${config.port} (http + websocket)`);
});
