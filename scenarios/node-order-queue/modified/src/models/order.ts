export type OrderStatus = 'pending_payment' | 'processing' | 'paid' | 'failed' | 'cancelled';

export interface OrderItemInput {
  productId: string;
  quantity: number;
  unitPriceCents: number;
}

export interface CreateOrderInput {
  customerId: string;
  idempotencyKey: string;
  paymentMethodId: string;
  items: OrderItemInput[];
}

export interface Order {
  id: string;
  customerId: string;
  status: OrderStatus;
  totalCents: number;
  paymentId: string | null;
  createdAt: Date;
}

export interface OrderRow {
  id: string;
  customer_id: string;
  status: OrderStatus;
  total_cents: number;
  payment_id: string | null;
  created_at: Date;
}

export function mapOrder(row: OrderRow): Order {
  return {
    id: row.id,
    customerId: row.customer_id,
    status: row.status,
    totalCents: row.total_cents,
    paymentId: row.payment_id,
    createdAt: row.created_at,
  };
}
