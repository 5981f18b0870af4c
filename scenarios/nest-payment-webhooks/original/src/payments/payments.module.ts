import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { Payment } from './entities/payment.entity';
import { PaymentProviderClient } from './payment-provider.client';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';

@Module({
  imports: [TypeOrmModule.forFeature([Payment]), NotificationsModule],
  controllers: [PaymentsController],
  providers: [PaymentsService, PaymentProviderClient],
  exports: [PaymentsService],
})
export class PaymentsModule {}
