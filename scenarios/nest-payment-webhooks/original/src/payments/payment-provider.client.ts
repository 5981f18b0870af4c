import { Injectable } from '@nestjs/common';
import axios, { AxiosInstance } from 'axios';

export interface ChargeRequest {
  amountCents: number;
  currency: string;
  customerId: string;
  reference: string;
  idempotencyKey?: string;
}

export interface ChargeResponse {
  id: string;
  status: 'succeeded' | 'processing' | 'requires_action' | 'failed';
}

@Injectable()
export class PaymentProviderClient {
  private readonly http: AxiosInstance = axios.create({
    baseURL: process.env.PROVIDER_API_URL,
    timeout: 10_000,
    headers: { Authorization: `Bearer ${process.env.PROVIDER_API_KEY}` },
  });

  async charge(request: ChargeRequest): Promise<ChargeResponse> {
    const { data } = await this.http.post<ChargeResponse>(
      '/v2/payments',
      {
        amount: request.amountCents,
        currency: request.currency,
        customer: request.customerId,
        reference: request.reference,
      },
      { headers: request.idempotencyKey ? { 'Idempotency-Key': request.idempotencyKey } : {} },
    );
    return data;
  }
}
