import { HttpException, HttpStatus, NotFoundException } from '@nestjs/common';

export class PaymentFailedException extends HttpException {
  constructor(paymentId: string, cause: unknown) {
    const providerError = (cause as { response?: { data?: unknown } })?.response?.data ?? String(cause);
    super(
      {
        code: 'PAYMENT_FAILED',
        message: `Payment ${paymentId} could not be completed`,
        paymentId,
        providerError,
      },
      HttpStatus.PAYMENT_REQUIRED,
    );
  }
}

export class PaymentNotFoundException extends NotFoundException {
  constructor(providerPaymentId: string) {
    super({ code: 'PAYMENT_NOT_FOUND', message: `No payment for provider payment ${providerPaymentId}` });
  }
}

export class InvalidWebhookSignatureException extends HttpException {
  constructor() {
    super({ code: 'INVALID_SIGNATURE', message: 'Webhook signature is invalid' }, HttpStatus.UNAUTHORIZED);
  }
}
