import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { ParsedMail } from 'mailparser';
import {
  CentreScope,
  DEFAULT_CENTRE_ID,
  MESSAGING_ENTITIES,
  ManualClock,
  createServiceDataSource,
  dropDatabase,
  provisionDatabase,
  type EventPayload,
} from '@app/common';
import { NOTIFICATIONS_MIGRATIONS } from '../../apps/notifications/src/migrations/index.js';
import { NOTIFICATIONS_ENTITIES } from '../../apps/notifications/src/entities.js';
import { databaseLayout, SERVICES } from '../../tools/src/database-config.js';
import { migrateService } from '../../tools/src/migrate.js';
import { expectEventually } from '../support/eventually.js';
import { ADMIN_URL, uniqueId } from '../support/database.js';
import {
  OPERATOR_MAILBOX,
  deliveriesTo,
  mailsTo,
  payload,
  publish,
  query,
  recipient,
  remindersOf,
  settled,
  startNotifications,
  type NotificationsHarness,
} from '../support/notifications-fixtures.js';

jest.setTimeout(120_000);

const ZG = '11111111-1111-4111-8111-111111111111';
const GW = '22222222-2222-4222-8222-222222222222';
const MAIL_FROM = 'System OWES <powiadomienia@owes-instalacja.example.pl>';

interface CentreSpec {
  id: string;
  number: number;
  name: string;
  senderName: string;
  senderEmail: string;
  signature: string;
  operatorsMailbox: string[];
  contactEmail: string;
}

const ZIELONA_GORA: CentreSpec = {
  id: ZG,
  number: 2,
  name: 'OWES Zielona Góra',
  senderName: 'OWES Zielona Góra',
  senderEmail: 'nabory@owes-zg.example.pl',
  signature: 'Zespół OWES Zielona Góra\nul. Kupiecka 12, 65-426 Zielona Góra',
  operatorsMailbox: ['biuro@owes-zg.example.pl'],
  contactEmail: 'kontakt@owes-zg.example.pl',
};

const GORZOW: CentreSpec = {
  id: GW,
  number: 3,
  name: 'OWES Gorzów Wielkopolski',
  senderName: 'Ośrodek "Gorzów" – nabory',
  senderEmail: 'nabory@owes-gorzow.example.pl',
  signature: 'Zespół OWES Gorzów Wielkopolski\nul. Chrobrego 31, 66-400 Gorzów Wlkp.',
  operatorsMailbox: ['operatorzy@owes-gorzow.example.pl', 'kierownik@owes-gorzow.example.pl'],
  contactEmail: 'kontakt@owes-gorzow.example.pl',
};

const plain = (s: string | false | undefined) => String(s || '').replace(/[\u00a0\u202f]/g, ' ');
const fromOf = (m: ParsedMail) => m.from?.value[0];
const replyToOf = (m: ParsedMail) => m.replyTo?.value[0]?.address;

/**
 * Issue 12, "letters in the centre's name" (docs/tenancy.md#letters): two centres side by side in
 * one notifications service — each letter goes from its centre's sender, names it and ends with
 * its signature; escalations go to the centre's operators' mailbox; a delivery keeps the sender
 * it was queued with; operators see only their centres' letters (HTTP and row-level policies);
 * the installation's own letters still go from MAIL_FROM.
 */
