import { jest } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { ParsedMail } from 'mailparser';
import { CENTRE_SUBJECTS, CentreScope, DEFAULT_CENTRE_ID, ManualClock } from '@app/common';
import { applicationForm, PESELS } from '../../apps/applications/test/form-fixtures.js';
import type { Service } from '../../tools/src/database-config.js';
import { startPlatform, type Platform } from '../support/platform.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { expectEventually } from '../support/eventually.js';
import { platformSettled } from '../support/drain.js';
import {
  callRequest,
  declareAndScore,
  waitForAssignments,
  type Account,
  type Platform as GrantsPlatform,
} from '../support/grants-fixtures.js';

jest.setTimeout(90_000);

/** Warsaw wall time in winter. */
const warsaw = (day: string, time = '09:00:00') => new Date(`${day}T${time}+01:00`);
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** Mail text with the non-breaking spaces of money and dates made plain. */
const plain = (s: string | false | undefined) => String(s || '').replace(/[\u00a0\u202f]/g, ' ');
const recipients = (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) =>
    a.value.map((v) => (v.address ?? '').toLowerCase()),
  );
const mailsTo = (smtp: TestSmtp, address: string) =>
  smtp.messages.filter((m) => recipients(m).includes(address.toLowerCase()));
const wholeOf = (m: ParsedMail) =>
  `${m.subject}\n${m.text}\n${String(m.html)}\n${JSON.stringify([...m.headers])}`;

/** What a centre is, as the platform administrator writes it. */
interface CentreSpec {
  name: string;
  counties: string[];
  /** Where its applicant's enterprise is, and its calls run. */
  county: string;
  senderName: string;
  senderEmail: string;
  signature: string;
  mailbox: string;
  contactEmail: string;
  programme: string;
  enterprise: string;
  targets: Record<string, number>;
}

const GORZOW: CentreSpec = {
  name: 'Ośrodek Wsparcia Ekonomii Społecznej w Gorzowie Wielkopolskim',
  counties: ['0801', '0861', '0803', '0805', '0806', '0807'],
  county: '0861',
  senderName: 'OWES Gorzów Wielkopolski',
  senderEmail: 'nabory@owes-gorzow.example.pl',
  signature: 'Zespół OWES Gorzów Wielkopolski\nul. Chrobrego 31, 66-400 Gorzów Wlkp.',
  mailbox: 'operatorzy@owes-gorzow.example.pl',
  contactEmail: 'kontakt@owes-gorzow.example.pl',
  programme: 'Program OWES Gorzów 2024–2027',
  enterprise: 'Spółdzielnia Socjalna „Nad Wartą”',
  targets: {
    groupsSupported: 8,
    enterprisesStrengthened: 4,
    enterprisesCreated: 3,
    jobsCreated: 20,
  },
};

const ZIELONA_GORA: CentreSpec = {
  name: 'Ośrodek Wsparcia Ekonomii Społecznej w Zielonej Górze',
  counties: ['0802', '0804', '0808', '0812', '0809', '0862', '0810', '0811'],
  county: '0862',
  senderName: 'OWES Zielona Góra',
  senderEmail: 'nabory@owes-zg.example.pl',
  signature: 'Zespół OWES Zielona Góra\nul. Kupiecka 12, 65-426 Zielona Góra',
  mailbox: 'biuro@owes-zg.example.pl',
  contactEmail: 'kontakt@owes-zg.example.pl',
  programme: 'Program OWES Zielona Góra 2024–2027',
  enterprise: 'Spółdzielnia Socjalna „Winne Wzgórza”',
  targets: {
    groupsSupported: 10,
    enterprisesStrengthened: 5,
    enterprisesCreated: 4,
    jobsCreated: 30,
  },
};

const centreBody = (c: CentreSpec, accreditationNumber: string) => ({
  name: c.name,
  accreditationNumber,
  voivodeship: '08',
  counties: c.counties,
  address: c.signature.split('\n')[1],
  contactEmail: c.contactEmail,
  contactPhone: '+48 68 000 00 00',
  senderName: c.senderName,
  senderEmail: c.senderEmail,
  signature: c.signature,
  operatorsMailbox: [c.mailbox],
});

