import type { EntityManager } from 'typeorm';

/** What approved bridging extensions added to the call's live awards, grosze. */
export async function extensionsOf(manager: EntityManager, callId: string): Promise<number> {
  const [row]: { extra: string }[] = await manager.query(
    `SELECT COALESCE(sum(w.amount - d.amount), 0)::bigint AS extra
       FROM grants.awards w JOIN grants.decisions d ON d.id = w.decision_id
      WHERE w.call_id = $1 AND w.status <> 'given-up'`,
    [callId],
  );
  return Number(row!.extra);
}
