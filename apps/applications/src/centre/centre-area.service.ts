import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationsEnv } from '../config/applications.env.js';

/**
 * The counties the centre serves (docs/product.md#the-centre-and-its-area). Configured explicitly
 * with CENTRE_COUNTIES (comma-separated TERYT codes) when the centre's accreditation is known up
 * front; otherwise taken as the union of the counties of every call published by grants (the calls
 * read model), since a centre only runs calls for its own subregion. The explicit setting wins.
 */
@Injectable()
export class CentreAreaService {
  private readonly configured: string[] | null;

  constructor(env: ApplicationsEnv) {
    this.configured = env.CENTRE_COUNTIES
      ? [...new Set(env.CENTRE_COUNTIES.split(',').map((c) => c.trim()))]
      : null;
  }

  async counties(manager: EntityManager): Promise<string[]> {
    if (this.configured) return this.configured;
    const rows: { county: string }[] = await manager.query(
      `SELECT DISTINCT unnest(counties) AS county FROM applications.calls ORDER BY 1`,
    );
    return rows.map((r) => r.county);
  }
}
