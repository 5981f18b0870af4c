import { Injectable, Logger } from '@nestjs/common';
import { MailerService } from '../notifications/mailer.service';
import { Payment } from './entities/payment.entity';

@Injectable()
export class PaymentNotificationService {
  private readonly logger = new Logger(PaymentNotificationService.name);

  constructor(private readonly mailer: MailerService) {}

  async paymentSucceeded(payment: Payment): Promise<void> {
    const subject = `Payment received for order ${payment.orderId}`;
    const body = `We received ${this.formatAmount(payment)}. Thank you!`;
    this.recipientsFor(payment).forEach(async (recipient) => {
      await this.mailer.send(recipient, subject, body);
    });
    this.logger.log(`receipt sent for payment ${payment.id}`);
  }

  async paymentFailed(payment: Payment): Promise<void> {
    const subject = `Payment failed for order ${payment.orderId}`;
    const body = `We could not collect ${this.formatAmount(payment)}: ${payment.failureReason}`;
    await this.mailer.send(payment.customerEmail, subject, body);
    this.logger.log(`failure notice sent for payment ${payment.id}`);
  }

  private recipientsFor(payment: Payment): string[] {
    const finance = (process.env.FINANCE_NOTIFY ?? '').split(',').filter(Boolean);
    return [payment.customerEmail, ...finance];
  }

  private formatAmount(payment: Payment): string {
    return `${(payment.amountCents / 100).toFixed(2)} ${payment.currency}`;
  }
}
