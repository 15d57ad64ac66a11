import 'reflect-metadata';
import { bootstrapService, runMain, validateEnv } from '@app/common';
import { AppModule, APPLICATIONS_DESCRIPTION } from './app.module.js';
import { ApplicationsEnv } from './config/applications.env.js';

runMain(async () => {
  const env = validateEnv(ApplicationsEnv, process.env);
  await bootstrapService(AppModule.forRoot({ env: process.env }), {
    ...APPLICATIONS_DESCRIPTION,
    port: env.PORT ?? 3001,
  });
});
