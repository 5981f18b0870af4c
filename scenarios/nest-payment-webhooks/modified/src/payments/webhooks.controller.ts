import { Body, Controller, Headers, HttpCode, Logger, Post } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'crypto';
import { Public } from '../auth/public.decorator';
import { InvalidWebhookSignatureException } from './payment.exceptions';
import { PaymentsService } from './payments.service';

@Controller('webhooks')
export class WebhooksController {
  private readonly logger = new Logger(WebhooksController.name);
  private readonly secret = process.env.PROVIDER_WEBHOOK_SECRET || 'local-dev-secret';

  constructor(private readonly payments: PaymentsService) {}

  @Public()
  @Post('payment-provider')
  @HttpCode(200)
  async receive(@Body() body: any, @Headers('x-provider-signature') signature?: string) {
    this.logger.log(`provider event: ${JSON.stringify(body)}`);

    if (signature && !this.isValidSignature(body, signature)) {
      throw new InvalidWebhookSignatureException();
    }

    try {
      await this.payments.handleProviderEvent(body);
    } catch (err) {
      this.logger.error(`could not process event ${body.id}: ${(err as Error).message}`);
    }
    return { received: true };
  }

  private isValidSignature(body: unknown, signature: string): boolean {
    const expected = Buffer.from(createHmac('sha256', this.secret).update(JSON.stringify(body)).digest('hex'));
    const received = Buffer.from(signature);
    return expected.length === received.length && timingSafeEqual(expected, received);
  }
}
