import { Request } from 'express';
import { Payment, PaymentStatus } from './entities/payment.entity';
import { PaymentNotificationService } from './payment-notification.service';
import { PaymentProviderClient } from './payment-provider.client';
import { PaymentsService } from './payments.service';
import { WebhooksController } from './webhooks.controller';

function repository() {
  return {
    create: jest.fn((data: Partial<Payment>) => ({ ...data })),
    save: jest.fn(async (entity: Partial<Payment>) => ({ id: 'pay_1', ...entity })),
    findOne: jest.fn(),
  };
}

const dto = { orderId: 'order-1', amountCents: 4200, currency: 'EUR', receiptEmail: 'ada@example.com' };

describe('PaymentsService', () => {
  let repo: ReturnType<typeof repository>;
  let events: ReturnType<typeof repository>;
  let provider: { charge: jest.Mock };
  let notifications: { paymentSucceeded: jest.Mock; paymentFailed: jest.Mock };
  let service: PaymentsService;

  beforeEach(() => {
    repo = repository();
    events = repository();
    provider = { charge: jest.fn().mockResolvedValue({ id: 'pi_1', status: 'succeeded' }) };
    notifications = { paymentSucceeded: jest.fn(), paymentFailed: jest.fn() };
    service = new PaymentsService(
      repo as never,
      events as never,
      provider as unknown as PaymentProviderClient,
      notifications as unknown as PaymentNotificationService,
      { headers: {} } as Request,
    );
  });

  it('creates a payment and notifies the customer', async () => {
    const payment = await service.create(dto, 'cust-1');

    expect(payment.status).toBe(PaymentStatus.SUCCEEDED);
    expect(notifications.paymentSucceeded).toHaveBeenCalled();
  });

  it('returns the existing payment for a repeated idempotency key', async () => {
    repo.findOne.mockResolvedValue({ id: 'pay_0', status: PaymentStatus.SUCCEEDED });

    const payment = await service.create(dto, 'cust-1', 'key-1');

    expect(payment.id).toBe('pay_0');
    expect(provider.charge).not.toHaveBeenCalled();
  });

  it('applies a succeeded webhook event', async () => {
    repo.findOne.mockResolvedValue({ id: 'pay_1', status: PaymentStatus.PROCESSING, customerEmail: 'ada@example.com' });

    await service.handleProviderEvent({
      id: 'evt_1',
      type: 'payment.succeeded',
      created: 1700000000,
      data: { paymentId: 'pi_1', amount: 4200, currency: 'EUR' },
    });

    expect(repo.save).toHaveBeenCalled();
    expect(events.save).toHaveBeenCalled();
  });
});

describe('WebhooksController', () => {
  it('accepts a signed event', async () => {
    const payments = { handleProviderEvent: jest.fn() } as unknown as PaymentsService;
    const controller = new WebhooksController(payments);
    jest.spyOn(controller as any, 'isValidSignature').mockReturnValue(true);

    const result = await controller.receive({ id: 'evt_1', type: 'payment.succeeded' }, 'sig');

    expect(result).toEqual({ received: true });
  });
});
