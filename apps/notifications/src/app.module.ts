import { Module, type DynamicModule } from '@nestjs/common';
import { NOTIFICATIONS_ERRORS } from './errors.js';
import { PlatformModule, type Clock, AccountsReadModelModule } from '@app/common';
import { NotificationsEnv } from './config/notifications.env.js';
import { NOTIFICATIONS_ENTITIES } from './entities.js';
import { CentresModule } from './centres/centres.module.js';
import { DeliveriesModule } from './deliveries/deliveries.module.js';
import { MessagesModule } from './messages/messages.module.js';
import { PreferencesModule } from './preferences/preferences.module.js';
import { RemindersModule } from './reminders/reminders.module.js';
import { NotificationsMetricsModule } from './metrics/metrics.module.js';

export interface AppOptions {
  env: Record<string, string | undefined>;
  clock?: Clock;
}

/** The notifications service: templates, e-mail delivery, reminders, delivery log. */
@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'notifications',
          envClass: NotificationsEnv,
          rawEnv: options.env,
          entities: NOTIFICATIONS_ENTITIES,
          clock: options.clock,
        }),
        AccountsReadModelModule.forService('notifications'),
        CentresModule,
        DeliveriesModule,
        PreferencesModule,
        RemindersModule,
        MessagesModule,
        NotificationsMetricsModule,
      ],
    };
  }
}

export const NOTIFICATIONS_DESCRIPTION = {
  errors: NOTIFICATIONS_ERRORS,
  title: 'OWES Grants — notifications',
  description:
    'E-mail templates (Polish and English), delivery over SMTP with retries, reminders and the delivery log.',
};
