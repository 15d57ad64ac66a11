import type { EntityManager } from 'typeorm';
import { formatReferenceNumber } from '@app/common';

/**
 * Next reference number of a year. The counter row is locked by the UPDATE until the
 * submission's transaction ends, so concurrent submissions queue here and a rolled-back one
 * gives its number back: unique and gap-free per year.
 */
export async function nextReference(manager: EntityManager, year: number): Promise<string> {
  const rows: { last_value: number }[] = await manager.query(
    `INSERT INTO applications.reference_counters (year, last_value) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_value = applications.reference_counters.last_value + 1
     RETURNING last_value`,
    [year],
  );
  return formatReferenceNumber(year, Number(rows[0].last_value));
}
