import { IsEmail, IsInt, IsISO4217CurrencyCode, IsUUID, Min } from 'class-validator';

export class CreatePaymentDto {
  @IsUUID()
  orderId!: string;

  @IsInt()
  @Min(1)
  amountCents!: number;

  @IsISO4217CurrencyCode()
  currency!: string;

  @IsEmail()
  receiptEmail!: string;
}
