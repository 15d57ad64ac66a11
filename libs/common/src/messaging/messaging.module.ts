import { Module, type DynamicModule } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JetStreamService } from './jetstream.service.js';
import { OutboxService } from './outbox.service.js';
import { JetStreamServer } from './jetstream.server.js';
import { DeadLettersController } from './dead-letters.controller.js';
import { MessagingMetrics } from './messaging.metrics.js';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options.js';

@Module({})
export class MessagingModule {
  static forRootAsync(options: {
    inject?: any[];
    useFactory: (...args: any[]) => MessagingOptions;
  }): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      controllers: [DeadLettersController],
      providers: [
        {
          provide: MESSAGING_OPTIONS,
          inject: options.inject ?? [],
          useFactory: options.useFactory,
        },
        JetStreamService,
        OutboxService,
        MessagingMetrics,
      ],
      exports: [JetStreamService, OutboxService, MESSAGING_OPTIONS],
    };
  }
}

/** Attaches the JetStream event transport to an application (call before `app.init()`/`listen`). */
export function connectJetStream(app: INestApplication): JetStreamServer {
  const server = new JetStreamServer(
    app.get(JetStreamService),
    app.get(DataSource),
    app.get(OutboxService),
  );
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: false });
  return server;
}
