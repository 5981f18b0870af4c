import { MailerService } from '../notifications/mailer.service';
import { Payment, PaymentStatus } from './entities/payment.entity';
import { PaymentProviderClient } from './payment-provider.client';
import { PaymentsService } from './payments.service';

function repository() {
  return {
    create: jest.fn((data: Partial<Payment>) => ({ ...data })),
    save: jest.fn(async (entity: Partial<Payment>) => ({ id: 'pay_1', ...entity })),
    findOne: jest.fn(),
  };
}

const dto = { orderId: 'order-1', amountCents: 4200, currency: 'EUR', receiptEmail: 'ada@example.com' };

describe('PaymentsService.create', () => {
  let repo: ReturnType<typeof repository>;
  let provider: { charge: jest.Mock };
  let mailer: { send: jest.Mock };
  let service: PaymentsService;

  beforeEach(() => {
    repo = repository();
    provider = { charge: jest.fn().mockResolvedValue({ id: 'pi_1', status: 'succeeded' }) };
    mailer = { send: jest.fn().mockResolvedValue(undefined) };
    service = new PaymentsService(
      repo as never,
      provider as unknown as PaymentProviderClient,
      mailer as unknown as MailerService,
    );
  });

  it('charges with the payment id as idempotency key and sends a receipt', async () => {
    const payment = await service.create(dto, 'cust-1');

    expect(provider.charge).toHaveBeenCalledWith(
      expect.objectContaining({ amountCents: 4200, reference: 'pay_1', idempotencyKey: 'pay_1' }),
    );
    expect(payment.status).toBe(PaymentStatus.SUCCEEDED);
    expect(mailer.send).toHaveBeenCalledWith('ada@example.com', expect.any(String), expect.any(String));
  });

  it('marks the payment failed when the provider rejects the charge', async () => {
    provider.charge.mockRejectedValue(new Error('card_declined'));

    const payment = await service.create(dto, 'cust-1');

    expect(payment.status).toBe(PaymentStatus.FAILED);
    expect(payment.failureReason).toBe('card_declined');
    expect(mailer.send).not.toHaveBeenCalled();
  });

  it('keeps the payment when the receipt email fails', async () => {
    mailer.send.mockRejectedValue(new Error('smtp down'));
    await expect(service.create(dto, 'cust-1')).resolves.toMatchObject({ status: PaymentStatus.SUCCEEDED });
  });
});
