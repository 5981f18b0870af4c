import { randomUUID } from 'crypto';
import { logger } from '../lib/logger';
import { CreateOrderInput } from '../models/order';
import { JobQueue, jobQueue } from '../queue/jobQueue';

export class OrderValidationError extends Error {}
export class OutOfStockError extends Error {}

export const PROCESS_ORDER_JOB = 'process-order';

export interface OrderJobData extends CreateOrderInput {
  orderId: string;
  totalCents: number;
}

export interface AcceptedOrder {
  orderId: string;
  status: 'processing';
  totalCents: number;
}

export class OrderService {
  constructor(private readonly queue: JobQueue = jobQueue) {}

  async processOrder(input: CreateOrderInput): Promise<AcceptedOrder> {
    this.validate(input);

    const orderId = randomUUID();
    const totalCents = input.items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0);
    const data: OrderJobData = { ...input, orderId, totalCents };

    this.queue.enqueue(PROCESS_ORDER_JOB, data);
    logger.info({ order: data }, 'order queued');

    return { orderId, status: 'processing', totalCents };
  }

  private validate(input: CreateOrderInput): void {
    if (!input.customerId) throw new OrderValidationError('customerId is required');
    if (!input.idempotencyKey) throw new OrderValidationError('idempotencyKey is required');
    if (!input.paymentMethodId) throw new OrderValidationError('paymentMethodId is required');
    if (!Array.isArray(input.items) || input.items.length === 0) {
      throw new OrderValidationError('an order needs at least one item');
    }
    for (const item of input.items) {
      if (!item.productId || !item.quantity) {
        throw new OrderValidationError('every item needs a productId and a quantity');
      }
    }
  }
}
