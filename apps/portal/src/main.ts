import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createPortal } from './configure.js';

createPortal(process.env)
  .then(async (app) => {
    const port = Number(process.env.PORT ?? 3000);
    await app.listen(port, process.env.HOST ?? '0.0.0.0');
    new Logger('Bootstrap').log(`Portal listening on port ${port}`);
  })
  .catch((error: Error) => {
    console.error(error?.name === 'EnvValidationError' ? error.message : error);
    process.exit(1);
  });
