import { db } from '../db';
import { logger } from '../lib/logger';
import { Job, JobQueue, jobQueue } from '../queue/jobQueue';
import { NotificationService } from '../services/notificationService';
import { OrderJobData, OutOfStockError, PROCESS_ORDER_JOB } from '../services/orderService';
import { PaymentGateway } from '../services/paymentGateway';

export class OrderProcessor {
  constructor(
    private readonly queue: JobQueue = jobQueue,
    private readonly payments = new PaymentGateway(),
    private readonly notifications = new NotificationService(),
  ) {}

  start(): void {
    this.queue.process<OrderJobData>(
      PROCESS_ORDER_JOB,
      (job) => this.handle(job),
      (job, err) => this.onFailed(job, err),
    );
  }

  async handle(job: Job<OrderJobData>): Promise<void> {
    const order = job.data;
    logger.info({ orderId: order.orderId, attempt: job.attempts }, 'processing order');

    await db.query(
      `INSERT INTO orders (id, customer_id, status, total_cents)
       VALUES ($1, $2, 'processing', $3)
       ON CONFLICT (id) DO NOTHING`,
      [order.orderId, order.customerId, order.totalCents],
    );

    for (const item of order.items) {
      const { rows } = await db.query('SELECT stock FROM products WHERE id = $1', [item.productId]);
      if (!rows[0] || rows[0].stock < item.quantity) {
        throw new OutOfStockError(`not enough stock for ${item.productId}`);
      }
      await db.query('UPDATE products SET stock = $2 WHERE id = $1', [
        item.productId,
        rows[0].stock - item.quantity,
      ]);
      await db.query(
        'INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) VALUES ($1, $2, $3, $4)',
        [order.orderId, item.productId, item.quantity, item.unitPriceCents],
      );
    }

    const capture = await this.payments.capture({
      amountCents: order.totalCents,
      paymentMethodId: order.paymentMethodId,
      reference: order.orderId,
    });
    await db.query(`UPDATE orders SET status = 'paid', payment_id = $2 WHERE id = $1`, [
      order.orderId,
      capture.id,
    ]);

    await this.notifications.sendOrderConfirmation({
      orderId: order.orderId,
      customerId: order.customerId,
      totalCents: order.totalCents,
    });
    logger.info({ orderId: order.orderId }, 'order completed');
  }

  async onFailed(job: Job<OrderJobData>, err: Error): Promise<void> {
    const order = job.data;
    logger.error({ err, orderId: order.orderId, attempts: job.attempts }, 'order failed, giving up');
    db.query(`UPDATE orders SET status = 'failed' WHERE id = $1`, [order.orderId]);
    await this.notifications.sendOrderFailed({
      orderId: order.orderId,
      customerId: order.customerId,
      totalCents: order.totalCents,
    });
  }
}
