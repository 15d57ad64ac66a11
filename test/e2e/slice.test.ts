import { jest } from '@jest/globals';
import { ManualClock } from '@app/common';
import { startPlatform, type Platform } from '../support/platform.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { applicationForm } from '../../apps/applications/test/form-fixtures.js';
import { expectEventually } from '../support/eventually.js';
import { platformSettled } from '../support/drain.js';

jest.setTimeout(60_000);

/**
 * The first vertical slice (docs/product.md#lifecycle), driven over HTTP as an operator and an
 * applicant would.
 */
describe('call published → draft submitted → confirmation e-mail', () => {
  let platform: Platform;
  let smtp: TestSmtp;
  const clock = new ManualClock(new Date('2026-12-02T09:00:00+01:00'));

  beforeAll(async () => {
    smtp = await startSmtp();
    platform = await startPlatform({
      clock,
      env: {
        notifications: {
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(smtp.port),
          SMTP_SECURE: 'false',
        },
      },
    });
  });

  afterAll(async () => {
    await platform?.close();
    await smtp?.close();
  });

  it('sends exactly one Polish e-mail with the reference', async () => {
    const operator = await platform.account('operator');
    const created = await platform.api.grants.post(
      '/api/calls',
      {
        number: 'NAB/1/2026',
        title: 'Tworzenie miejsc pracy w przedsiębiorstwach społecznych',
        opensAt: '2026-12-01T08:00:00+01:00',
        closesAt: '2026-12-15T16:00:00+01:00',
        budget: 42_388_633,
        counties: ['1462', '1419', '1427', '1404'],
        criteria: [{ id: 'K1', name: 'Biznesplan', maxPoints: 20 }],
      },
      operator.token,
    );
    expect(created.status).toBe(201);
    const published = await platform.api.grants.post(
      `/api/calls/${created.body.id}/publish`,
      {},
      operator.token,
    );
    expect(published.status).toBe(200);

    // applications learns about the call from grants.call.published
    await expectEventually(async () => {
      const calls = await platform.api.applications.get('/api/calls');
      expect(calls.body.items.map((c: any) => c.id)).toContain(created.body.id);
    });

    const applicant = await platform.account('applicant', { name: 'Anna Kowalska' });
    const draft = await platform.api.applications.post(
      '/api/applications',
      { callId: created.body.id, form: applicationForm(1) },
      applicant.token,
    );
    expect(draft.status).toBe(201);
    expect(draft.body.state).toBe('draft');

    const submitted = await platform.api.applications.post(
      `/api/applications/${draft.body.id}/submit`,
      {},
      applicant.token,
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.reference).toMatch(/^OWES\/2026\/\d{5}$/);

    const mail = await expectEventually(() => {
      expect(smtp.messages).toHaveLength(1);
      return smtp.messages[0];
    });
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(applicant.email);
    expect(mail.subject).toBe(`Potwierdzenie złożenia wniosku ${submitted.body.reference}`);
    expect(mail.text).toContain(`Numer wniosku: ${submitted.body.reference}`);
    expect(mail.text).toContain('Dzień dobry,');
    expect(mail.html).toContain(submitted.body.reference);

    // the delivery log shows it, to the operator only
    const log = await platform.api.notifications.get(
      `/api/deliveries?reference=${encodeURIComponent(submitted.body.reference)}`,
      operator.token,
    );
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({ status: 'sent', recipient: applicant.email }),
    ]);
    expect((await platform.api.notifications.get('/api/deliveries', applicant.token)).status).toBe(
      403,
    );

    // a repeated submit gives the same reference and no second e-mail
    const again = await platform.api.applications.post(
      `/api/applications/${draft.body.id}/submit`,
      {},
      applicant.token,
    );
    expect(again.body.reference).toBe(submitted.body.reference);
    await platformSettled(platform, clock.now());
    expect(smtp.messages).toHaveLength(1);
  });

  it('refuses a submission once the call has closed (exact close moment, Warsaw time)', async () => {
    const operator = await platform.account('operator');
    const call = await platform.api.grants.post(
      '/api/calls',
      {
        number: 'NAB/2/2026',
        title: 'Krótki nabór',
        opensAt: '2026-12-01T08:00:00+01:00',
        closesAt: '2026-12-02T16:00:00+01:00',
        budget: 10_000_000,
        counties: ['1462'],
        criteria: [{ id: 'K1', name: 'Biznesplan', maxPoints: 20 }],
      },
      operator.token,
    );
    await platform.api.grants.post(`/api/calls/${call.body.id}/publish`, {}, operator.token);
    await expectEventually(async () => {
      const calls = await platform.api.applications.get('/api/calls');
      expect(calls.body.items.map((c: any) => c.id)).toContain(call.body.id);
    });
    const applicant = await platform.account('applicant');
    const draft = await platform.api.applications.post(
      '/api/applications',
      { callId: call.body.id, form: applicationForm(1) },
      applicant.token,
    );
    clock.set(new Date('2026-12-02T16:00:00+01:00'));
    const late = await platform.api.applications.post(
      `/api/applications/${draft.body.id}/submit`,
      {},
      applicant.token,
    );
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('CALL_CLOSED');
    expect(late.body.message).toMatch(/Nabór nie jest otwarty/);
    clock.set(new Date('2026-12-02T09:00:00+01:00'));
  });

  it("answers 404 for another applicant's application", async () => {
    const a = await platform.account('applicant');
    const b = await platform.account('applicant');
    const calls = await platform.api.applications.get('/api/calls');
    const draft = await platform.api.applications.post(
      '/api/applications',
      { callId: calls.body.items[0].id },
      a.token,
    );
    expect(draft.status).toBe(201);
    expect(
      (await platform.api.applications.get(`/api/applications/${draft.body.id}`, b.token)).status,
    ).toBe(404);
    expect(
      (
        await platform.api.applications.post(
          `/api/applications/${draft.body.id}/submit`,
          {},
          b.token,
        )
      ).status,
    ).toBe(404);
    const list = await platform.api.applications.get('/api/applications', b.token);
    expect(list.body.items).toEqual([]);
  });
});
