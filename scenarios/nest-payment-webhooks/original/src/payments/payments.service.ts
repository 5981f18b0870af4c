import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MailerService } from '../notifications/mailer.service';
import { CreatePaymentDto } from './dto/create-payment.dto';
import { Payment, PaymentStatus } from './entities/payment.entity';
import { PaymentProviderClient } from './payment-provider.client';

@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
    private readonly provider: PaymentProviderClient,
    private readonly mailer: MailerService,
  ) {}

  async create(dto: CreatePaymentDto, customerId: string): Promise<Payment> {
    const payment = await this.payments.save(
      this.payments.create({
        orderId: dto.orderId,
        customerId,
        customerEmail: dto.receiptEmail,
        amountCents: dto.amountCents,
        currency: dto.currency,
        status: PaymentStatus.PENDING,
      }),
    );

    try {
      const charge = await this.provider.charge({
        amountCents: payment.amountCents,
        currency: payment.currency,
        customerId,
        reference: payment.id,
        idempotencyKey: payment.id,
      });
      payment.providerPaymentId = charge.id;
      payment.status = charge.status === 'succeeded' ? PaymentStatus.SUCCEEDED : PaymentStatus.PROCESSING;
    } catch (err) {
      this.logger.error(`charge failed for payment ${payment.id}`, (err as Error).stack);
      payment.status = PaymentStatus.FAILED;
      payment.failureReason = (err as Error).message;
    }
    await this.payments.save(payment);

    if (payment.status === PaymentStatus.SUCCEEDED) {
      try {
        await this.mailer.send(
          payment.customerEmail,
          `Payment received for order ${payment.orderId}`,
          `We received ${(payment.amountCents / 100).toFixed(2)} ${payment.currency}. Thank you!`,
        );
      } catch (err) {
        this.logger.warn(`receipt email failed for payment ${payment.id}: ${(err as Error).message}`);
      }
    }
    return payment;
  }

  async findOne(id: string, customerId: string): Promise<Payment> {
    const payment = await this.payments.findOne({ where: { id, customerId } });
    if (!payment) {
      throw new NotFoundException(`payment ${id} not found`);
    }
    return payment;
  }
}
