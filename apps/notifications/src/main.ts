import 'reflect-metadata';
import { bootstrapService, runMain, validateEnv } from '@app/common';
import { AppModule, NOTIFICATIONS_DESCRIPTION } from './app.module.js';
import { NotificationsEnv } from './config/notifications.env.js';

runMain(async () => {
  const env = validateEnv(NotificationsEnv, process.env);
  await bootstrapService(AppModule.forRoot({ env: process.env }), {
    ...NOTIFICATIONS_DESCRIPTION,
    port: env.PORT ?? 3003,
  });
});