describe('notifications: letters in the centre’s name', () => {
  let h: NotificationsHarness;
  const clock = new ManualClock(new Date('2026-12-03T11:15:00+01:00'));
  const BASE_MS = 60_000; // MAIL_RETRY_BASE_MS of the harness

  const centreChanged = (
    c: CentreSpec,
    version: number,
  ): EventPayload<'applications.centre.changed'> => ({
    centreId: c.id,
    version,
    number: c.number,
    name: c.name,
    accreditationNumber: `AKR/${c.number}/2026`,
    voivodeship: '08',
    counties: ['0862'],
    address: c.signature.split('\n')[1] ?? '',
    contact: { email: c.contactEmail, phone: '+48 68 000 00 00' },
    mail: {
      senderName: c.senderName,
      senderEmail: c.senderEmail,
      signature: c.signature,
      operatorsMailbox: c.operatorsMailbox,
    },
    active: true,
    changedAt: clock.now().toISOString(),
  });

  const publishCentre = async (c: CentreSpec, version: number) => {
    await publish(h, 'applications.centre.changed', centreChanged(c, version), clock.now());
    await expectEventually(async () => {
      const [row] = await query(h, `SELECT version FROM notifications.centres WHERE id = $1`, [
        c.id,
      ]);
      expect(row?.version).toBe(version);
    });
  };

  const submitted = (who: ReturnType<typeof recipient>, centreId: string) =>
    publish(
      h,
      'applications.application.submitted',
      payload('applications.application.submitted', who, { centreId }),
      clock.now(),
    );

  beforeAll(async () => {
    h = await startNotifications(clock, { MAIL_FROM });
    await publishCentre(ZIELONA_GORA, 1);
    await publishCentre(GORZOW, 1);
  });

  afterAll(async () => {
    await h?.close();
  });

  afterEach(() => {
    h.smtp.failTemporarily = false;
  });

  it('sends the same letter of two centres each from its own sender, with its signature and name, never the other’s', async () => {
    const a = recipient();
    const b = recipient({ language: 'en' });
    await submitted(a, ZG);
    await submitted(b, GW);
    const [toA] = await expectEventually(() => {
      const mails = mailsTo(h.smtp, a.email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    const [toB] = await expectEventually(() => {
      const mails = mailsTo(h.smtp, b.email);
      expect(mails).toHaveLength(1);
      return mails;
    });

    expect(fromOf(toA)).toEqual({
      name: 'OWES Zielona Góra',
      address: 'nabory@owes-zg.example.pl',
    });
    expect(replyToOf(toA)).toBe('kontakt@owes-zg.example.pl');
    const textA = plain(toA.text);
    expect(textA).toContain(
      'Z poważaniem\nZespół OWES Zielona Góra\nul. Kupiecka 12, 65-426 Zielona Góra',
    );
    expect(textA).toContain(
      'Wiadomość wysłana automatycznie przez system OWES Grants w imieniu: OWES Zielona Góra.',
    );
    expect(String(toA.html)).toContain('OWES Zielona Góra');
    expect(String(toA.html)).toContain('Zespół OWES Zielona Góra<br>ul. Kupiecka 12');
    expect(toA.messageId).toMatch(/@owes-zg\.example\.pl>?$/);

    // Gorzów's sender name needs quoting (a quote, a dash): it arrives as sent.
    expect(fromOf(toB)).toEqual({
      name: 'Ośrodek "Gorzów" – nabory',
      address: 'nabory@owes-gorzow.example.pl',
    });
    expect(replyToOf(toB)).toBe('kontakt@owes-gorzow.example.pl');
    const textB = plain(toB.text);
    expect(textB).toContain('Kind regards\nZespół OWES Gorzów Wielkopolski');
    expect(textB).toContain(
      'This message was sent automatically by OWES Grants on behalf of OWES Gorzów Wielkopolski.',
    );

    for (const [mail, other] of [
      [toA, GORZOW],
      [toB, ZIELONA_GORA],
    ] as const) {
      const whole = `${mail.text}\n${String(mail.html)}\n${JSON.stringify(mail.headers)}`;
      expect(whole).not.toContain(other.name);
      expect(whole).not.toContain(other.senderEmail);
      expect(whole).not.toContain(other.signature.split('\n')[1]);
      expect(whole).not.toContain('owes-instalacja');
    }

    const [deliveryA] = await deliveriesTo(h, a.email);
    expect(deliveryA).toMatchObject({
      centre_id: ZG,
      mail_from: 'OWES Zielona Góra <nabory@owes-zg.example.pl>',
      reply_to: 'kontakt@owes-zg.example.pl',
    });
    const [sentEvent] = await query(
      h,
      `SELECT envelope FROM notifications.outbox WHERE subject = 'notifications.email.sent' AND envelope->'payload'->>'deliveryId' = $1`,
      [deliveryA.id],
    );
    expect(sentEvent.envelope.payload.centreId).toBe(ZG);
  });

  it('escalates an overdue evaluation of Gorzów only to Gorzów’s operators’ mailbox', async () => {
    const evaluator = recipient();
    const overdue = payload('grants.evaluation.overdue', evaluator, {
      centreId: GW,
      reference: `OWES/GW/${uniqueId()}`,
    });
    await publish(h, 'grants.evaluation.overdue', overdue, clock.now());
    await expectEventually(async () => {
      const rows = await query(
        h,
        `SELECT recipient, centre_id FROM notifications.deliveries WHERE reference = $1 ORDER BY recipient`,
        [overdue.reference],
      );
      expect(rows).toEqual([
        { recipient: 'kierownik@owes-gorzow.example.pl', centre_id: GW },
        { recipient: 'operatorzy@owes-gorzow.example.pl', centre_id: GW },
        { recipient: evaluator.email.toLowerCase(), centre_id: GW },
      ]);
    });
    await settled(h, clock.now());
    const sent = await query(
      h,
      `SELECT recipient, message_id FROM notifications.deliveries WHERE reference = $1 AND status = 'sent'`,
      [overdue.reference],
    );
    expect(sent).toHaveLength(3);
    for (const { recipient: to, message_id } of sent) {
      const mails = h.smtp.messages.filter((m) => m.messageId === message_id);
      expect(mails).toHaveLength(1);
      expect(mailsTo(h.smtp, to)).toContain(mails[0]);
      expect(fromOf(mails[0])?.address).toBe('nabory@owes-gorzow.example.pl');
    }
    for (const elsewhere of [OPERATOR_MAILBOX, 'biuro@owes-zg.example.pl']) {
      expect(
        mailsTo(h.smtp, elsewhere).filter((m) => plain(m.text).includes(overdue.reference)),
      ).toEqual([]);
    }
  });

  it('writes new letters with a changed centre, while a delivery being retried keeps its From and Message-ID', async () => {
    h.smtp.failTemporarily = true;
    const early = recipient();
    await submitted(early, ZG);
    const queued = await expectEventually(async () => {
      const [d] = await deliveriesTo(h, early.email);
      expect(d).toMatchObject({ status: 'pending', attempts: 1 });
      expect(d.last_error).toMatch(/451/);
      return d;
    });

    const renamed: CentreSpec = {
      ...ZIELONA_GORA,
      senderName: 'OWES Lubuskie Południe',
      senderEmail: 'listy@lubuskie-poludnie.example.pl',
      signature: 'Zespół OWES Lubuskie Południe\nul. Nowa 1, 65-001 Zielona Góra',
    };
    await publishCentre(renamed, 2);
    // An older version arriving late changes nothing.
    await publish(h, 'applications.centre.changed', centreChanged(ZIELONA_GORA, 1), clock.now());

    h.smtp.failTemporarily = false;
    clock.advance(BASE_MS);
    const [retried] = await expectEventually(() => {
      const mails = mailsTo(h.smtp, early.email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(fromOf(retried)?.address).toBe('nabory@owes-zg.example.pl');
    expect(plain(retried.text)).toContain('Zespół OWES Zielona Góra');
    expect(plain(retried.text)).not.toContain('Lubuskie Południe');
    const [sent] = await deliveriesTo(h, early.email);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sent.message_id).toBe(`<${queued.id}@owes-zg.example.pl>`);
    expect(retried.messageId).toBe(sent.message_id);

    const late = recipient();
    await submitted(late, ZG);
    const [fresh] = await expectEventually(() => {
      const mails = mailsTo(h.smtp, late.email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(fromOf(fresh)).toEqual({
      name: 'OWES Lubuskie Południe',
      address: 'listy@lubuskie-poludnie.example.pl',
    });
    expect(plain(fresh.text)).toContain('Z poważaniem\nZespół OWES Lubuskie Południe');
    expect(fresh.messageId).toMatch(/@lubuskie-poludnie\.example\.pl>?$/);
    await settled(h, clock.now());
    const [row] = await query(h, `SELECT version FROM notifications.centres WHERE id = $1`, [ZG]);
    expect(row.version).toBe(2);
  });

  it('shows an operator of Zielona Góra only its letters and reminders, and 404 for Gorzów’s', async () => {
    const a = recipient();
    const b = recipient();
    await submitted(a, ZG);
    await submitted(b, GW);
    const account = recipient();
    await publish(
      h,
      'applications.account.password-reset-requested',
      payload('applications.account.password-reset-requested', account),
      clock.now(),
    );
    for (const [who, centreId] of [
      [a, ZG],
      [b, GW],
    ] as const) {
      await publish(
        h,
        'applications.application.corrections-requested',
        payload('applications.application.corrections-requested', who, { centreId }),
        clock.now(),
      );
    }
    await expectEventually(async () => {
      expect(await deliveriesTo(h, a.email)).toHaveLength(2);
      expect(await deliveriesTo(h, b.email)).toHaveLength(2);
      expect(await deliveriesTo(h, account.email)).toHaveLength(1);
      expect(await remindersOf(h, a.email)).toHaveLength(1);
      expect(await remindersOf(h, b.email)).toHaveLength(1);
    });
    await settled(h, clock.now());
    const [ofB] = await deliveriesTo(h, b.email);
    const [installation] = await deliveriesTo(h, account.email);
    expect(installation.centre_id).toBeNull();

    const api = h.platform.api.notifications;
    const zg = await h.issuer.account('operator', { centres: [ZG] });
    const log = await api.get('/api/deliveries?pageSize=100', zg.token);
    expect(log.status).toBe(200);
    expect(log.body.total).toBeGreaterThan(0);
    expect(new Set(log.body.items.map((d: { centreId: string }) => d.centreId))).toEqual(
      new Set([ZG]),
    );
    const ofA = await api.get(
      `/api/deliveries?recipient=${encodeURIComponent(a.email)}&centreId=${ZG}`,
      zg.token,
    );
    expect(ofA.body.items).toHaveLength(2);
    for (const other of [b.email, account.email]) {
      const none = await api.get(
        `/api/deliveries?recipient=${encodeURIComponent(other)}`,
        zg.token,
      );
      expect(none.status).toBe(200);
      expect(none.body).toMatchObject({ total: 0, items: [] });
    }
    const filteredAway = await api.get(`/api/deliveries?centreId=${GW}`, zg.token);
    expect(filteredAway.body).toMatchObject({ total: 0, items: [] });

    for (const id of [ofB.id, installation.id]) {
      const resend = await api.post(`/api/deliveries/${id}/resend`, {}, zg.token);
      expect(resend.status).toBe(404);
      expect(resend.body.code).toBe('DELIVERY_NOT_FOUND');
    }
    const own = await api.post(`/api/deliveries/${ofA.body.items[0].id}/resend`, {}, zg.token);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ resent: false, delivery: { centreId: ZG } });
    const bulk = await api.post('/api/deliveries/resend', {}, zg.token);
    expect(bulk.status).toBe(200);

    const reminders = await api.get('/api/reminders?pageSize=100', zg.token);
    expect(reminders.status).toBe(200);
    expect(reminders.body.items.map((r: { recipient: string }) => r.recipient)).toContain(
      a.email.toLowerCase(),
    );
    expect(reminders.body.items.every((r: { centreId: string }) => r.centreId === ZG)).toBe(true);

    // Centre no. 1's operator sees neither; a staff token without centres sees nothing.
    const one = await h.issuer.account('operator');
    const ofOne = await api.get(
      `/api/deliveries?recipient=${encodeURIComponent(a.email)}`,
      one.token,
    );
    expect(ofOne.body).toMatchObject({ total: 0, items: [] });
    const nobody = await h.issuer.account('admin', { centres: [] });
    const empty = await api.get('/api/deliveries', nobody.token);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ total: 0, items: [] });

    // The platform administrator sees every letter, the installation's too.
    const platform = await h.issuer.account('platform-admin');
    const all = await api.get(
      `/api/deliveries?recipient=${encodeURIComponent(account.email)}`,
      platform.token,
    );
    expect(all.status).toBe(200);
    expect(all.body.items).toEqual([
      expect.objectContaining({ id: installation.id, centreId: null }),
    ]);
  });

  it('a deliberately unfiltered query inside a Zielona Góra transaction sees no Gorzów row', async () => {
    const b = recipient();
    await submitted(b, GW);
    await publish(
      h,
      'applications.application.corrections-requested',
      payload('applications.application.corrections-requested', b, { centreId: GW }),
      clock.now(),
    );
    await expectEventually(async () => {
      expect(await remindersOf(h, b.email)).toHaveLength(1);
      expect(await deliveriesTo(h, b.email)).toHaveLength(2);
    });
    const dataSource = h.app().get(DataSource);
    const everything = await query(h, `SELECT centre_id FROM notifications.deliveries`);
    expect(everything.some((r) => r.centre_id === GW)).toBe(true);
    expect(everything.some((r) => r.centre_id === null)).toBe(true);

    const seen = await CentreScope.run([ZG], () =>
      dataSource.transaction(async (manager) => ({
        deliveries: await manager.query(`SELECT * FROM notifications.deliveries`),
        reminders: await manager.query(`SELECT * FROM notifications.reminders`),
        tombstones: await manager.query(`SELECT * FROM notifications.reminder_cancellations`),
      })),
    );
    expect(seen.deliveries.length).toBeGreaterThan(0);
    for (const rows of Object.values(seen)) {
      expect(rows.every((r: { centre_id: string }) => r.centre_id === ZG)).toBe(true);
    }
    const outside = await CentreScope.run([ZG], () =>
      dataSource.query(
        `SELECT count(*)::int AS n FROM notifications.deliveries WHERE centre_id = $1`,
        [GW],
      ),
    );
    expect(outside).toEqual([{ n: 0 }]);
    // Nor can it write one there.
    await expect(
      CentreScope.run([ZG], () =>
        dataSource.query(
          `UPDATE notifications.deliveries SET centre_id = $1 WHERE centre_id = $2`,
          [GW, ZG],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('still sends the installation’s letters, and centre no. 1’s before it is published, from MAIL_FROM', async () => {
    const who = recipient();
    await publish(
      h,
      'applications.account.verification-requested',
      payload('applications.account.verification-requested', who),
      clock.now(),
    );
    const [mail] = await expectEventually(() => {
      const mails = mailsTo(h.smtp, who.email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(fromOf(mail)).toEqual({
      name: 'System OWES',
      address: 'powiadomienia@owes-instalacja.example.pl',
    });
    expect(mail.replyTo).toBeUndefined();
    expect(plain(mail.text)).toContain('Z poważaniem\nOśrodek Wsparcia Ekonomii Społecznej');
    expect(mail.messageId).toMatch(/@owes-instalacja\.example\.pl>?$/);
    expect((await deliveriesTo(h, who.email))[0]).toMatchObject({
      centre_id: null,
      mail_from: MAIL_FROM,
    });

    // Centre no. 1 at version 0: the installation's sender and OPERATOR_EMAILS, as before.
    const evaluator = recipient();
    const overdue = payload('grants.evaluation.overdue', evaluator, {
      centreId: DEFAULT_CENTRE_ID,
      reference: `OWES/1/${uniqueId()}`,
    });
    await publish(h, 'grants.evaluation.overdue', overdue, clock.now());
    await expectEventually(async () => {
      const rows = await query(
        h,
        `SELECT recipient, centre_id, mail_from FROM notifications.deliveries WHERE reference = $1 ORDER BY recipient`,
        [overdue.reference],
      );
      expect(rows).toEqual(
        [
          { recipient: OPERATOR_MAILBOX, centre_id: DEFAULT_CENTRE_ID, mail_from: MAIL_FROM },
          {
            recipient: evaluator.email.toLowerCase(),
            centre_id: DEFAULT_CENTRE_ID,
            mail_from: MAIL_FROM,
          },
        ].sort((x, y) => x.recipient.localeCompare(y.recipient)),
      );
    });
    const [centreOne] = await query(h, `SELECT * FROM notifications.centres WHERE id = $1`, [
      DEFAULT_CENTRE_ID,
    ]);
    expect(centreOne).toMatchObject({
      version: 0,
      sender_name: 'System OWES',
      sender_email: 'powiadomienia@owes-instalacja.example.pl',
      operators_mailbox: [OPERATOR_MAILBOX],
    });
  });
});

/**
 * The migration of a one-centre installation: its letters of applications and grants, reminders
 * and tombstones become centre no. 1's; its account letters stay the installation's.
 */
describe('notifications: migrating a one-centre installation into centre no. 1', () => {
  it('files existing deliveries, reminders and tombstones under centre no. 1 and keeps account letters the installation’s', async () => {
    const id = uniqueId();
    const env: Record<string, string> = { DATABASE_ADMIN_URL: ADMIN_URL, DB_NAME: `owes_t_${id}` };
    for (const service of SERVICES) {
      env[`${service.toUpperCase()}_DB_ROLE`] = `owes_t_${id}_${service}`;
      env[`${service.toUpperCase()}_DB_PASSWORD`] = `pw_${id}_${service}`;
    }
    const layout = databaseLayout(env);
    await provisionDatabase({
      adminUrl: layout.adminUrl,
      database: layout.database,
      services: SERVICES.map((s) => layout.roles[s]),
    });
    const dataSource = (migrations: typeof NOTIFICATIONS_MIGRATIONS) =>
      createServiceDataSource({
        url: layout.urls.notifications,
        schema: 'notifications',
        entities: [...NOTIFICATIONS_ENTITIES, ...MESSAGING_ENTITIES],
        migrations,
        poolSize: 2,
        applicationName: 'owes-test-centres-migration',
      });
    try {
      const before = NOTIFICATIONS_MIGRATIONS.slice(0, NOTIFICATIONS_MIGRATIONS.length - 1);
      const old = dataSource(before);
      await old.initialize();
      await old.runMigrations({ transaction: 'each' });
      const insertDelivery = (template: string, recipient: string) =>
        old.query(
          `INSERT INTO notifications.deliveries (event_id, event_type, template, recipient, language, subject, text, html,
              status, next_attempt_at, created_at)
           VALUES ($1, 'x', $2, $3, 'pl', 's', 't', 'h', 'failed', now(), now()) RETURNING id`,
          [randomUUID(), template, recipient],
        );
      const [[verification], [reset], [submitted], [overdue]] = await Promise.all([
        insertDelivery('account-verification', 'a@example.pl'),
        insertDelivery('account-password-reset', 'b@example.pl'),
        insertDelivery('application-submitted', 'c@example.pl'),
        insertDelivery('evaluation-overdue-operator', 'biuro@example.pl'),
      ]);
      await old.query(
        `INSERT INTO notifications.reminders (kind, template, source_event_id, source_event_type, source_occurred_at,
            recipient, recipient_name, language, scopes, data, due_at, deadline, due_date, status, created_at)
         VALUES ('corrections', 'corrections-reminder', $1, 'x', now(), 'c@example.pl', 'C', 'pl', '{application:1}', '{}',
            now(), now(), current_date, 'pending', now())`,
        [randomUUID()],
      );
      await old.query(
        `INSERT INTO notifications.reminder_cancellations (kind, scope, event_id, event_type, occurred_at)
         VALUES ('corrections', 'application:1', $1, 'x', now())`,
        [randomUUID()],
      );
      await old.destroy();

      expect(await migrateService('notifications', layout.urls.notifications)).toEqual([
        'Centres1700000000007',
      ]);

      const now = dataSource(NOTIFICATIONS_MIGRATIONS);
      await now.initialize();
      try {
        const deliveries: { id: string; centre_id: string | null; mail_from: string | null }[] =
          await now.query(`SELECT id, centre_id, mail_from FROM notifications.deliveries`);
        const centreOf = new Map(deliveries.map((d) => [d.id, d.centre_id]));
        expect(centreOf.get(verification.id)).toBeNull();
        expect(centreOf.get(reset.id)).toBeNull();
        expect(centreOf.get(submitted.id)).toBe(DEFAULT_CENTRE_ID);
        expect(centreOf.get(overdue.id)).toBe(DEFAULT_CENTRE_ID);
        // Sent as before: no frozen sender on rows queued before the migration.
        expect(deliveries.every((d) => d.mail_from === null)).toBe(true);
        expect(await now.query(`SELECT centre_id FROM notifications.reminders`)).toEqual([
          { centre_id: DEFAULT_CENTRE_ID },
        ]);
        expect(
          await now.query(`SELECT centre_id FROM notifications.reminder_cancellations`),
        ).toEqual([{ centre_id: DEFAULT_CENTRE_ID }]);
        expect(await now.query(`SELECT id, number, version FROM notifications.centres`)).toEqual([
          { id: DEFAULT_CENTRE_ID, number: 1, version: 0 },
        ]);
        // Walled: centre no. 1's staff see its letters, not the installation's.
        const seen: { id: string }[] = await CentreScope.run([DEFAULT_CENTRE_ID], () =>
          now.query(`SELECT id FROM notifications.deliveries ORDER BY id`),
        );
        expect(seen.map((r) => r.id).sort()).toEqual([submitted.id, overdue.id].sort());
        expect(
          await CentreScope.run([], () => now.query(`SELECT id FROM notifications.reminders`)),
        ).toEqual([]);
      } finally {
        await now.destroy();
      }
    } finally {
      await dropDatabase(
        ADMIN_URL,
        layout.database,
        SERVICES.map((s) => layout.roles[s].role),
      );
    }
  });
});
