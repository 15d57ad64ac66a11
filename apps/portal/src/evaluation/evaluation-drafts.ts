import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { Clock } from '@app/common/time/clock.js';
import { PG_POOL } from '../platform/providers.js';
import type { CardFields } from './scoring.js';

/**
 * Half-written scoring cards (`portal.evaluation_drafts`), one per person and evaluation, kept as
 * typed until the scores are submitted: closing the browser or a failed submission loses nothing.
 */
@Injectable()
export class EvaluationDrafts {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  async get(userId: string, evaluationId: string): Promise<unknown> {
    const { rows } = await this.pool.query<{ fields: unknown }>(
      `SELECT fields FROM portal.evaluation_drafts WHERE user_id = $1 AND evaluation_id = $2`,
      [userId, evaluationId],
    );
    return rows[0]?.fields;
  }

  async save(userId: string, evaluationId: string, fields: CardFields): Promise<void> {
    await this.pool.query(
      `INSERT INTO portal.evaluation_drafts (user_id, evaluation_id, fields, updated_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, evaluation_id)
       DO UPDATE SET fields = EXCLUDED.fields, updated_at = EXCLUDED.updated_at`,
      [userId, evaluationId, JSON.stringify(fields), this.clock.now()],
    );
  }

  async drop(userId: string, evaluationId: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM portal.evaluation_drafts WHERE user_id = $1 AND evaluation_id = $2`,
      [userId, evaluationId],
    );
  }
}
