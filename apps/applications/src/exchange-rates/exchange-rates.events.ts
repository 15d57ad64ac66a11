import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { JetStreamContext, OnEvent, type EventEnvelope } from '@app/common';

/** Keeps the euro-rate read model up to date from `grants` (rows are never changed there). */
@Controller()
export class ExchangeRatesEventsController {
  @OnEvent('grants.exchange-rate.added')
  async onRateAdded(
    @Payload() event: EventEnvelope<'grants.exchange-rate.added'>,
    @Ctx() ctx: JetStreamContext,
  ): Promise<void> {
    const p = event.payload;
    await ctx.manager.query(
      `INSERT INTO applications.exchange_rates (valid_from, pln_per_eur) VALUES ($1, $2)
       ON CONFLICT (valid_from) DO NOTHING`,
      [p.validFrom, p.plnPerEur],
    );
  }
}
