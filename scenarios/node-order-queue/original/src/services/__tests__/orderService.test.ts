import { withTransaction } from '../../db';
import { NotificationService } from '../notificationService';
import { PaymentGateway } from '../paymentGateway';
import { OrderService, OrderValidationError, OutOfStockError } from '../orderService';

jest.mock('../../db');

const client = { query: jest.fn() };
(withTransaction as jest.Mock).mockImplementation((work) => work(client));

const payments = { capture: jest.fn() } as unknown as jest.Mocked<PaymentGateway>;
const notifications = { sendOrderConfirmation: jest.fn() } as unknown as jest.Mocked<NotificationService>;
const service = new OrderService(payments, notifications);

const input = {
  customerId: 'c1',
  idempotencyKey: 'k1',
  paymentMethodId: 'pm_1',
  items: [{ productId: 'p1', quantity: 2, unitPriceCents: 1 }],
};

beforeEach(() => {
  jest.clearAllMocks();
  client.query.mockImplementation(async (sql: string) => {
    if (sql.startsWith('SELECT * FROM orders')) return { rows: [] };
    if (sql.startsWith('SELECT id, price_cents')) return { rows: [{ id: 'p1', price_cents: 1500, stock: 5 }] };
    if (sql.startsWith('INSERT INTO orders')) return { rows: [{ id: 'o1' }] };
    if (sql.startsWith('UPDATE orders')) {
      return { rows: [{ id: 'o1', customer_id: 'c1', status: 'paid', total_cents: 3000, payment_id: 'cap_1' }] };
    }
    return { rows: [] };
  });
  payments.capture.mockResolvedValue({ id: 'cap_1', status: 'captured' });
});

describe('OrderService.processOrder', () => {
  it('charges the catalogue price, not the price sent by the client', async () => {
    const order = await service.processOrder(input);

    expect(payments.capture).toHaveBeenCalledWith(expect.objectContaining({ amountCents: 3000, idempotencyKey: 'k1' }));
    expect(order.status).toBe('paid');
  });

  it('returns the existing order for a repeated idempotency key', async () => {
    client.query.mockResolvedValueOnce({ rows: [{ id: 'o0', customer_id: 'c1', status: 'paid', total_cents: 3000 }] });

    const order = await service.processOrder(input);

    expect(order.id).toBe('o0');
    expect(payments.capture).not.toHaveBeenCalled();
  });

  it('rejects an order when stock is short', async () => {
    const big = { ...input, items: [{ productId: 'p1', quantity: 9, unitPriceCents: 1500 }] };
    await expect(service.processOrder(big)).rejects.toBeInstanceOf(OutOfStockError);
    expect(payments.capture).not.toHaveBeenCalled();
  });

  it('rejects non-positive quantities', async () => {
    const bad = { ...input, items: [{ productId: 'p1', quantity: 0, unitPriceCents: 1500 }] };
    await expect(service.processOrder(bad)).rejects.toBeInstanceOf(OrderValidationError);
  });

  it('still returns the order when the confirmation email fails', async () => {
    notifications.sendOrderConfirmation.mockRejectedValueOnce(new Error('smtp down'));
    await expect(service.processOrder(input)).resolves.toMatchObject({ id: 'o1' });
  });
});
