import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_CENTRE_ID } from '@app/common';
import { ApplicationsEnv } from '../config/applications.env.js';

/**
 * The counties a centre serves (docs/product.md#the-centre-and-its-area, docs/tenancy.md): those of
 * its record in `applications.centres`. Centre no. 1 without counties of its own (a one-centre
 * installation migrated as it was) keeps the old default: CENTRE_COUNTIES (comma-separated TERYT
 * codes) when set, otherwise the union of the counties of the calls it published.
 */
@Injectable()
export class CentreAreaService {
  private readonly configured: string[] | null;

  constructor(env: ApplicationsEnv) {
    this.configured = env.CENTRE_COUNTIES
      ? [...new Set(env.CENTRE_COUNTIES.split(',').map((c) => c.trim()))]
      : null;
  }

  async counties(manager: EntityManager, centreId: string): Promise<string[]> {
    const rows: { counties: string[] }[] = await manager.query(
      `SELECT counties FROM applications.centres WHERE id = $1`,
      [centreId],
    );
    const own = rows[0]?.counties ?? [];
    if (own.length > 0 || centreId !== DEFAULT_CENTRE_ID) return own;
    if (this.configured) return this.configured;
    const calls: { county: string }[] = await manager.query(
      `SELECT DISTINCT unnest(counties) AS county FROM applications.calls WHERE centre_id = $1 ORDER BY 1`,
      [centreId],
    );
    return calls.map((r) => r.county);
  }
}
