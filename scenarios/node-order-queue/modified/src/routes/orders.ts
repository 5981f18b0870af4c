import { Router } from 'express';
import { db } from '../db';
import { mapOrder } from '../models/order';
import { OrderService, OrderValidationError } from '../services/orderService';

const orderService = new OrderService();

export const ordersRouter = Router();

ordersRouter.post('/orders', async (req, res, next) => {
  try {
    const accepted = await orderService.processOrder({
      ...req.body,
      customerId: res.locals.customerId,
      idempotencyKey: req.header('idempotency-key') ?? req.body.idempotencyKey,
    });
    res.status(202).json(accepted);
  } catch (err) {
    if (err instanceof OrderValidationError) {
      res.status(400).json({ error: err.message });
      return;
    }
    next(err);
  }
});

ordersRouter.get('/orders/:id', async (req, res, next) => {
  try {
    const { rows } = await db.query('SELECT * FROM orders WHERE id = $1 AND customer_id = $2', [
      req.params.id,
      res.locals.customerId,
    ]);
    if (!rows[0]) {
      res.status(404).json({ error: 'order not found' });
      return;
    }
    res.json(mapOrder(rows[0]));
  } catch (err) {
    next(err);
  }
});
