import 'reflect-metadata';
import { bootstrapService, runMain, validateEnv } from '@app/common';
import { AppModule, GRANTS_DESCRIPTION } from './app.module.js';
import { GrantsEnv } from './config/grants.env.js';

runMain(async () => {
  const env = validateEnv(GrantsEnv, process.env);
  await bootstrapService(AppModule.forRoot({ env: process.env }), {
    ...GRANTS_DESCRIPTION,
    port: env.PORT ?? 3002,
  });
});
