import type { Platform } from './platform.js';
import { expectEventually } from './eventually.js';
import { uniqueId } from './database.js';

/** Creates and publishes a call through grants and waits until applications knows it. */
export async function publishedCall(
  platform: Platform,
  operatorToken: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; number: string }> {
  const number = `NAB/${uniqueId()}/2026`;
  const created = await platform.api.grants.post(
    '/api/calls',
    {
      number,
      title: 'Tworzenie miejsc pracy w przedsiębiorstwach społecznych',
      opensAt: '2026-01-01T08:00:00+01:00',
      closesAt: '2027-12-31T16:00:00+01:00',
      budget: 100_000_000,
      counties: ['1462', '1419', '1427', '1404'],
      criteria: [{ id: 'K1', name: 'Biznesplan', maxPoints: 20 }],
      ...overrides,
    },
    operatorToken,
  );
  if (created.status !== 201) throw new Error(`call not created: ${JSON.stringify(created.body)}`);
  const published = await platform.api.grants.post(
    `/api/calls/${created.body.id}/publish`,
    {},
    operatorToken,
  );
  if (published.status !== 200)
    throw new Error(`call not published: ${JSON.stringify(published.body)}`);
  await expectEventually(async () => {
    const found = await platform.api.applications.get(`/api/calls/${created.body.id}`);
    if (found.status !== 200) throw new Error('call not in the read model yet');
  });
  return { id: created.body.id, number };
}
