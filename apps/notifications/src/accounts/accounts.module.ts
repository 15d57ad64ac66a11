import { Controller, Global, Module } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import {
  JetStreamContext,
  OnEvent,
  ReadModelTokenChecker,
  TokenChecker,
  applyAccountChanged,
  type EventEnvelope,
} from '@app/common';

/**
 * Keeps the accounts read model (`notifications.accounts`, `notifications.revoked_sessions`) from
 * `applications.account.changed`, in the handler's transaction.
 */
@Controller()
export class AccountEventsController {
  @OnEvent('applications.account.changed')
  onAccountChanged(
    @Payload() event: EventEnvelope<'applications.account.changed'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    return applyAccountChanged(ctx.manager, 'notifications', event.payload);
  }
}

/**
 * Token revocation in notifications (docs/architecture.md#sessions-and-revocation): the auth guard checks
 * every token against the read model, so a demoted, disabled or logged-out user's old token is
 * refused within seconds of the event. Global, so the platform's guard finds the checker.
 */
@Global()
@Module({
  controllers: [AccountEventsController],
  providers: [
    {
      provide: TokenChecker,
      useFactory: (dataSource: DataSource) =>
        new ReadModelTokenChecker(dataSource, 'notifications'),
      inject: [DataSource],
    },
  ],
  exports: [TokenChecker],
})
export class AccountsModule {}
