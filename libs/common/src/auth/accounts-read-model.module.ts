import { Controller, Inject, Module, type DynamicModule } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { JetStreamContext, OnEvent } from '../messaging/jetstream.context.js';
import type { EventEnvelope } from '../events/envelope.js';
import { ReadModelTokenChecker, TokenChecker, applyAccountChanged } from './token-checker.js';

const READ_MODEL_SCHEMA = Symbol('ACCOUNTS_READ_MODEL_SCHEMA');

/**
 * Keeps the accounts read model (`<schema>.accounts`, `<schema>.revoked_sessions`) from
 * `applications.account.changed`, in the handler's transaction.
 */
@Controller()
export class AccountEventsController {
  constructor(@Inject(READ_MODEL_SCHEMA) private readonly schema: 'grants' | 'notifications') {}

  @OnEvent('applications.account.changed')
  onAccountChanged(
    @Payload() event: EventEnvelope<'applications.account.changed'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return applyAccountChanged(ctx.manager, this.schema, event.payload);
  }
}

/**
 * Token revocation in a service other than applications (docs/architecture.md#sessions-and-
 * revocation): the auth guard checks every token against the read model, so a demoted, disabled
 * or logged-out user's old token is refused within seconds of the event. Global, so the
 * platform's guard finds the checker. The service's migrations create the two tables.
 */
@Module({})
export class AccountsReadModelModule {
  static forService(schema: 'grants' | 'notifications'): DynamicModule {
    return {
      module: AccountsReadModelModule,
      global: true,
      controllers: [AccountEventsController],
      providers: [
        { provide: READ_MODEL_SCHEMA, useValue: schema },
        {
          provide: TokenChecker,
          useFactory: (dataSource: DataSource) => new ReadModelTokenChecker(dataSource, schema),
          inject: [DataSource],
        },
      ],
      exports: [TokenChecker],
    };
  }
}
