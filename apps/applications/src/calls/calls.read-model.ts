import type { EventPayload } from '@app/common';

/**
 * Writes a published call into the applications read model — from the `grants.call.published`
 * consumer, and from the demo seed, which loads the same row without going through NATS.
 */
export async function upsertPublishedCall(
  db: { query(sql: string, params: unknown[]): Promise<unknown> },
  p: EventPayload<'grants.call.published'>,
): Promise<void> {
  // A later publication (re-publish after a permitted change) wins; an older one arriving late does not.
  await db.query(
    `INSERT INTO applications.calls (id, number, title, opens_at, closes_at, budget, counties, funding_model,
        max_jobs_per_entity, correction_term_working_days, appeal_term_working_days, published_at,
        programme_id, centre_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (id) DO UPDATE SET number = EXCLUDED.number, title = EXCLUDED.title,
        opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at, budget = EXCLUDED.budget,
        counties = EXCLUDED.counties, funding_model = EXCLUDED.funding_model,
        max_jobs_per_entity = EXCLUDED.max_jobs_per_entity,
        correction_term_working_days = EXCLUDED.correction_term_working_days,
        appeal_term_working_days = EXCLUDED.appeal_term_working_days,
        published_at = EXCLUDED.published_at, programme_id = EXCLUDED.programme_id,
        centre_id = EXCLUDED.centre_id
     WHERE applications.calls.published_at <= EXCLUDED.published_at`,
    [
      p.callId,
      p.number,
      p.title,
      p.opensAt,
      p.closesAt,
      p.budget,
      p.counties,
      JSON.stringify(p.fundingModel),
      p.maxJobsPerEntity,
      p.correctionTermWorkingDays,
      p.appealTermWorkingDays,
      p.publishedAt,
      p.programmeId ?? null,
      p.centreId,
    ],
  );
}
