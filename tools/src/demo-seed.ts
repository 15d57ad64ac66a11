import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import pg from 'pg';
import { createServiceDataSource, MESSAGING_ENTITIES, type EventEnvelope } from '@app/common';
import { GRANTS_ENTITIES } from '../../apps/grants/src/entities.js';
import { seedDemo } from '../../apps/grants/src/demo/seed.js';
import { upsertPublishedCall } from '../../apps/applications/src/calls/calls.read-model.js';
import type { DatabaseLayout } from './database-config.js';

interface DemoAccount {
  key: string;
  email: string;
  name: string;
  role: 'operator' | 'evaluator' | 'applicant';
  chair?: boolean;
}

const ACCOUNTS: DemoAccount[] = [
  {
    key: 'operator',
    email: 'operator@owes-plock.demo',
    name: 'Katarzyna Operatorka',
    role: 'operator',
  },
  {
    key: 'chair',
    email: 'przewodniczacy@owes-plock.demo',
    name: 'Piotr Przewodniczący',
    role: 'evaluator',
    chair: true,
  },
  {
    key: 'evaluator2',
    email: 'oceniajaca@owes-plock.demo',
    name: 'Ewa Oceniająca',
    role: 'evaluator',
  },
  {
    key: 'evaluator3',
    email: 'oceniajacy@owes-plock.demo',
    name: 'Marek Oceniający',
    role: 'evaluator',
  },
  {
    key: 'applicant',
    email: 'wnioskodawca@owes-plock.demo',
    name: 'Anna Kowalska',
    role: 'applicant',
  },
];

/** A partial draft, as an applicant leaves it mid-way: the rest is for the newcomer to fill in. */
const DEMO_DRAFT = {
  applicant: {
    kind: 'social-enterprise',
    name: 'Spółdzielnia Socjalna „Smaki Mazowsza”',
    legalForm: 'social-cooperative',
    county: '1462',
    address: 'ul. Tumska 1, 09-400 Płock',
  },
  employment: { headcountBefore: 5, headcountAfter: 7 },
  businessPlan: { summary: 'Catering dla szkół i przedszkoli oparty na lokalnych produktach.' },
};

/**
 * `npm run cli -- demo:seed` (docs/product.md#demo-data): OWES Płock with its programme, an open
 * unit-rate call with five criteria, an operator, three evaluators (one chair) and an applicant
 * with a draft. Idempotent: a second run creates nothing and prints no passwords (they are shown
 * once).
 */
export async function demoSeed(
  layout: DatabaseLayout,
  now: Date,
  print: (line: string) => void,
): Promise<void> {
  const apps = new pg.Client({ connectionString: layout.urls.applications });
  await apps.connect();
  const ids: Record<string, string> = {};
  const passwords: { account: DemoAccount; password: string }[] = [];
  // The accounts are committed only with the rest, so their passwords are never lost to a
  // failed run (the grants part is idempotent and simply runs again).
  await apps.query('BEGIN');
  try {
    for (const account of ACCOUNTS) {
      const existing = await apps.query('SELECT id FROM applications.users WHERE email = $1', [
        account.email,
      ]);
      if (existing.rowCount) {
        ids[account.key] = existing.rows[0].id;
        continue;
      }
      const password = `${randomBytes(9).toString('base64url')}-7a`;
      const hash = await argon2.hash(password, { type: argon2.argon2id });
      const created = await apps.query(
        `INSERT INTO applications.users (email, password_hash, role, full_name, language, email_verified_at)
         VALUES ($1, $2, $3, $4, 'pl', now()) RETURNING id`,
        [account.email, hash, account.role, account.name],
      );
      ids[account.key] = created.rows[0].id;
      passwords.push({ account, password });
    }

    const grants = createServiceDataSource({
      url: layout.urls.grants,
      schema: 'grants',
      entities: [...GRANTS_ENTITIES, ...MESSAGING_ENTITIES],
      migrations: [],
      poolSize: 2,
      applicationName: 'owes-demo-seed',
    });
    await grants.initialize();
    let result;
    try {
      result = await seedDemo(grants, {
        now,
        operatorId: ids.operator,
        evaluators: ACCOUNTS.filter((a) => a.role === 'evaluator').map((a) => ({
          userId: ids[a.key],
          email: a.email,
          name: a.name,
          chair: a.chair,
        })),
      });
    } finally {
      await grants.destroy();
    }

    // applications learns of the call from grants.call.published once grants runs; the draft
    // needs it now, so the same upsert its consumer does is applied here from that event.
    const grantsDb = new pg.Client({ connectionString: layout.urls.grants });
    await grantsDb.connect();
    const events = await grantsDb
      .query(
        `SELECT envelope FROM grants.outbox WHERE subject = 'grants.call.published'
           AND envelope->'payload'->>'callId' = $1 ORDER BY created_at DESC LIMIT 1`,
        [result.callId],
      )
      .finally(() => grantsDb.end());
    const event = events.rows[0]?.envelope as EventEnvelope<'grants.call.published'> | undefined;
    if (event) {
      // As the consumer would write it, with its own function (and no second copy of the SQL).
      await upsertPublishedCall(apps, event.payload);
    }
    const draft = await apps.query(
      `SELECT id FROM applications.applications WHERE applicant_id = $1 AND call_id = $2`,
      [ids.applicant, result.callId],
    );
    if (!draft.rowCount) {
      await apps.query(
        `INSERT INTO applications.applications (applicant_id, call_id, state, form, created_at, updated_at)
         VALUES ($1, $2, 'draft', $3, $4, $4)`,
        [ids.applicant, result.callId, JSON.stringify(DEMO_DRAFT), now],
      );
    }

    await apps.query('COMMIT');
    print(
      `Demo centre: OWES Płock — call ${result.callNumber} (${result.callId}), programme ${result.programmeId}`,
    );
    print(
      result.created
        ? 'Created the programme, the call and the evaluation committee.'
        : 'The demo data was already there.',
    );
    if (passwords.length > 0) {
      print('Accounts (passwords are shown only now):');
      for (const { account, password } of passwords) {
        print(
          `  ${account.role.padEnd(9)} ${account.email.padEnd(32)} ${password}${account.chair ? '   (committee chair)' : ''}`,
        );
      }
    } else {
      print('Accounts exist already (their passwords were printed when they were created).');
    }
  } catch (error) {
    await apps.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await apps.end();
  }
}
