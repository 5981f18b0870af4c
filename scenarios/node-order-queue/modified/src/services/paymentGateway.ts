import axios, { AxiosInstance } from 'axios';

export interface CaptureRequest {
  amountCents: number;
  currency?: string;
  paymentMethodId: string;
  reference: string;
  idempotencyKey?: string;
}

export interface CaptureResult {
  id: string;
  status: 'captured' | 'declined';
}

export class PaymentDeclinedError extends Error {}

export class PaymentGateway {
  private readonly http: AxiosInstance;

  constructor(baseURL = process.env.PAYMENTS_URL, apiKey = process.env.PAYMENTS_API_KEY) {
    this.http = axios.create({
      baseURL,
      timeout: 10_000,
      headers: { Authorization: `Bearer ${apiKey}` },
    });
  }

  async capture(request: CaptureRequest): Promise<CaptureResult> {
    const headers = request.idempotencyKey ? { 'Idempotency-Key': request.idempotencyKey } : {};
    const { data } = await this.http.post<CaptureResult>(
      '/v1/captures',
      {
        amount: request.amountCents,
        currency: request.currency ?? 'EUR',
        payment_method: request.paymentMethodId,
        reference: request.reference,
      },
      { headers },
    );
    if (data.status === 'declined') {
      throw new PaymentDeclinedError(`payment declined for ${request.reference}`);
    }
    return data;
  }
}
