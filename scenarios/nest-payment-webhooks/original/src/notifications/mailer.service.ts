import { Injectable, Logger } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';

@Injectable()
export class MailerService {
  private readonly logger = new Logger(MailerService.name);
  private readonly transport: Transporter = nodemailer.createTransport({
    host: process.env.SMTP_HOST,
    port: Number(process.env.SMTP_PORT ?? 587),
  });

  async send(to: string, subject: string, text: string): Promise<void> {
    await this.transport.sendMail({ from: 'billing@shop.example', to, subject, text });
    this.logger.debug(`mail "${subject}" queued`);
  }
}
