import { PoolClient } from 'pg';
import { withTransaction } from '../db';
import { logger } from '../lib/logger';
import { CreateOrderInput, Order, OrderItemInput, mapOrder } from '../models/order';
import { NotificationService } from './notificationService';
import { PaymentGateway } from './paymentGateway';

export class OrderValidationError extends Error {}
export class OutOfStockError extends Error {}

interface PricedItem {
  productId: string;
  quantity: number;
  unitPriceCents: number;
}

export class OrderService {
  constructor(
    private readonly payments = new PaymentGateway(),
    private readonly notifications = new NotificationService(),
  ) {}

  async processOrder(input: CreateOrderInput): Promise<Order> {
    this.validate(input);

    const order = await withTransaction(async (client) => {
      const existing = await client.query('SELECT * FROM orders WHERE idempotency_key = $1', [
        input.idempotencyKey,
      ]);
      if (existing.rows[0]) {
        return mapOrder(existing.rows[0]);
      }

      const items = await this.priceAndReserve(client, input.items);
      const totalCents = items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0);

      const inserted = await client.query(
        `INSERT INTO orders (customer_id, idempotency_key, status, total_cents)
         VALUES ($1, $2, 'pending_payment', $3)
         RETURNING *`,
        [input.customerId, input.idempotencyKey, totalCents],
      );
      const orderId: string = inserted.rows[0].id;
      for (const item of items) {
        await client.query(
          'INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) VALUES ($1, $2, $3, $4)',
          [orderId, item.productId, item.quantity, item.unitPriceCents],
        );
      }

      const capture = await this.payments.capture({
        amountCents: totalCents,
        paymentMethodId: input.paymentMethodId,
        reference: orderId,
        idempotencyKey: input.idempotencyKey,
      });
      const paid = await client.query(
        `UPDATE orders SET status = 'paid', payment_id = $2 WHERE id = $1 RETURNING *`,
        [orderId, capture.id],
      );
      return mapOrder(paid.rows[0]);
    });

    try {
      await this.notifications.sendOrderConfirmation({
        orderId: order.id,
        customerId: order.customerId,
        totalCents: order.totalCents,
      });
    } catch (err) {
      logger.warn({ err, orderId: order.id }, 'order confirmation email failed');
    }
    return order;
  }

  private async priceAndReserve(client: PoolClient, items: OrderItemInput[]): Promise<PricedItem[]> {
    const ids = items.map((item) => item.productId);
    const { rows } = await client.query(
      'SELECT id, price_cents, stock FROM products WHERE id = ANY($1) FOR UPDATE',
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return Promise.all(
      items.map(async (item) => {
        const product = byId.get(item.productId);
        if (!product) {
          throw new OrderValidationError(`unknown product ${item.productId}`);
        }
        if (product.stock < item.quantity) {
          throw new OutOfStockError(`not enough stock for ${item.productId}`);
        }
        await client.query('UPDATE products SET stock = stock - $2 WHERE id = $1', [
          item.productId,
          item.quantity,
        ]);
        return { productId: item.productId, quantity: item.quantity, unitPriceCents: product.price_cents };
      }),
    );
  }

  private validate(input: CreateOrderInput): void {
    if (!input.customerId) throw new OrderValidationError('customerId is required');
    if (!input.idempotencyKey) throw new OrderValidationError('idempotencyKey is required');
    if (!input.paymentMethodId) throw new OrderValidationError('paymentMethodId is required');
    if (!Array.isArray(input.items) || input.items.length === 0) {
      throw new OrderValidationError('an order needs at least one item');
    }
    for (const item of input.items) {
      if (!Number.isInteger(item.quantity) || item.quantity <= 0) {
        throw new OrderValidationError(`invalid quantity for ${item.productId}`);
      }
    }
  }
}
