import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { EntityManager } from 'typeorm';
import { createServiceDataSource, MESSAGING_ENTITIES, type EventEnvelope } from '@app/common';
import { APPLICATIONS_ENTITIES } from '../../apps/applications/src/entities.js';
import { Centre } from '../../apps/applications/src/centres/centre.entity.js';
import {
  createCentre,
  joinCentres,
  updateCentre,
} from '../../apps/applications/src/centres/centres.store.js';
import { DEMO_CENTRES, type DemoCentre } from './demo-centres.js';
import { GRANTS_ENTITIES } from '../../apps/grants/src/entities.js';
import { seedDemo } from '../../apps/grants/src/demo/seed.js';
import { upsertPublishedCall } from '../../apps/applications/src/calls/calls.read-model.js';
import type { DatabaseLayout } from './database-config.js';

interface DemoAccount {
  key: string;
  email: string;
  name: string;
  role: 'operator' | 'admin' | 'evaluator' | 'applicant' | 'coordinator' | 'platform-admin';
  chair?: boolean;
  /** Staff: the demo centre (DEMO_CENTRES key) they work for. */
  centre?: DemoCentre['key'];
  /** Coordinator: the voivodeship (TERYT) of their region. */
  voivodeship?: string;
}

const ACCOUNTS: DemoAccount[] = [
  {
    key: 'operator',
    email: 'operator@owes-plock.demo',
    name: 'Katarzyna Operatorka',
    role: 'operator',
    centre: 'plock',
  },
  {
    key: 'centreAdmin',
    email: 'kierownik@owes-plock.demo',
    name: 'Tomasz Kierownik',
    role: 'admin',
    centre: 'plock',
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
  {
    key: 'operator-sub1',
    email: 'operator@owes-sub1.demo',
    name: 'Tomasz Warszawski',
    role: 'operator',
    centre: 'sub1',
  },
  {
    key: 'operator-zielona-gora',
    email: 'operator@owes-zielonagora.demo',
    name: 'Joanna Zielińska',
    role: 'operator',
    centre: 'zielona-gora',
  },
  {
    key: 'operator-gorzow',
    email: 'operator@owes-gorzow.demo',
    name: 'Paweł Gorzowski',
    role: 'operator',
    centre: 'gorzow',
  },
  {
    key: 'coordinator-14',
    email: 'koordynator@mazowsze.demo',
    name: 'Małgorzata Mazowiecka',
    role: 'coordinator',
    voivodeship: '14',
  },
  {
    key: 'coordinator-08',
    email: 'koordynator@lubuskie.demo',
    name: 'Leszek Lubuski',
    role: 'coordinator',
    voivodeship: '08',
  },
  {
    key: 'platform-admin',
    email: 'administrator@owes.demo',
    name: 'Adam Administrator',
    role: 'platform-admin',
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
 * The demo's centres in applications (centre no. 1 becomes OWES Płock; the others are created),
 * each announced by `applications.centre.changed` through the outbox like the HTTP API does.
 * Found again by accreditation number, so a second run changes nothing. Returns their ids by key.
 */
async function seedCentres(
  manager: EntityManager,
  now: Date,
): Promise<Record<DemoCentre['key'], string>> {
  const ids = {} as Record<DemoCentre['key'], string>;
  for (const { key, centre } of DEMO_CENTRES) {
    const found = await manager.findOne(Centre, {
      where: { accreditationNumber: centre.accreditationNumber },
    });
    if (found) {
      ids[key] = found.id;
      continue;
    }
    if (centre.id && (await manager.findOne(Centre, { where: { id: centre.id } }))) {
      const { id, ...patch } = centre;
      ids[key] = (await updateCentre(manager, id, patch, now))!.id;
    } else {
      ids[key] = (await createCentre(manager, centre, now)).id;
    }
  }
  return ids;
}

/**
 * `npm run cli -- demo:seed` (docs/product.md#demo-data): four centres — OWES Płock with its
 * programme, an open unit-rate call with five criteria, its operator and centre admin, three evaluators (one chair)
 * and an applicant with a draft; Mazovia's subregion 1 and Lubuskie's Zielona Góra and Gorzów
 * with their programmes and an operator each — a coordinator for Mazowieckie and one for
 * Lubuskie, and a platform administrator. Idempotent: a second run creates nothing and prints no
 * passwords (they are shown once).
 */
export async function demoSeed(
  layout: DatabaseLayout,
  now: Date,
  print: (line: string) => void,
): Promise<void> {
  const apps = createServiceDataSource({
    url: layout.urls.applications,
    schema: 'applications',
    entities: [...APPLICATIONS_ENTITIES, ...MESSAGING_ENTITIES],
    migrations: [],
    poolSize: 2,
    applicationName: 'owes-demo-seed',
  });
  await apps.initialize();
  const ids: Record<string, string> = {};
  const passwords: { account: DemoAccount; password: string }[] = [];
  try {
    // The accounts are committed only with the rest, so their passwords are never lost to a
    // failed run (the grants part is idempotent and simply runs again).
    await apps.transaction(async (manager) => {
      const centres = await seedCentres(manager, now);
      for (const account of ACCOUNTS) {
        const existing: { id: string }[] = await manager.query(
          'SELECT id FROM applications.users WHERE email = $1',
          [account.email],
        );
        if (existing.length > 0) {
          ids[account.key] = existing[0]!.id;
          continue;
        }
        const password = `${randomBytes(9).toString('base64url')}-7a`;
        const hash = await argon2.hash(password, { type: argon2.argon2id });
        const created: { id: string }[] = await manager.query(
          `INSERT INTO applications.users (email, password_hash, role, full_name, language, email_verified_at)
           VALUES ($1, $2, $3, $4, 'pl', now()) RETURNING id`,
          [account.email, hash, account.role, account.name],
        );
        const id = created[0]!.id;
        ids[account.key] = id;
        passwords.push({ account, password });
        if (account.centre) await joinCentres(manager, id, [centres[account.centre]]);
        if (account.voivodeship) {
          await manager.query(
            `INSERT INTO applications.coordinator_scopes (user_id, voivodeship) VALUES ($1, $2)
             ON CONFLICT (user_id) DO NOTHING`,
            [id, account.voivodeship],
          );
        }
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
          centreId: centres.plock,
          otherProgrammes: DEMO_CENTRES.flatMap((c) =>
            c.programmes.map((p) => ({ ...p, centreId: centres[c.key] })),
          ),
          operatorId: ids.operator!,
          evaluators: ACCOUNTS.filter((a) => a.role === 'evaluator').map((a) => ({
            userId: ids[a.key]!,
            email: a.email,
            name: a.name,
            chair: a.chair,
          })),
        });
        // applications learns of the call from grants.call.published once grants runs; the
        // draft needs it now, so the same upsert its consumer does is applied here from that
        // event (with its own function: no second copy of the SQL).
        const events: { envelope: EventEnvelope<'grants.call.published'> }[] = await grants.query(
          `SELECT envelope FROM grants.outbox WHERE subject = 'grants.call.published'
             AND envelope->'payload'->>'callId' = $1 ORDER BY created_at DESC LIMIT 1`,
          [result.callId],
        );
        const event = events[0]?.envelope;
        if (event) await upsertPublishedCall(manager, event.payload);
      } finally {
        await grants.destroy();
      }
      const draft: unknown[] = await manager.query(
        `SELECT id FROM applications.applications WHERE applicant_id = $1 AND call_id = $2`,
        [ids.applicant, result.callId],
      );
      if (draft.length === 0) {
        await manager.query(
          `INSERT INTO applications.applications (applicant_id, call_id, centre_id, state, form, created_at, updated_at)
           VALUES ($1, $2, $3, 'draft', $4, $5, $5)`,
          [ids.applicant, result.callId, centres.plock, JSON.stringify(DEMO_DRAFT), now],
        );
      }

      print('Demo centres:');
      for (const c of DEMO_CENTRES)
        print(`  ${c.centre.name} (${c.centre.voivodeship}) — ${centres[c.key]}`);
      print(
        `OWES Płock: call ${result.callNumber} (${result.callId}), programme ${result.programmeId}`,
      );
      print(
        result.created
          ? 'Created the programmes, the call and the evaluation committee.'
          : 'The demo data was already there.',
      );
    });
    if (passwords.length > 0) {
      print('Accounts (passwords are shown only now):');
      for (const { account, password } of passwords) {
        const note = account.chair
          ? '   (committee chair)'
          : account.centre
            ? `   (${DEMO_CENTRES.find((c) => c.key === account.centre)!.centre.name})`
            : account.voivodeship
              ? `   (voivodeship ${account.voivodeship})`
              : '';
        print(`  ${account.role.padEnd(14)} ${account.email.padEnd(34)} ${password}${note}`);
      }
    } else {
      print('Accounts exist already (their passwords were printed when they were created).');
    }
  } finally {
    await apps.destroy();
  }
}
