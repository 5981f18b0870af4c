import { db } from '../../db';
import { JobQueue } from '../../queue/jobQueue';
import { OrderProcessor } from '../../workers/orderProcessor';
import { NotificationService } from '../notificationService';
import { PaymentGateway } from '../paymentGateway';
import { OrderService, OrderValidationError, PROCESS_ORDER_JOB } from '../orderService';

jest.mock('../../db');

const payments = { capture: jest.fn() } as unknown as jest.Mocked<PaymentGateway>;
const notifications = {
  sendOrderConfirmation: jest.fn(),
  sendOrderFailed: jest.fn(),
} as unknown as jest.Mocked<NotificationService>;

const input = {
  customerId: 'c1',
  idempotencyKey: 'k1',
  paymentMethodId: 'pm_1',
  items: [{ productId: 'p1', quantity: 2, unitPriceCents: 1 }],
};

let queue: JobQueue;

beforeEach(() => {
  jest.clearAllMocks();
  queue = new JobQueue();
  (db.query as jest.Mock).mockImplementation(async (sql: string) => {
    if (sql.startsWith('SELECT stock')) return { rows: [{ stock: 5 }] };
    return { rows: [] };
  });
  payments.capture.mockResolvedValue({ id: 'cap_1', status: 'captured' });
});

afterEach(() => queue.stop());

describe('OrderService.processOrder', () => {
  it('enqueues a job and returns immediately', async () => {
    const result = await new OrderService(queue).processOrder(input);

    expect(result.status).toBe('processing');
    expect(queue.size()).toBeGreaterThan(0);
  });

  it('responds in under 100ms', async () => {
    const started = Date.now();
    await new OrderService(queue).processOrder(input);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('rejects orders without items', async () => {
    await expect(new OrderService(queue).processOrder({ ...input, items: [] })).rejects.toBeInstanceOf(
      OrderValidationError,
    );
  });
});

describe('OrderProcessor (integration)', () => {
  it('processes a queued order end to end', async () => {
    new OrderProcessor(queue, payments, notifications).start();
    queue.start();

    await new OrderService(queue).processOrder(input);
    await new Promise((resolve) => setTimeout(resolve, 2000));

    expect(payments.capture).toHaveBeenCalled();
    expect(notifications.sendOrderConfirmation).toHaveBeenCalled();
  });

  it('retries when the payment capture fails', async () => {
    payments.capture.mockRejectedValueOnce(new Error('gateway timeout'));
    const processor = new OrderProcessor(queue, payments, notifications);
    const job = queue.enqueue(PROCESS_ORDER_JOB, { ...input, orderId: 'o1', totalCents: 3000 });

    expect(processor.handle(job)).rejects.toThrow('gateway timeout');
  });
});
