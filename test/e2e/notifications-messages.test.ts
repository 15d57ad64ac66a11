import { jest } from '@jest/globals';
import { ManualClock } from '@app/common';
import { expectEventually } from '../support/eventually.js';
import {
  OPERATOR_MAILBOX,
  deliveriesTo,
  mailsTo,
  payload,
  publish,
  query,
  recipient,
  redeliver,
  settled,
  startNotifications,
  type NotificationsHarness,
} from '../support/notifications-fixtures.js';
import type { SampleSubject } from '../../apps/notifications/test/sample-events.js';

jest.setTimeout(90_000);

const plain = (s: string | false | undefined) => String(s || '').replace(/[\u00a0\u202f]/g, ' ');

/**
 * Issue 5 (b): every row of docs/product.md#notifications — each event, published to JetStream as
 * its producer would, ends as an e-mail in a real SMTP server, once, in the recipient's language.
 */
describe('notifications: every message, end to end', () => {
  let h: NotificationsHarness;
  const clock = new ManualClock(new Date('2026-12-03T11:15:00+01:00'));

  beforeAll(async () => {
    h = await startNotifications(clock);
  });

  afterAll(async () => {
    await h?.close();
  });

  // event → the Polish subject (fragment) and a line of the text each recipient gets
  const CASES: [SampleSubject, string, string][] = [
    [
      'applications.account.verification-requested',
      'Potwierdź adres e-mail w systemie OWES Grants',
      'verify-email?token=',
    ],
    [
      'applications.account.registration-attempted',
      'Próba rejestracji na Twój adres e-mail',
      'Nowego konta nie założyliśmy',
    ],
    [
      'applications.account.password-reset-requested',
      'Ustaw nowe hasło w systemie OWES Grants',
      'reset-password?token=',
    ],
    [
      'applications.application.submitted',
      'Potwierdzenie złożenia wniosku OWES/2026/00042',
      'Numer wniosku: OWES/2026/00042',
    ],
    [
      'applications.group.submitted',
      'Potwierdzenie złożenia zgłoszenia grupy inicjatywnej „Smaki Mazowsza”',
      'Planowane miejsca pracy: 3 miejsca pracy',
    ],
    ['applications.group.qualified', 'zakwalifikowana do wsparcia', 'Numer zgłoszenia: '],
    ['applications.group.rejected', 'niezakwalifikowana', 'Uzasadnienie: Dwie osoby'],
    [
      'applications.application.corrections-requested',
      'Wezwanie do uzupełnienia braków formalnych – wniosek OWES/2026/00042 – termin 14 grudnia 2026',
      'Termin: 5 dni roboczych',
    ],
    [
      'applications.application.corrections-answered',
      'Otrzymaliśmy uzupełniony wniosek OWES/2026/00042',
      'Numer wniosku: OWES/2026/00042',
    ],
    [
      'applications.application.formally-accepted',
      'Wniosek OWES/2026/00042 przeszedł ocenę formalną',
      'Wnioskowana kwota: 127 691,00 zł',
    ],
    [
      'applications.application.formally-rejected',
      'Wniosek OWES/2026/00042 odrzucony w ocenie formalnej',
      '- Wnioskodawca nie ma siedziby',
    ],
    [
      'applications.application.withdrawn',
      'Potwierdzenie wycofania wniosku OWES/2026/00042',
      'Data wycofania: 9 grudnia 2026 16:20',
    ],
    [
      'grants.evaluation.assigned',
      'Wniosek OWES/2026/00042 do oceny merytorycznej – termin 1 lutego 2027',
      'deklarację bezstronności i poufności',
    ],
    [
      'grants.evaluation.overdue',
      'Minął termin oceny wniosku OWES/2026/00042',
      'Termin oceny: 1 lutego 2027',
    ],
    [
      'grants.award.granted',
      'Decyzja: przyznano wsparcie finansowe – wniosek OWES/2026/00042',
      'Kwota wsparcia: 127 691,00 zł',
    ],
    [
      'grants.award.given-up',
      'Potwierdzenie rezygnacji ze wsparcia finansowego – wniosek OWES/2026/00042',
      'Przyczyna rezygnacji: Członkowie grupy podjęli zatrudnienie',
    ],
    [
      'grants.bridging-extension.decided',
      'Decyzja: przedłużenie wsparcia pomostowego zatwierdzone – wniosek OWES/2026/00042',
      'Okres przedłużenia: 6 miesięcy',
    ],
    [
      'grants.award.rejected',
      'Decyzja: wniosek OWES/2026/00042 na liście rezerwowej',
      'najpóźniej 17 lutego 2027 do godz. 23:59',
    ],
    [
      'grants.appeal.resolved',
      'Wynik odwołania – wniosek OWES/2026/00042',
      'Wynik po ponownej ocenie: 63,5 pkt',
    ],
    [
      'grants.agreement.prepared',
      'Umowa o udzielenie wsparcia finansowego gotowa do podpisania – wniosek OWES/2026/00042',
      'Co zabrać: weksel in blanco wraz z deklaracją wekslową',
    ],
    [
      'grants.agreement.signed',
      'Umowa o udzielenie wsparcia finansowego podpisana – wniosek OWES/2026/00042',
      'Zaświadczenie o pomocy de minimis: nr DM/2027/015',
    ],
    [
      'grants.payment.made',
      'Wypłata 70 424,00 zł – wniosek OWES/2026/00042',
      'Pozostało do wypłaty: 57 267,00 zł',
    ],
    [
      'grants.job.report-due',
      'Potwierdź utrzymanie miejsca pracy za maj 2027 – termin 7 czerwca 2027',
      'Stanowisko: Kucharz',
    ],
    [
      'grants.job.report-overdue',
      'Zaległe potwierdzenie utrzymania miejsca pracy za maj 2027',
      'Termin minął: 7 czerwca 2027',
    ],
    [
      'grants.job.vacancy-reported',
      'Wakat na stanowisku „Kucharz” – obsadź je do 10 października 2027',
      'Wakat od: 10 lipca 2027',
    ],
    ['grants.refund.claimed', 'Wezwanie do zwrotu 36 446,56 zł', 'Odsetki ustawowe: 1234,56 zł'],
    [
      'grants.award.settled',
      'Rozliczenie wsparcia finansowego – wniosek OWES/2026/00042',
      'Utrzymane miejsca pracy: 2 miejsca pracy',
    ],
  ];

  it.each(CASES)('%s → one e-mail to the person it concerns', async (subject, title, line) => {
    const who = recipient();
    await publish(h, subject, payload(subject, who), clock.now());
    const [mail] = await expectEventually(() => {
      const mails = mailsTo(h.smtp, who.email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(plain(mail.subject)).toContain(title);
    expect(plain(mail.text)).toContain('Dzień dobry,');
    expect(plain(mail.text)).toContain(line);
    expect(plain(mail.text)).toContain('Co dalej: ');
    expect(plain(mail.html as string)).toContain(`<html lang="pl">`);
    // The SMTP server has the message a moment before the sender records it as sent.
    await settled(h, clock.now());
    const [delivery] = await deliveriesTo(h, who.email);
    expect(delivery).toMatchObject({
      status: 'sent',
      event_type: subject,
      language: 'pl',
      attempts: 1,
    });
  });

  it('an agreement prepared again is announced again, in the applicant’s language, with the new day', async () => {
    const who = recipient({ language: 'en' });
    const ids: Record<string, string> = {};
    const first = payload('grants.agreement.prepared', who, {}, ids);
    await publish(h, 'grants.agreement.prepared', first, clock.now());
    await expectEventually(() => expect(mailsTo(h.smtp, who.email)).toHaveLength(1));
    const { place: _none, ...moved } = payload(
      'grants.agreement.prepared',
      who,
      { signingOn: '2027-03-22' },
      ids,
    );
    await publish(h, 'grants.agreement.prepared', moved, clock.now());
    const mails = await expectEventually(() => {
      expect(mailsTo(h.smtp, who.email)).toHaveLength(2);
      return mailsTo(h.smtp, who.email);
    });
    expect(mails.map((m) => m.subject)).toEqual([
      'Grant agreement ready to sign – application OWES/2026/00042',
      'Grant agreement ready to sign – application OWES/2026/00042',
    ]);
    const texts = mails.map((m) => plain(m.text));
    expect(texts.find((t) => t.includes('on 15 March 2027'))).toContain(
      'Place: Biuro OWES, ul. Tumska 5, Płock',
    );
    const again = texts.find((t) => t.includes('on 22 March 2027'))!;
    expect(again).toContain('Grant amount: PLN 127,691.00');
    expect(again).toContain('OWES will confirm the time and place');
    expect(again).toContain('the blank promissory note with its declaration');
  });

  it('the verification e-mail carries the link the applicant must open to log in', async () => {
    const who = recipient({ language: 'en' });
    const body = payload('applications.account.verification-requested', who, {
      verificationUrl: 'https://wnioski.owes-plock.pl/verify-email?token=abc_DEF-123',
    });
    await publish(h, 'applications.account.verification-requested', body, clock.now());
    const [mail] = await expectEventually(() => {
      expect(mailsTo(h.smtp, who.email)).toHaveLength(1);
      return mailsTo(h.smtp, who.email);
    });
    expect(mail.subject).toBe('Confirm your e-mail address for OWES Grants');
    expect(mail.text).toContain('https://wnioski.owes-plock.pl/verify-email?token=abc_DEF-123');
    expect(mail.html).toContain(
      'href="https://wnioski.owes-plock.pl/verify-email?token&#x3D;abc_DEF-123"',
    );
  });

  it('an overdue evaluation and an overdue job report also go to the operators’ mailbox', async () => {
    const evaluator = recipient();
    const before = mailsTo(h.smtp, OPERATOR_MAILBOX).length;
    await publish(
      h,
      'grants.evaluation.overdue',
      payload('grants.evaluation.overdue', evaluator),
      clock.now(),
    );
    const enterprise = recipient();
    await publish(
      h,
      'grants.job.report-overdue',
      payload('grants.job.report-overdue', enterprise),
      clock.now(),
    );
    const mails = await expectEventually(() => {
      const all = mailsTo(h.smtp, OPERATOR_MAILBOX).slice(before);
      expect(all).toHaveLength(2);
      return all;
    });
    const evaluation = mails.find((m) => m.subject?.startsWith('Opóźniona ocena'))!;
    expect(evaluation.subject).toBe(`Opóźniona ocena wniosku OWES/2026/00042 – ${evaluator.name}`);
    expect(evaluation.text).toContain(`Oceniający: ${evaluator.name}, ${evaluator.email}`);
    const report = mails.find((m) => m.subject?.startsWith('Zaległe'))!;
    expect(report.text).toContain(`${enterprise.name} (${enterprise.email})`);
    // their own messages are separate deliveries: they may arrive after the operators' ones
    await expectEventually(() => {
      expect(mailsTo(h.smtp, evaluator.email)).toHaveLength(1);
      expect(mailsTo(h.smtp, enterprise.email)).toHaveLength(1);
    });
  });

  it('a bridging-support extension request goes to the operators’ mailbox to be decided', async () => {
    const enterprise = recipient();
    const before = mailsTo(h.smtp, OPERATOR_MAILBOX).length;
    const body = payload('grants.bridging-extension.requested', enterprise);
    await publish(h, 'grants.bridging-extension.requested', body, clock.now());
    const [mail] = await expectEventually(() => {
      const all = mailsTo(h.smtp, OPERATOR_MAILBOX).slice(before);
      expect(all).toHaveLength(1);
      return all;
    });
    expect(mail.subject).toBe(
      'Wniosek o przedłużenie wsparcia pomostowego do decyzji – wniosek OWES/2026/00042',
    );
    expect(plain(mail.text)).toContain(`${enterprise.name}, ${enterprise.email}`);
    expect(plain(mail.text)).toContain(
      `/api/awards/${body.awardId}/bridging-extension/${body.requestId}/decision`,
    );
    expect(mailsTo(h.smtp, enterprise.email)).toHaveLength(0);
  });

  it('a grant funded from the reserve list with freed money says so', async () => {
    const who = recipient();
    await publish(
      h,
      'grants.award.granted',
      payload('grants.award.granted', who, { afterAppeal: true, fromReserve: true }),
      clock.now(),
    );
    const [mail] = await expectEventually(() => {
      const mails = mailsTo(h.smtp, who.email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(plain(mail.text)).toContain('z listy rezerwowej');
  });

  it('sends one message per event whatever NATS redelivers', async () => {
    const who = recipient();
    const event = await publish(
      h,
      'applications.application.submitted',
      payload('applications.application.submitted', who),
      clock.now(),
    );
    await expectEventually(() => expect(mailsTo(h.smtp, who.email)).toHaveLength(1));
    await redeliver(h, event);
    await redeliver(h, event);
    const another = await publish(
      h,
      'grants.award.granted',
      payload('grants.award.granted', who),
      clock.now(),
    );
    await expectEventually(() => expect(mailsTo(h.smtp, who.email)).toHaveLength(2));
    await settled(h, clock.now());
    expect(mailsTo(h.smtp, who.email)).toHaveLength(2);
    expect((await deliveriesTo(h, who.email)).map((d) => d.event_id).sort()).toEqual(
      [event.id, another.id].sort(),
    );
  });

  it('writes in the language a person chose, over the language the event carries', async () => {
    const person = await h.issuer.account('applicant');
    const api = h.platform.api.notifications;
    expect((await api.get('/api/preferences/me', person.token)).body).toMatchObject({
      language: 'pl',
      stored: false,
    });
    const bad = await api.put('/api/preferences/me', { language: 'de' }, person.token);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'language' })]);
    const saved = await api.put('/api/preferences/me', { language: 'en' }, person.token);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ language: 'en', stored: true });
    expect((await api.put('/api/preferences/me', { language: 'en' }, undefined)).status).toBe(401);

    // by user id (the event says Polish)
    const byId = recipient({ userId: person.id, email: person.email, language: 'pl' });
    await publish(
      h,
      'applications.application.submitted',
      payload('applications.application.submitted', byId),
      clock.now(),
    );
    // by e-mail address only (e.g. an evaluator known to grants by address)
    const { userId: _ignored, ...byEmail } = byId;
    await publish(
      h,
      'grants.evaluation.overdue',
      payload('grants.evaluation.overdue', byEmail as typeof byId),
      clock.now(),
    );
    const mails = await expectEventually(() => {
      expect(mailsTo(h.smtp, person.email)).toHaveLength(2);
      return mailsTo(h.smtp, person.email);
    });
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'The evaluation of application OWES/2026/00042 is overdue',
      'Your application OWES/2026/00042 has been submitted',
    ]);
    expect(mails[0].text).toContain('What to do next: ');
    expect((await deliveriesTo(h, person.email)).map((d) => d.language)).toEqual(['en', 'en']);
  });

  it('shows operators what was sent and what reminders wait, and no one else', async () => {
    const operator = await h.issuer.account('operator');
    const applicant = await h.issuer.account('applicant');
    const who = recipient();
    const ids: Record<string, string> = {};
    const reference = `OWES/2026/${String(Math.floor(Math.random() * 90000) + 10000)}`;
    await publish(
      h,
      'applications.application.corrections-requested',
      payload('applications.application.corrections-requested', who, { reference }, ids),
      clock.now(),
    );
    await expectEventually(() => expect(mailsTo(h.smtp, who.email)).toHaveLength(1));
    const api = h.platform.api.notifications;

    const log = await api.get(
      `/api/deliveries?reference=${encodeURIComponent(reference)}`,
      operator.token,
    );
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        status: 'sent',
        recipient: who.email,
        template: 'corrections-requested',
        reference,
      }),
    ]);
    expect(
      (
        await api.get(
          `/api/deliveries?recipient=${encodeURIComponent(who.email)}&status=failed`,
          operator.token,
        )
      ).body.items,
    ).toEqual([]);

    const reminders = await api.get(
      `/api/reminders?reference=${encodeURIComponent(reference)}`,
      operator.token,
    );
    expect(reminders.status).toBe(200);
    expect(reminders.body.items).toEqual([
      expect.objectContaining({
        kind: 'corrections',
        status: 'pending',
        recipient: who.email,
        dueAt: '2026-12-11T08:00:00.000+01:00', // one working day before Monday 14 December
        dueDate: '2026-12-14',
      }),
    ]);
    expect((await api.get('/api/reminders?status=bogus', operator.token)).status).toBe(400);
    expect((await api.get('/api/reminders', applicant.token)).status).toBe(403);
    expect((await api.get('/api/deliveries', applicant.token)).status).toBe(403);
    expect(
      (
        await query(
          h,
          `SELECT count(*)::int AS n FROM notifications.outbox WHERE subject = 'notifications.email.sent'`,
        )
      )[0].n,
    ).toBeGreaterThan(0);
  });
});