/** What one centre ran: its staff, programme, call, applicant and what came of the application. */
interface Side {
  spec: CentreSpec;
  id: string;
  operator: Account;
  applicant: Account;
  evaluators: Account[];
  programmeId: string;
  callId: string;
  applicationId: string;
  reference: string;
  decisionId: string;
  awardId: string;
  awardAmount: number;
  evaluationIds: string[];
  dueDate: string;
}

function check(response: { status: number; body: unknown }, status: number, what: string): any {
  if (response.status !== status)
    throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const PAID = 150_000;
const OPERATOR_EMAILS = 'instalacja@owes-instalacja.example.pl';

/**
 * Issue 12, "Done when": two centres of Lubuskie (Gorzów Wielkopolski, which centre no. 1 becomes,
 * and Zielona Góra) run calls side by side in one installation — the three real services over
 * HTTP, NATS and Postgres, an SMTP server inside the test — from the call to the first payment,
 * and no data crosses the wall: HTTP, events, e-mails, CSVs, indicators, and the database itself
 * (docs/tenancy.md#how-the-walls-are-tested); the coordinator of Lubuskie sees both centres'
 * figures against their targets, the coordinator of Mazowieckie neither.
 */
describe('two centres side by side in one installation', () => {
  let platform: Platform;
  let smtp: TestSmtp;
  const clock = new ManualClock(warsaw('2027-01-04', '10:00:00'));
  let admin: { token: string };
  let lubuskie: string;
  let mazowieckie: string;
  let gw: Side;
  let zg: Side;
  const started = Date.now();
  const step = (what: string) => {
    if (process.env.TENANCY_DEBUG) process.stderr.write(`${Date.now() - started} ms: ${what}\n`);
  };

  /** A query as the superuser (row-level security does not bind it) on the test database. */
  async function superuser<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    const url = new URL(platform.db.layout.adminUrl);
    url.pathname = `/${platform.db.layout.database}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  const login = async (who: { email: string; password: string }) =>
    check(
      await platform.api.applications.post('/api/auth/login', {
        email: who.email,
        password: who.password,
      }),
      200,
      'login',
    ).accessToken as string;

  /** Waits until grants and notifications hold the centre at (at least) this version. */
  const centreKnown = (id: string, version: number) =>
    expectEventually(
      async () => {
        for (const schema of ['grants', 'notifications']) {
          const [row] = await superuser(`SELECT version FROM ${schema}.centres WHERE id = $1`, [
            id,
          ]);
          expect([schema, (row?.version ?? 0) >= version]).toEqual([schema, true]);
        }
      },
      { timeoutMs: 15_000 },
    );

  beforeAll(async () => {
    smtp = await startSmtp();
    platform = await startPlatform({
      clock,
      env: {
        grants: { SCHEDULER_INTERVAL_MS: '3600000' },
        notifications: {
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(smtp.port),
          SMTP_SECURE: 'false',
          OPERATOR_EMAILS,
          REMINDERS_POLL_MS: '3600000',
        },
      },
    });
    const { applications, grants } = platform.api;
    const grantsView = { prefix: platform.prefix, api: grants } as unknown as GrantsPlatform;
    step('platform');

    // 1. The platform administrator makes centre no. 1 Gorzów and creates Zielona Góra.
    admin = await platform.account('platform-admin', { name: 'Patrycja Platformowa' });
    const patched = check(
      await applications.patch(
        `/api/centres/${DEFAULT_CENTRE_ID}`,
        centreBody(GORZOW, 'AKCES/08/2024/1'),
        admin.token,
      ),
      200,
      'centre no. 1 → Gorzów',
    );
    const created = check(
      await applications.post(
        '/api/centres',
        centreBody(ZIELONA_GORA, 'AKCES/08/2024/2'),
        admin.token,
      ),
      201,
      'Zielona Góra',
    );
    await centreKnown(DEFAULT_CENTRE_ID, patched.version);
    await centreKnown(created.id, created.version);
    step('centres');

    const coordinator = async (name: string, voivodeship: string) => {
      const account = await platform.account('coordinator', { name });
      check(
        await applications.put(
          `/api/users/${account.id}/coordinator-scope`,
          { voivodeship },
          admin.token,
        ),
        200,
        `coordinator ${voivodeship}`,
      );
      return login(account);
    };
    lubuskie = await coordinator('Konrad Lubuski', '08');
    mazowieckie = await coordinator('Maria Mazowiecka', '14');

    // 2. Each centre: programme, call, pool, an applicant of its area who applies.
    const side = async (spec: CentreSpec, id: string, tag: string): Promise<Side> => {
      const operator = await platform.account('operator', {
        name: `Operator ${tag}`,
        centres: [id],
      });
      const applicant = await platform.account('applicant', { name: `Wnioskodawca ${tag}` });
      const evaluators: Account[] = [];
      for (const name of [`Oceniający ${tag} 1`, `Oceniający ${tag} 2`])
        evaluators.push({ ...(await platform.account('evaluator', { name })), name });
      const op = operator.token;
      const programmeId = check(
        await grants.post(
          '/api/programmes',
          {
            name: spec.programme,
            counties: spec.counties,
            yearlyBudgets: [{ year: 2027, amount: 42_388_633 }],
            targets: spec.targets,
          },
          op,
        ),
        201,
        `programme ${tag}`,
      ).id as string;
      const callId = check(
        await grants.post(
          '/api/calls',
          callRequest({
            number: `NAB/${tag}/2027`,
            programmeId,
            counties: [spec.county],
            evaluationTermWorkingDays: 5,
          }),
          op,
        ),
        201,
        `call ${tag}`,
      ).id as string;
      check(await grants.post(`/api/calls/${callId}/publish`, {}, op), 200, `publish ${tag}`);
      for (const [i, e] of evaluators.entries()) {
        check(
          await grants.post(
            `/api/calls/${callId}/evaluators`,
            { userId: e.id, email: e.email, name: e.name, trainerOrAdviser: false, chair: i === 0 },
            op,
          ),
          200,
          `pool ${tag}`,
        );
      }
      await expectEventually(async () =>
        check(await applications.get(`/api/calls/${callId}`), 200, `call ${tag} in applications`),
      );
      return {
        spec,
        id,
        operator: { ...operator, name: `Operator ${tag}` },
        applicant: { ...applicant, name: `Wnioskodawca ${tag}` },
        evaluators,
        programmeId,
        callId,
      } as unknown as Side;
    };
    gw = await side(GORZOW, DEFAULT_CENTRE_ID, 'GW');
    zg = await side(ZIELONA_GORA, created.id, 'ZG');
    step('calls');

    clock.set(warsaw('2027-01-05', '10:00:00'));
    for (const s of [gw, zg]) {
      const form = applicationForm(1);
      form.applicant = {
        ...form.applicant,
        name: s.spec.enterprise,
        county: s.spec.county,
        address: s.spec.signature.split('\n')[1]!,
      };
      for (const j of form.jobs) j.person = { ...j.person, county: s.spec.county };
      // Not the same people in both centres' applications.
      form.jobs[0]!.person.pesel = s === gw ? PESELS[5]! : PESELS[6]!;
      const draft = check(
        await applications.post('/api/applications', { callId: s.callId, form }, s.applicant.token),
        201,
        'draft',
      );
      const submitted = check(
        await applications.post(`/api/applications/${draft.id}/submit`, {}, s.applicant.token),
        200,
        'submit',
      );
      s.applicationId = draft.id;
      s.reference = submitted.reference;
      check(
        await applications.post(
          `/api/applications/${draft.id}/formal-check`,
          { result: 'accepted' },
          s.operator.token,
        ),
        200,
        'formal check',
      );
    }
    for (const s of [gw, zg]) {
      const assigned = await waitForAssignments(grantsView, s.evaluators, s.applicationId, 2);
      s.evaluationIds = assigned.map((a) => a.evaluation.id);
      s.dueDate = assigned[0]!.evaluation.dueDate;
    }
    step('assigned');

    // The evaluations are late: the scheduler tells each centre's operators' mailbox.
    const late = [gw.dueDate, zg.dueDate].sort().at(-1)!;
    clock.set(warsaw(dayAfter(late)));
    check(await grants.post('/api/monitoring/run', {}, zg.operator.token), 200, 'monitoring');
    await platformSettled(platform, clock.now());
    step('overdue');

    for (const s of [gw, zg]) {
      const assigned = await waitForAssignments(grantsView, s.evaluators, s.applicationId, 2);
      for (const { evaluator, evaluation } of assigned)
        await declareAndScore(grantsView, evaluator, evaluation.id, s === gw ? 85 : 90);
    }
    await expectEventually(async () => {
      const [row] = await superuser(
        `SELECT count(*)::int AS n FROM grants.applications WHERE evaluation_stage = 'final'`,
      );
      expect(row.n).toBe(2);
    });
    step('scored');

    // The calls closed on 20 January: rankings, awards, agreements, payments.
    const day = late >= '2027-01-21' ? dayAfter(late) : '2027-01-21';
    clock.set(warsaw(day, '10:00:00'));
    check(
      await grants.post(
        '/api/exchange-rates',
        { validFrom: day, plnPerEur: '4.2000' },
        gw.operator.token,
      ),
      201,
      'exchange rate',
    );
    for (const s of [gw, zg]) {
      const op = s.operator.token;
      check(await grants.post(`/api/calls/${s.callId}/ranking/approve`, {}, op), 200, 'approve');
      const [decision] = check(
        await grants.get(`/api/decisions?callId=${s.callId}`, op),
        200,
        'decisions',
      ).items;
      s.decisionId = decision.id;
      const [award] = check(
        await grants.get(`/api/awards?callId=${s.callId}`, op),
        200,
        'awards',
      ).items;
      s.awardId = award.id;
      s.awardAmount = award.amount;
      check(
        await grants.post(
          `/api/awards/${award.id}/agreement`,
          {
            signedOn: day,
            security: { kind: 'blank-promissory-note', declarationSigned: true },
            deMinimisCertificateNumber: `DM/2027/${s === gw ? 'GW' : 'ZG'}`,
          },
          op,
        ),
        200,
        'agreement',
      );
      check(
        await grants.post(
          `/api/awards/${award.id}/payments`,
          { kind: 'tranche', amount: PAID, paidOn: day },
          op,
        ),
        201,
        'payment',
      );
    }
    await platformSettled(platform, clock.now());
    step('paid');
  });

  afterAll(async () => {
    await platform?.close();
    await smtp?.close();
  });

  it('answers the Zielona Góra operator 404 for every Gorzów resource over HTTP, and the other way round', async () => {
    const { applications, notifications } = platform.api;
    const gwDelivery = check(
      await notifications.get(
        `/api/deliveries?recipient=${encodeURIComponent(gw.applicant.email)}`,
        gw.operator.token,
      ),
      200,
      'Gorzów deliveries',
    ).items[0];
    expect(gwDelivery?.centreId).toBe(gw.id);

    const resources = (s: Side): [keyof Platform['api'], string, string, unknown?][] => [
      ['applications', 'GET', `/api/applications/${s.applicationId}`],
      ['applications', 'GET', `/api/applications/${s.applicationId}/versions`],
      ['applications', 'GET', `/api/applications/${s.applicationId}/conflicts`],
      ['grants', 'GET', `/api/programmes/${s.programmeId}`],
      ['grants', 'GET', `/api/calls/${s.callId}`],
      ['grants', 'GET', `/api/calls/${s.callId}/evaluators`],
      ['grants', 'GET', `/api/calls/${s.callId}/ranking`],
      ['grants', 'GET', `/api/calls/${s.callId}/ranking?format=csv`],
      ['grants', 'GET', `/api/decisions/${s.decisionId}`],
      ['grants', 'GET', `/api/awards/${s.awardId}`],
    ];
    const ask = (service: keyof Platform['api'], method: string, path: string, token: string) =>
      platform.api[service].call(method, path, { token });

    for (const [service, method, path] of resources(gw)) {
      const foreign = await ask(service, method, path, zg.operator.token);
      expect([service, path, foreign.status]).toEqual([service, path, 404]);
      expect(JSON.stringify(foreign.body ?? '')).not.toContain(gw.reference);
      // a positive sign: Gorzów's own operator reads it
      const own = await ask(service, method, path, gw.operator.token);
      expect([service, path, own.status]).toEqual([service, path, 200]);
    }
    // and the other way round
    for (const [service, method, path] of resources(zg)) {
      const foreign = await ask(service, method, path, gw.operator.token);
      expect([service, path, foreign.status]).toEqual([service, path, 404]);
    }

    // writes: refused as not found, and nothing changed
    const writes: [keyof Platform['api'], string, unknown][] = [
      [
        'applications',
        `/api/applications/${gw.applicationId}/formal-check`,
        { result: 'accepted' },
      ],
      ['grants', `/api/calls/${gw.callId}/ranking/approve`, {}],
      [
        'grants',
        `/api/awards/${gw.awardId}/payments`,
        { kind: 'tranche', amount: 100, paidOn: '2027-01-21' },
      ],
      ['notifications', `/api/deliveries/${gwDelivery.id}/resend`, {}],
    ];
    for (const [service, path, body] of writes) {
      const res = await platform.api[service].post(path, body, zg.operator.token);
      expect([service, path, res.status]).toEqual([service, path, 404]);
    }
    expect(
      await superuser(`SELECT amount FROM grants.payments WHERE award_id = $1`, [gw.awardId]),
    ).toEqual([{ amount: String(PAID) }]);
    expect(
      await superuser(`SELECT state FROM applications.applications WHERE id = $1`, [
        gw.applicationId,
      ]),
    ).toEqual([{ state: 'formally-accepted' }]);

    // lists hold only Zielona Góra's rows
    const op = zg.operator.token;
    const ids = async (service: keyof Platform['api'], path: string) =>
      (check(await platform.api[service].get(path, op), 200, path).items as { id: string }[]).map(
        (i) => i.id,
      );
    expect(await ids('applications', '/api/applications')).toEqual([zg.applicationId]);
    expect(await ids('grants', '/api/calls')).toEqual([zg.callId]);
    expect(await ids('grants', '/api/programmes')).toEqual([zg.programmeId]);
    expect(await ids('grants', '/api/decisions')).toEqual([zg.decisionId]);
    expect(await ids('grants', '/api/awards')).toEqual([zg.awardId]);
    const deliveries = check(
      await notifications.get('/api/deliveries?pageSize=100', op),
      200,
      'deliveries',
    );
    expect(deliveries.items.length).toBeGreaterThan(0);
    expect(new Set(deliveries.items.map((d: { centreId: string }) => d.centreId))).toEqual(
      new Set([zg.id]),
    );
    const text = JSON.stringify(deliveries);
    for (const foreign of [gw.applicant.email, gw.reference, GORZOW.mailbox])
      expect(text).not.toContain(foreign);
    const reminders: { centreId: string }[] = [];
    for (const status of ['pending', 'sent', 'cancelled', 'expired'])
      reminders.push(
        ...check(
          await notifications.get(`/api/reminders?status=${status}&pageSize=100`, op),
          200,
          'reminders',
        ).items,
      );
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((r) => r.centreId === zg.id)).toBe(true);
    expect(JSON.stringify(reminders)).not.toContain(gw.reference);
    // the applicant, of the installation, still sees their own across the wall
    expect(
      (await applications.get(`/api/applications/${gw.applicationId}`, gw.applicant.token)).status,
    ).toBe(200);
  });

  it('names in every event of the three outboxes the centre of the call or application it is about', async () => {
    const centreOf = new Map<string, string>();
    for (const s of [gw, zg]) {
      for (const id of [s.callId, s.applicationId, s.awardId, s.decisionId, s.programmeId])
        centreOf.set(id, s.id);
      for (const id of s.evaluationIds) centreOf.set(id, s.id);
      centreOf.set(s.reference, s.id);
    }
    // as published: the subject column beside the envelope's payload
    const events: { schema: string; subject: string; payload: any }[] = [];
    for (const schema of ['applications', 'grants', 'notifications'])
      events.push(
        ...(
          await superuser<{ subject: string; envelope: { payload: any } }>(
            `SELECT subject, envelope FROM ${schema}.outbox ORDER BY seq`,
          )
        ).map((r) => ({ schema, subject: r.subject, payload: r.envelope.payload })),
      );
    const subjects = CENTRE_SUBJECTS as readonly string[];
    const about = (payload: Record<string, unknown>) =>
      ['callId', 'applicationId', 'awardId', 'decisionId', 'evaluationId', 'reference']
        .map((k) => payload[k])
        .filter((v): v is string => typeof v === 'string' && centreOf.has(v));

    const walled = events.filter((e) => subjects.includes(e.subject));
    const problems: string[] = [];
    for (const { schema, subject, payload } of walled) {
      const keys = about(payload);
      if (!payload.centreId) problems.push(`${schema} ${subject}: no centreId`);
      else if (keys.length === 0) problems.push(`${schema} ${subject}: about nothing known`);
      for (const key of keys)
        if (payload.centreId !== centreOf.get(key))
          problems.push(
            `${schema} ${subject}: ${key} is of ${centreOf.get(key)}, says ${payload.centreId}`,
          );
    }
    expect(problems).toEqual([]);
    step(`${walled.length} centre events checked, ${events.length} in all`);
    // the flow did emit them, for both centres
    const seen = new Set(walled.map((e) => `${e.subject} ${e.payload.centreId}`));
    for (const s of [gw, zg])
      for (const subject of [
        'applications.application.submitted',
        'applications.application.formally-accepted',
        'grants.call.published',
        'grants.evaluation.assigned',
        'grants.evaluation.overdue',
        'grants.evaluation.submitted',
        'grants.ranking.published',
        'grants.award.granted',
        'grants.agreement.signed',
        'grants.payment.made',
      ])
        expect(seen).toContain(`${subject} ${s.id}`);

    // e-mail outcomes of a centre's letter name the centre too
    const outcomes = events.filter((e) => e.subject.startsWith('notifications.email.'));
    expect(outcomes.length).toBeGreaterThan(0);
    const people = new Map<string, string>();
    for (const s of [gw, zg]) {
      for (const who of [s.applicant, ...s.evaluators]) people.set(who.email.toLowerCase(), s.id);
      people.set(s.spec.mailbox, s.id);
    }
    for (const { payload: p } of outcomes) {
      const expected = people.get(p.recipient.toLowerCase()) ?? centreOf.get(p.reference ?? '');
      expect([p.recipient, p.centreId]).toEqual([p.recipient, expected]);
    }
  });

  it('sends each applicant’s letters from their centre, signed and named by it, never by the other; escalations to its mailbox only', async () => {
    for (const [s, other] of [
      [gw, zg],
      [zg, gw],
    ] as const) {
      const letters = [
        ...mailsTo(smtp, s.applicant.email),
        ...s.evaluators.flatMap((e) => mailsTo(smtp, e.email)),
      ];
      // submitted, accepted, ranking/award… for the applicant; assigned, overdue for evaluators
      expect(mailsTo(smtp, s.applicant.email).length).toBeGreaterThanOrEqual(3);
      for (const mail of letters) {
        const what = `${recipients(mail).join(',')}: ${mail.subject}`;
        expect([what, mail.from?.value[0]]).toEqual([
          what,
          { name: s.spec.senderName, address: s.spec.senderEmail },
        ]);
        expect([what, mail.replyTo?.value[0]?.address]).toEqual([what, s.spec.contactEmail]);
        const text = plain(mail.text);
        expect([what, text.trimEnd().includes(`\n${s.spec.signature}`)]).toEqual([what, true]);
        expect(text).toContain(s.spec.name);
        const whole = wholeOf(mail);
        for (const foreign of [
          other.spec.name,
          other.spec.senderEmail,
          other.spec.signature.split('\n')[1]!,
          other.spec.mailbox,
          other.reference,
          other.spec.enterprise,
          'owes-instalacja',
        ])
          expect([what, whole.includes(foreign)]).toEqual([what, false]);
      }
      // the text ends with the signature (before the automatic footer)
      const [first] = mailsTo(smtp, s.applicant.email);
      expect(plain(first!.text)).toContain(`Z poważaniem\n${s.spec.signature}`);

      // escalations: the overdue evaluations went to this centre's mailbox, about its own only
      const escalations = mailsTo(smtp, s.spec.mailbox);
      expect(escalations.length).toBeGreaterThan(0);
      for (const mail of escalations) {
        expect(mail.from?.value[0]?.address).toBe(s.spec.senderEmail);
        expect(wholeOf(mail)).toContain(s.reference);
        expect(wholeOf(mail)).not.toContain(other.reference);
        expect(recipients(mail)).not.toContain(other.spec.mailbox);
      }
    }
    step(
      smtp.messages
        .map((m) => `${recipients(m).join(',')} ← ${m.from?.value[0]?.address}: ${m.subject}`)
        .join('\n'),
    );
    // nothing of a centre went to the installation's fallback mailbox
    expect(mailsTo(smtp, OPERATOR_EMAILS)).toEqual([]);
  });

  it('keeps Gorzów out of every CSV of the Zielona Góra operator', async () => {
    const { applications, grants } = platform.api;
    const op = zg.operator.token;
    const csvs = {
      export: check(await applications.get('/api/applications/export.csv', op), 200, 'export'),
      ranking: check(await grants.get(`/api/calls/${zg.callId}/ranking?format=csv`, op), 200, 'r'),
      indicators: check(await grants.get('/api/indicators?format=csv', op), 200, 'indicators'),
    } as Record<string, string>;
    expect(csvs.export).toContain(zg.reference);
    expect(csvs.ranking).toContain(zg.reference);
    expect(csvs.indicators).toContain(ZIELONA_GORA.programme);
    for (const [name, csv] of Object.entries(csvs)) {
      expect(typeof csv).toBe('string');
      for (const foreign of [
        gw.reference,
        gw.applicationId,
        gw.callId,
        gw.programmeId,
        gw.awardId,
        GORZOW.name,
        GORZOW.programme,
        GORZOW.enterprise,
        gw.applicant.email,
        'Gorzów',
        'NAB/GW',
      ])
        expect([name, foreign, csv.includes(foreign)]).toEqual([name, foreign, false]);
    }
  });

  it('shows each operator only its programme, and the Lubuskie coordinator both centres against their targets and summed', async () => {
    const { grants } = platform.api;
    const row = (rows: { key: string }[], key: string) => rows.find((r) => r.key === key) as any;
    for (const s of [gw, zg]) {
      const items = check(await grants.get('/api/indicators', s.operator.token), 200, 'ind')
        .items as { centreId: string; programmeId: string | null; indicators: any[] }[];
      expect(items.every((i) => i.centreId === s.id)).toBe(true);
      const programmes = items.map((i) => i.programmeId).filter((p) => p !== null);
      expect(programmes).toEqual([s.programmeId]);
      const own = items.find((i) => i.programmeId === s.programmeId)!;
      expect(row(own.indicators, 'jobsCreated')).toMatchObject({
        actual: 1,
        target: s.spec.targets.jobsCreated,
      });
      expect(row(own.indicators, 'moneyPaid').actual).toBe(PAID);
    }

    const region = check(await grants.get('/api/region/indicators', lubuskie), 200, 'region');
    expect(region.centres.map((c: any) => [c.id, c.name, c.voivodeship])).toEqual([
      [gw.id, GORZOW.name, '08'],
      [zg.id, ZIELONA_GORA.name, '08'],
    ]);
    const [gwFigures, zgFigures] = region.centres;
    for (const [figures, s] of [
      [gwFigures, gw],
      [zgFigures, zg],
    ] as const) {
      expect(figures.programmes).toEqual([s.spec.programme]);
      for (const [key, target] of Object.entries(s.spec.targets))
        expect([key, row(figures.indicators, key).target]).toEqual([key, target]);
      expect(row(figures.indicators, 'jobsCreated').actual).toBe(1);
      expect(row(figures.indicators, 'moneyAwarded').actual).toBe(s.awardAmount);
      expect(row(figures.indicators, 'moneyPaid').actual).toBe(PAID);
    }
    for (const key of Object.keys(GORZOW.targets))
      expect([key, row(region.region.indicators, key).target]).toEqual([
        key,
        GORZOW.targets[key]! + ZIELONA_GORA.targets[key]!,
      ]);
    expect(row(region.region.indicators, 'jobsCreated').actual).toBe(2);
    expect(row(region.region.indicators, 'moneyAwarded').actual).toBe(
      gw.awardAmount + zg.awardAmount,
    );
    expect(row(region.region.indicators, 'moneyPaid').actual).toBe(2 * PAID);

    // Mazowieckie's coordinator: no centre of Lubuskie
    const maz = check(await grants.get('/api/region/indicators', mazowieckie), 200, 'maz');
    expect(maz.centres).toEqual([]);
    const mazText = JSON.stringify(maz);
    for (const foreign of [GORZOW.name, ZIELONA_GORA.name, gw.id, zg.id])
      expect(mazText).not.toContain(foreign);

    // no personal data in what the coordinator reads
    const csv = check(await grants.get('/api/region/indicators?format=csv', lubuskie), 200, 'csv');
    expect(csv).toContain(ZIELONA_GORA.name);
    for (const text of [JSON.stringify(region), csv as string]) {
      expect(text).not.toMatch(/@/);
      // no PESEL (11 digits) — the centres' ids are UUIDs, whose hex may hold 11 digits in a row
      const withoutIds = text.replace(/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}/gi, '');
      expect(withoutIds).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
      for (const s of [gw, zg]) {
        for (const personal of [
          s.reference,
          s.applicationId,
          s.spec.enterprise,
          s.applicant.name,
          s.applicant.email,
          ...s.evaluators.flatMap((e) => [e.name, e.email]),
          s.operator.name,
        ])
          expect([personal, text.includes(personal)]).toEqual([personal, false]);
      }
    }
  });

  it('lets a deliberately unfiltered query inside a Zielona Góra transaction see no Gorzów row in any walled table', async () => {
    const policies = await superuser<{ schemaname: Service; tablename: string; qual: string }>(
      `SELECT schemaname, tablename, qual FROM pg_policies WHERE policyname = 'centre_wall'
        ORDER BY schemaname, tablename`,
    );
    // The column each wall reads (centre_id; a centre's own record in grants: id), from the
    // policy itself, so a new walled table joins this test by itself.
    const walled = policies.map((p) => ({
      ...p,
      column: /\(?(\w+) = ANY/.exec(p.qual)?.[1] ?? 'centre_id',
    }));
    expect(walled.length).toBeGreaterThan(15);
    expect(new Set(walled.map((w) => w.schemaname))).toEqual(
      new Set(['applications', 'grants', 'notifications']),
    );
    const column = new Map(walled.map((w) => [`${w.schemaname}.${w.tablename}`, w.column]));
    const unfiltered = (scope: string[], schema: Service, table: string) => {
      const dataSource = platform.apps[schema]!.get(DataSource);
      const col = column.get(`${schema}.${table}`) ?? 'centre_id';
      return CentreScope.run(scope, () =>
        dataSource.transaction(
          (m) =>
            m.query(`SELECT ${col} AS centre_id FROM ${schema}.${table}`) as Promise<
              { centre_id: string }[]
            >,
        ),
      );
    };
    const leaks: string[] = [];
    const seen = new Map<string, number>();
    for (const { schemaname, tablename } of walled) {
      const rows = await unfiltered([zg.id], schemaname, tablename);
      const foreign = rows.filter((r) => r.centre_id !== zg.id);
      if (foreign.length > 0) leaks.push(`${schemaname}.${tablename}: ${foreign.length} rows`);
      seen.set(`${schemaname}.${tablename}`, rows.length);
    }
    expect(leaks).toEqual([]);
    step([...seen].map(([t, n]) => `${t}: ${n}`).join(', '));

    // positive signs: each centre sees its own rows in the main tables, so the check can fail
    const main = [
      'applications.applications',
      'applications.application_versions',
      'grants.programmes',
      'grants.calls',
      'grants.applications',
      'grants.call_evaluators',
      'grants.evaluations',
      'grants.decisions',
      'grants.awards',
      'grants.award_jobs',
      'grants.payments',
      'notifications.deliveries',
    ];
    for (const table of main) {
      expect([table, walled.some((w) => `${w.schemaname}.${w.tablename}` === table)]).toEqual([
        table,
        true,
      ]);
      expect([table, (seen.get(table) ?? 0) > 0]).toEqual([table, true]);
      const [schema, name] = table.split('.') as [Service, string];
      const gwRows = await unfiltered([gw.id], schema, name);
      expect([table, gwRows.length > 0]).toEqual([table, true]);
      expect([table, gwRows.every((r) => r.centre_id === gw.id)]).toEqual([table, true]);
      const [{ n }] = await superuser(
        `SELECT count(*)::int AS n FROM ${table} WHERE centre_id = $1`,
        [gw.id],
      );
      expect([table, gwRows.length]).toEqual([table, n]);
    }
  });
});
