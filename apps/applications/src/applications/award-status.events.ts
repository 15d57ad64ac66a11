import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { JetStreamContext, OnEvent, type EventEnvelope } from '@app/common';

/**
 * Marks each application with where its award stands, from `grants`, for the rules across
 * applications (a job still funded in the programme: docs/product.md#rules-across-applications).
 *
 * Idempotent beside the inbox: each handler sets a state, never counts. `given-up` and `settled`
 * are final, so a `granted` that arrives late (events are handled concurrently) does not undo
 * them. `grants.award.settled` names no application, only the award and the application's
 * reference: both are tried.
 */
@Controller()
export class AwardStatusEventsController {
  @OnEvent('grants.award.granted')
  async onGranted(
    @Payload() event: EventEnvelope<'grants.award.granted'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    const p = event.payload;
    await ctx.manager.query(
      `UPDATE applications.applications SET award_status = 'granted', award_id = $2
       WHERE id = $1 AND (award_status IS NULL OR award_status = 'granted')`,
      [p.applicationId, p.awardId],
    );
  }

  @OnEvent('grants.award.given-up')
  async onGivenUp(
    @Payload() event: EventEnvelope<'grants.award.given-up'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    const p = event.payload;
    await ctx.manager.query(
      `UPDATE applications.applications SET award_status = 'given-up', award_id = $2
       WHERE id = $1 AND award_status IS DISTINCT FROM 'settled'`,
      [p.applicationId, p.awardId],
    );
  }

  @OnEvent('grants.award.settled')
  async onSettled(
    @Payload() event: EventEnvelope<'grants.award.settled'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    const p = event.payload;
    await ctx.manager.query(
      `UPDATE applications.applications SET award_status = 'settled', award_id = $1
       WHERE (award_id = $1 OR (award_id IS NULL AND reference = $2))
         AND award_status IS DISTINCT FROM 'given-up'`,
      [p.awardId, p.reference],
    );
  }
}
