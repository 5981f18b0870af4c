import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { PaymentEvent } from './entities/payment-event.entity';
import { Payment } from './entities/payment.entity';
import { PaymentNotificationService } from './payment-notification.service';
import { PaymentProviderClient } from './payment-provider.client';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { WebhooksController } from './webhooks.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Payment, PaymentEvent]), NotificationsModule],
  controllers: [PaymentsController, WebhooksController],
  providers: [PaymentsService, PaymentNotificationService, PaymentProviderClient],
  exports: [PaymentsService],
})
export class PaymentsModule {}
