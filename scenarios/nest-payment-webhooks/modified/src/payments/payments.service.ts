import { Inject, Injectable, Logger, NotFoundException, Scope } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { Request } from 'express';
import { Repository } from 'typeorm';
import { CreatePaymentDto } from './dto/create-payment.dto';
import { PaymentEvent } from './entities/payment-event.entity';
import { Payment, PaymentStatus } from './entities/payment.entity';
import { PaymentNotificationService } from './payment-notification.service';
import { PaymentFailedException, PaymentNotFoundException } from './payment.exceptions';
import { ChargeResponse, PaymentProviderClient } from './payment-provider.client';

export interface ProviderEvent {
  id: string;
  type: string;
  created: number;
  data: {
    paymentId: string;
    amount: number;
    currency: string;
    failureMessage?: string;
  };
}

const STATUS_BY_EVENT: Record<string, PaymentStatus> = {
  'payment.processing': PaymentStatus.PROCESSING,
  'payment.succeeded': PaymentStatus.SUCCEEDED,
  'payment.failed': PaymentStatus.FAILED,
  'payment.refunded': PaymentStatus.REFUNDED,
};

@Injectable({ scope: Scope.REQUEST })
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
    @InjectRepository(PaymentEvent) private readonly events: Repository<PaymentEvent>,
    private readonly provider: PaymentProviderClient,
    private readonly notifications: PaymentNotificationService,
    @Inject(REQUEST) private readonly request: Request,
  ) {}

  async create(dto: CreatePaymentDto, customerId: string, idempotencyKey?: string): Promise<Payment> {
    if (idempotencyKey) {
      const existing = await this.payments.findOne({ where: { idempotencyKey, customerId } });
      if (existing) {
        this.logger.log(`${this.trace()} returning existing payment ${existing.id} for key ${idempotencyKey}`);
        return existing;
      }
    }

    const payment = await this.payments.save(
      this.payments.create({
        orderId: dto.orderId,
        customerId,
        customerEmail: dto.receiptEmail,
        amountCents: dto.amountCents,
        currency: dto.currency,
        status: PaymentStatus.PENDING,
        idempotencyKey: idempotencyKey ?? null,
      }),
    );
    this.logger.log(`${this.trace()} payment ${payment.id} created for order ${payment.orderId}`);

    let charge: ChargeResponse;
    try {
      charge = await this.withRetry(() =>
        this.provider.charge({
          amountCents: payment.amountCents,
          currency: payment.currency,
          customerId,
          reference: payment.id,
        }),
      );
    } catch (err) {
      payment.status = PaymentStatus.FAILED;
      payment.failureReason = (err as Error).message;
      await this.payments.save(payment);
      this.logger.error(`${this.trace()} payment ${payment.id} failed: ${(err as Error).message}`, (err as Error).stack);
      throw new PaymentFailedException(payment.id, err);
    }

    payment.providerPaymentId = charge.id;
    payment.status = charge.status === 'succeeded' ? PaymentStatus.SUCCEEDED : PaymentStatus.PROCESSING;
    await this.payments.save(payment);
    this.logger.log(`${this.trace()} payment ${payment.id} is ${payment.status}`);

    if (payment.status === PaymentStatus.SUCCEEDED) {
      this.notifications.paymentSucceeded(payment);
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

  async handleProviderEvent(event: ProviderEvent): Promise<void> {
    const payment = await this.payments.findOne({ where: { providerPaymentId: event.data.paymentId } });
    if (!payment) {
      throw new PaymentNotFoundException(event.data.paymentId);
    }

    const status = STATUS_BY_EVENT[event.type];
    if (payment.status === status) {
      this.logger.log(`event ${event.id} already applied to payment ${payment.id}, skipping`);
      return;
    }

    const previous = payment.status;
    payment.status = status;
    if (status === PaymentStatus.FAILED) {
      payment.failureReason = event.data.failureMessage ?? 'failed at provider';
    }
    await this.payments.save(payment);
    await this.events.save(
      this.events.create({
        paymentId: payment.id,
        providerEventId: event.id,
        type: event.type,
        payload: event as unknown as Record<string, unknown>,
      }),
    );
    this.logger.log(`payment ${payment.id} moved from ${previous} to ${status} by event ${event.id}`);

    if (status === PaymentStatus.SUCCEEDED) {
      await this.notifications.paymentSucceeded(payment);
    } else if (status === PaymentStatus.FAILED) {
      await this.notifications.paymentFailed(payment);
    }
  }

  private async withRetry<T>(operation: () => Promise<T>, attempts = 3): Promise<T> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await operation();
      } catch (err) {
        lastError = err;
        this.logger.warn(`${this.trace()} provider call failed (attempt ${attempt}/${attempts})`);
        if (attempt < attempts) {
          await new Promise((resolve) => setTimeout(resolve, 1500));
        }
      }
    }
    throw lastError;
  }

  private trace(): string {
    return `[${this.request.headers['x-request-id'] ?? '-'}]`;
  }
}
