import express from 'express';
import { authenticate } from './lib/auth';
import { logger } from './lib/logger';
import { ordersRouter } from './routes/orders';

const app = express();
app.use(express.json());
app.use(authenticate);
app.use('/api', ordersRouter);

app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  logger.error({ err }, 'unhandled error');
  res.status(500).json({ error: 'internal error' });
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => logger.info({ port }, 'order api listening'));
