import type { MessageData } from './catalogue.js';
import { renderMessage } from './render.js';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const data = {
  name: 'Anna Kowalska',
  reference: 'OWES/2026/00042',
  callNumber: 'NAB/1/2026',
  callTitle: 'Miejsca pracy w przedsiębiorstwach społecznych',
  submittedAt: '2026-12-03T10:15:00.000Z',
};

describe('renderMessage', () => {
  it('renders the Polish confirmation with the reference, the call and what happens next', () => {
    const m = renderMessage('application-submitted', 'pl', data);
    expect(m.subject).toBe('Potwierdzenie złożenia wniosku OWES/2026/00042');
    expect(m.text).toContain('Numer wniosku: OWES/2026/00042');
    expect(m.text).toContain('Dzień dobry,');
    expect(m.text).toContain('3 grudnia 2026 11:15'); // Warsaw time, not UTC
    expect(m.text).toContain('ocenę formalną');
    expect(m.html).toContain('<strong>OWES/2026/00042</strong>');
    expect(m.html).toContain('lang="pl"');
  });

  it('renders English when the recipient chose it', () => {
    const m = renderMessage('application-submitted', 'en', data);
    expect(m.subject).toBe('Your application OWES/2026/00042 has been submitted');
    expect(m.text).toContain('3 December 2026 at 11:15');
    expect(m.text).toContain('formal check');
  });

  it('uses Warsaw summer time (UTC+2) in summer', () => {
    const m = renderMessage('application-submitted', 'pl', {
      ...data,
      submittedAt: '2027-06-01T10:15:00Z',
    });
    expect(m.text).toContain('1 czerwca 2027 12:15');
  });

  it.each([
    [1, 'za 1 dzień', 'in 1 day'],
    [2, 'za 2 dni', 'in 2 days'],
    [5, 'za 5 dni', 'in 5 days'],
    [22, 'za 22 dni', 'in 22 days'],
  ])('writes %i days left with the right plural form', (n, pl, en) => {
    const reminder = {
      name: 'Jan Nowak',
      reference: 'OWES/2026/00042',
      callNumber: 'NAB/1/2026',
      dueDate: '2027-02-01',
      deadline: '2027-02-01T22:59:59.999Z',
      daysLeft: n,
    };
    expect(renderMessage('evaluation-reminder', 'pl', reminder).text).toContain(`(${pl})`);
    expect(renderMessage('evaluation-reminder', 'en', reminder).text).toContain(`(${en})`);
  });

  it('leaves out the countdown on the day itself', () => {
    const m = renderMessage('evaluation-reminder', 'pl', {
      name: 'Jan Nowak',
      reference: 'OWES/2026/00042',
      callNumber: 'NAB/1/2026',
      dueDate: '2027-02-01',
      deadline: '2027-02-01T22:59:59.999Z',
      daysLeft: 0,
    });
    expect(m.text).toContain('upływa 1 lutego 2027 o godz. 23:59.');
    expect(m.text).not.toContain('za 0');
  });

  it('formats amounts in grosze as PLN with Polish separators', () => {
    const m = renderMessage('payment-made', 'pl', {
      name: 'A',
      reference: 'OWES/2026/00042',
      kind: 'bridging',
      amount: 200_000,
      paidOn: '2027-04-30',
      month: '2027-04',
      paidTotal: 3_721_200,
      remaining: 0,
    });
    expect(plain(m.text)).toContain('Kwota: 2000,00 zł');
    expect(plain(m.text)).toContain('Wypłacono łącznie: 37 212,00 zł');
    expect(plain(m.text)).toContain('Pozostało do wypłaty: 0,00 zł');
    expect(m.text).toContain('Za miesiąc: kwiecień 2027');
    expect(m.text).toContain('wsparcie pomostowe');
  });

  it('escapes what people typed in the HTML part', () => {
    const m = renderMessage('application-submitted', 'pl', {
      ...data,
      callTitle: '<script>x</script>',
    });
    expect(m.html).not.toContain('<script>x</script>');
    expect(m.html).toContain('&lt;script&gt;');
  });

  it('refuses to render with a missing variable', () => {
    const { reference: _r, ...incomplete } = data;
    // @ts-expect-error the data of application-submitted needs its reference: this does not compile
    expect(() => renderMessage('application-submitted', 'pl', incomplete)).toThrow();
  });

  it('refuses an amount that is not integer grosze, and an unknown enumeration value', () => {
    const payment: MessageData<'payment-made'> = {
      name: 'A',
      reference: 'R',
      kind: 'tranche',
      amount: 10.5,
      paidOn: '2027-04-30',
      month: null,
      paidTotal: 0,
      remaining: 0,
    };
    expect(() => renderMessage('payment-made', 'pl', payment)).toThrow(/grosze/);
    expect(() =>
      // @ts-expect-error 'cash' is no payment kind: this does not compile either
      renderMessage('payment-made', 'pl', { ...payment, amount: 100, kind: 'cash' }),
    ).toThrow(/label/);
  });
});
