import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { JetStreamContext, OnEvent, type EventEnvelope } from '@app/common';

/**
 * Keeps the centres read model from `applications.centre.changed`: the record with the highest
 * version wins, so a late or repeated event changes nothing (the inbox skips exact repeats).
 */
@Controller()
export class CentresEventsController {
  @OnEvent('applications.centre.changed')
  async onCentreChanged(
    @Payload() event: EventEnvelope<'applications.centre.changed'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    const p = event.payload;
    await ctx.manager.query(
      `INSERT INTO grants.centres (id, number, name, accreditation_number, voivodeship, counties, active, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET number = EXCLUDED.number, name = EXCLUDED.name,
          accreditation_number = EXCLUDED.accreditation_number, voivodeship = EXCLUDED.voivodeship,
          counties = EXCLUDED.counties, active = EXCLUDED.active, version = EXCLUDED.version,
          updated_at = EXCLUDED.updated_at
        WHERE grants.centres.version < EXCLUDED.version`,
      [
        p.centreId,
        p.number,
        p.name,
        p.accreditationNumber,
        p.voivodeship,
        p.counties,
        p.active,
        p.version,
        p.changedAt,
      ],
    );
  }
}
