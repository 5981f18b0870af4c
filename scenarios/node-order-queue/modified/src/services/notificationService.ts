import nodemailer, { Transporter } from 'nodemailer';
import { db } from '../db';

export interface OrderNotice {
  orderId: string;
  customerId: string;
  totalCents: number;
}

export class NotificationService {
  private readonly transport: Transporter;

  constructor(transport?: Transporter) {
    this.transport =
      transport ??
      nodemailer.createTransport({
        host: process.env.SMTP_HOST,
        port: Number(process.env.SMTP_PORT ?? 587),
      });
  }

  async sendOrderConfirmation(notice: OrderNotice): Promise<void> {
    const email = await this.emailFor(notice.customerId);
    await this.transport.sendMail({
      to: email,
      from: 'orders@shop.example',
      subject: `Order ${notice.orderId} confirmed`,
      text: `Thanks for your order. We charged ${(notice.totalCents / 100).toFixed(2)} EUR.`,
    });
  }

  async sendOrderFailed(notice: OrderNotice): Promise<void> {
    const email = await this.emailFor(notice.customerId);
    await this.transport.sendMail({
      to: email,
      from: 'orders@shop.example',
      subject: `Order ${notice.orderId} could not be completed`,
      text: 'We could not complete your order and you have not been charged.',
    });
  }

  private async emailFor(customerId: string): Promise<string> {
    const { rows } = await db.query('SELECT email FROM customers WHERE id = $1', [customerId]);
    if (!rows[0]) {
      throw new Error(`customer ${customerId} not found`);
    }
    return rows[0].email;
  }
}
