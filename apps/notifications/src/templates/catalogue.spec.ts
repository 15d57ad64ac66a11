import type { EventPayload, Lang } from '@app/common';
import { planMessages, type PlannedMessage } from '../messages/message-plan.js';
import { daysLeft, remindersFor } from '../reminders/reminder-rules.js';
import {
  APPLICANT,
  GROUP_ID,
  REFERENCE,
  envelope,
  sampleEvents,
  samplePayload,
} from '../../test/sample-events.js';
import { TEMPLATE_NAMES, type TemplateName } from './catalogue.js';
import { renderMessage } from './render.js';

/** Intl's Polish and English formats use (narrow) non-breaking spaces; compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const OPERATORS = ['biuro@owes-plock.example.pl'];

/** One realistic message per template, shaped from the sample events exactly as the service does. */
function samples(): Map<TemplateName, PlannedMessage> {
  const map = new Map<TemplateName, PlannedMessage>();
  for (const event of sampleEvents(new Date('2026-11-01T00:00:00Z'))) {
    for (const m of planMessages(event, { operators: OPERATORS }))
      if (!map.has(m.template)) map.set(m.template, m);
    for (const r of remindersFor(event, { hour: 8 })) {
      map.set(r.template, {
        template: r.template,
        recipient: r.recipient,
        reference: r.reference,
        data: { ...r.data, daysLeft: daysLeft(r.dueAt, r.dueDate) },
      } as PlannedMessage);
    }
  }
  return map;
}

const SAMPLES = samples();

/** The sample message of one template, typed with that template's data. */
const sampleOf = <T extends TemplateName>(template: T) =>
  SAMPLES.get(template) as PlannedMessage<T>;

/** Key facts each message must state, per language (amounts, Warsaw dates, plural forms, what next). */
const FACTS: Record<TemplateName, Record<Lang, string[]>> = {
  'account-verification': {
    pl: [
      'anna.kowalska@example.pl',
      'verify-email?token=Zm9vYmFyLXRva2VuLTEyMw',
      '3 grudnia 2026 11:15',
      'nie zalogujesz się',
    ],
    en: [
      'anna.kowalska@example.pl',
      'verify-email?token=Zm9vYmFyLXRva2VuLTEyMw',
      '3 December 2026 at 11:15',
      'cannot log in',
    ],
  },
  'account-registration-attempted': {
    pl: [
      'anna.kowalska@example.pl',
      '3 grudnia 2026 11:15',
      'Nowego konta nie założyliśmy',
      'forgot-password',
    ],
    en: [
      'anna.kowalska@example.pl',
      '3 December 2026 at 11:15',
      'No new account was created',
      'forgot-password',
    ],
  },
  'account-password-reset': {
    pl: [
      'anna.kowalska@example.pl',
      'reset-password?token=cmVzZXQtdG9rZW4tNDU2',
      '3 grudnia 2026 12:15',
      'wylogujemy Cię ze wszystkich urządzeń',
    ],
    en: [
      'anna.kowalska@example.pl',
      'reset-password?token=cmVzZXQtdG9rZW4tNDU2',
      '3 December 2026 at 12:15',
      'logged out on every device',
    ],
  },
  'application-submitted': {
    pl: [
      'Numer wniosku: OWES/2026/00042',
      'Dzień dobry,',
      '3 grudnia 2026 11:15',
      'ocenę formalną',
    ],
    en: ['Reference number: OWES/2026/00042', 'Hello,', '3 December 2026 at 11:15', 'formal check'],
  },
  'group-submitted': {
    pl: [
      `Numer zgłoszenia: ${GROUP_ID}`,
      'spółdzielnia socjalna',
      '5 osób',
      '3 miejsca pracy',
      '5 listopada 2026 10:00',
    ],
    en: [
      `Application number: ${GROUP_ID}`,
      'social cooperative',
      '5 persons',
      '3 jobs',
      '5 November 2026 at 10:00',
    ],
  },
  'group-qualified': {
    pl: [
      'zakwalifikowała grupę inicjatywną „Smaki Mazowsza”',
      GROUP_ID,
      '20 listopada 2026 14:00',
      'wniosek o przyznanie wsparcia finansowego',
    ],
    en: [
      'has qualified initiative group "Smaki Mazowsza"',
      GROUP_ID,
      '20 November 2026 at 14:00',
      'grant application',
    ],
  },
  'group-rejected': {
    pl: [
      'nie zakwalifikowała',
      'Uzasadnienie: Dwie osoby mieszkają poza obszarem działania OWES',
      GROUP_ID,
    ],
    en: [
      'has not qualified',
      'Reasons: Dwie osoby mieszkają poza obszarem działania OWES',
      GROUP_ID,
    ],
  },
  'corrections-requested': {
    pl: [
      'Numer wniosku: OWES/2026/00042',
      '5 dni roboczych',
      '14 grudnia 2026, do godz. 23:59',
      '- Brak aktualnego odpisu z KRS (pole: applicant.krs)',
      '- Brak podpisu pod oświadczeniem o pomocy de minimis',
    ],
    en: [
      'Reference number: OWES/2026/00042',
      '5 working days',
      '14 December 2026, until 23:59',
      '- Brak aktualnego odpisu z KRS (field: applicant.krs)',
    ],
  },
  'call-closing-reminder': {
    pl: [
      'Nabór: NAB/1/2026',
      'jest wciąż wersją roboczą',
      '15 grudnia 2026 o godz. 16:00',
      'przed zamknięciem naboru',
    ],
    en: [
      'Call: NAB/1/2026',
      'is still a draft',
      '15 December 2026 at 16:00',
      'before the call closes',
    ],
  },
  'corrections-reminder': {
    pl: [
      'OWES/2026/00042',
      'upływa 14 grudnia 2026 o godz. 23:59 (za 3 dni)',
      'zostanie odrzucony',
    ],
    en: [
      'OWES/2026/00042',
      'ends on 14 December 2026 at 23:59 (in 3 days)',
      'rejected on formal grounds',
    ],
  },
  'corrections-answered': {
    pl: [
      'Numer wniosku: OWES/2026/00042',
      '(wersja 2)',
      '10 grudnia 2026 09:45',
      'oceny formalnej',
    ],
    en: [
      'Reference number: OWES/2026/00042',
      '(version 2)',
      '10 December 2026 at 09:45',
      'formal check',
    ],
  },
  'formally-accepted': {
    pl: [
      'Numer wniosku: OWES/2026/00042',
      'Wnioskowana kwota: 127 691,00 zł',
      'Miejsca pracy: 2 miejsca pracy',
      '15 grudnia 2026 10:00',
      'oceny merytorycznej',
    ],
    en: [
      'Reference number: OWES/2026/00042',
      'Amount requested: PLN 127,691.00',
      'Jobs: 2 jobs',
      '15 December 2026 at 10:00',
      'substantive evaluation',
    ],
  },
  'formally-rejected': {
    pl: [
      'nie przeszedł oceny formalnej',
      '- Wnioskodawca nie ma siedziby na obszarze działania OWES',
      '15 grudnia 2026 10:00',
      'w kolejnym naborze',
    ],
    en: [
      'did not pass the formal check',
      '- Wnioskodawca nie ma siedziby na obszarze działania OWES',
      '15 December 2026 at 10:00',
      'later call',
    ],
  },
  'application-withdrawn': {
    pl: [
      'Potwierdzenie wycofania wniosku OWES/2026/00042',
      'Numer wniosku: OWES/2026/00042',
      '9 grudnia 2026 16:20',
    ],
    en: [
      'Application OWES/2026/00042 withdrawn',
      'Reference number: OWES/2026/00042',
      '9 December 2026 at 16:20',
    ],
  },
  'evaluation-assigned': {
    pl: [
      'Dzień dobry,',
      'Numer wniosku: OWES/2026/00042',
      'Nabór: NAB/1/2026',
      '1 lutego 2027, do godz. 23:59',
      'deklarację bezstronności i poufności',
    ],
    en: [
      'Hello,',
      'Reference number: OWES/2026/00042',
      'Call: NAB/1/2026',
      '1 February 2027, until 23:59',
      'impartiality and confidentiality declaration',
    ],
  },
  'evaluation-reminder': {
    pl: ['OWES/2026/00042', 'upływa 1 lutego 2027 o godz. 23:59 (za 2 dni)'],
    en: ['OWES/2026/00042', 'due on 1 February 2027 at 23:59 (in 2 days)'],
  },
  'evaluation-overdue': {
    pl: [
      'Minął termin oceny wniosku OWES/2026/00042',
      '1 lutego 2027',
      'Operator został poinformowany',
    ],
    en: [
      'The evaluation of application OWES/2026/00042 is overdue',
      '1 February 2027',
      'operator has been told',
    ],
  },
  'evaluation-overdue-operator': {
    pl: [
      'Dzień dobry,',
      'Jan Nowak, jan.nowak@example.pl',
      'Numer wniosku: OWES/2026/00042',
      'Termin oceny: 1 lutego 2027',
      'przydziel wniosek innemu członkowi',
    ],
    en: [
      'Hello,',
      'Jan Nowak, jan.nowak@example.pl',
      'Reference number: OWES/2026/00042',
      'Was due: 1 February 2027',
      'assign the application to another',
    ],
  },
  'award-granted': {
    pl: [
      'Kwota wsparcia: 127 691,00 zł',
      'Wynik oceny: 72,5 na 100 pkt (próg: 60 pkt)',
      'Miejsce na liście rankingowej: 3',
      '10 lutego 2027 12:30',
      'umowę o udzielenie wsparcia finansowego',
    ],
    en: [
      'Amount awarded: PLN 127,691.00',
      'Score: 72.5 of 100 points (threshold: 60)',
      'Rank: 3',
      '10 February 2027 at 12:30',
      'grant agreement',
    ],
  },
  'award-rejected': {
    pl: [
      'na liście rezerwowej',
      'Wynik oceny: 72,5 na 100 pkt',
      'Wnioskowana kwota: 35 212,00 zł',
      'Pozostało w budżecie naboru: 32 000,00 zł',
      'odwołanie od wyników oceny w terminie 5 dni roboczych',
      'najpóźniej 17 lutego 2027 do godz. 23:59',
    ],
    en: [
      'on the reserve list',
      'Score: 72.5 of 100 points',
      'Amount requested: PLN 35,212.00',
      "Left in the call's budget: PLN 32,000.00",
      'appeal within 5 working days',
      'by 17 February 2027, 23:59',
    ],
  },
  'award-given-up': {
    pl: [
      'Potwierdzenie rezygnacji ze wsparcia finansowego – wniosek OWES/2026/00042',
      'Kwota wsparcia: 127 691,00 zł',
      'Przyczyna rezygnacji: Członkowie grupy podjęli zatrudnienie u innego pracodawcy',
      'Data rezygnacji: 5 marca 2027 10:20',
      'Zgłaszający: wnioskodawca',
      'nic więcej nie musisz robić',
      'przez pomyłkę, niezwłocznie skontaktuj się z OWES',
    ],
    en: [
      'Grant given up – application OWES/2026/00042',
      'Grant amount: PLN 127,691.00',
      'Reason: Członkowie grupy podjęli zatrudnienie u innego pracodawcy',
      'Given up: 5 March 2027 at 10:20',
      'Given up by: the applicant',
      'nothing more is needed from you',
      'If this was a mistake, contact OWES',
    ],
  },
  'appeal-resolved': {
    pl: [
      'zostało uwzględnione',
      'Wynik przed odwołaniem: 55 pkt',
      'Wynik po ponownej ocenie: 63,5 pkt',
      'jest ostateczny',
      '1 marca 2027 11:00',
    ],
    en: [
      'has been upheld',
      'Score before the appeal: 55 points',
      'Score after re-evaluation: 63.5 points',
      'is final',
      '1 March 2027 at 11:00',
    ],
  },
  'agreement-ready': {
    pl: [
      'gotowa do podpisania – wniosek OWES/2026/00042',
      'Kwota wsparcia: 127 691,00 zł',
      'Termin podpisania: 15 marca 2027',
      'Miejsce podpisania: Biuro OWES, ul. Tumska 5, Płock',
      'weksel in blanco wraz z deklaracją wekslową',
    ],
    en: [
      'ready to sign – application OWES/2026/00042',
      'Grant amount: PLN 127,691.00',
      'Signing on: 15 March 2027',
      'Place: Biuro OWES, ul. Tumska 5, Płock',
      'blank promissory note with its declaration',
    ],
  },
  'agreement-signed': {
    pl: [
      'Kwota wsparcia: 127 691,00 zł',
      'Data podpisania: 15 marca 2027',
      'weksel in blanco wraz z deklaracją wekslową',
      'nr DM/2027/015',
      'Miejsca pracy: 2 miejsca pracy',
    ],
    en: [
      'Grant amount: PLN 127,691.00',
      'Signed on: 15 March 2027',
      'blank promissory note with its declaration',
      'no. DM/2027/015',
      'Jobs: 2 jobs',
    ],
  },
  'payment-made': {
    pl: [
      'Wypłata 70 424,00 zł – wniosek OWES/2026/00042',
      'transza wsparcia finansowego',
      'Data wypłaty: 22 marca 2027',
      'Pozostało do wypłaty: 57 267,00 zł',
    ],
    en: [
      'Payment of PLN 70,424.00 – application OWES/2026/00042',
      'grant tranche',
      'Paid on: 22 March 2027',
      'Still to be paid: PLN 57,267.00',
    ],
  },
  'bridging-extension-requested-operator': {
    pl: [
      'Dzień dobry,',
      'Anna Kowalska (anna.kowalska@example.pl) wnioskuje o przedłużenie wsparcia pomostowego o 6 miesięcy',
      'Numer wniosku: OWES/2026/00042',
      'Okres przedłużenia: 6 miesięcy',
      'Kwota miesięczna na miejsce pracy: 1500,00 zł',
      'Miejsca pracy: 2 miejsca pracy',
      'Łączna kwota przedłużenia: 18 000,00 zł',
      'Uzasadnienie: Sezonowy spadek zamówień cateringowych w okresie wakacji szkolnych',
      'Data złożenia: 20 sierpnia 2027 12:00',
      'POST /api/awards/1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a06/bridging-extension/b1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e14/decision',
    ],
    en: [
      'Hello,',
      'to be extended by 6 months',
      'Reference number: OWES/2026/00042',
      'Extension: 6 months',
      'Monthly amount per job: PLN 1,500.00',
      'Jobs: 2 jobs',
      'Extension total: PLN 18,000.00',
      'Justification: Sezonowy spadek zamówień cateringowych w okresie wakacji szkolnych',
      'Requested: 20 August 2027 at 12:00',
      'POST /api/awards/1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a06/bridging-extension/b1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e14/decision',
    ],
  },
  'bridging-extension-decided': {
    pl: [
      'Decyzja: przedłużenie wsparcia pomostowego zatwierdzone – wniosek OWES/2026/00042',
      'zatwierdził przedłużenie wsparcia pomostowego o 6 miesięcy',
      'Kwota wsparcia wynosi teraz 145 691,00 zł',
      'Kwota miesięczna na miejsce pracy: 1500,00 zł',
      'Łączna kwota przedłużenia: 18 000,00 zł',
      'Kwota wsparcia po zmianie: 145 691,00 zł',
      'Data decyzji: 1 września 2027 14:00',
      'za miesiące przedłużenia może być teraz wypłacane',
    ],
    en: [
      'Decision: bridging-support extension approved – application OWES/2026/00042',
      'by 6 months',
      'The grant now amounts to PLN 145,691.00',
      'Monthly amount per job: PLN 1,500.00',
      'Extension total: PLN 18,000.00',
      'Grant amount now: PLN 145,691.00',
      'Decided: 1 September 2027 at 14:00',
      'for the extension months can now be paid',
    ],
  },
  'job-report-due': {
    pl: [
      'za maj 2027',
      'Stanowisko: Kucharz',
      'Termin: 7 czerwca 2027',
      'najpóźniej 7 czerwca 2027',
    ],
    en: ['for May 2027', 'Position: Kucharz', 'Due: 7 June 2027', 'by 7 June 2027'],
  },
  'job-report-reminder': {
    pl: ['OWES/2026/00042', 'upływa 7 czerwca 2027 (za 7 dni)', 'Stanowisko: Kucharz'],
    en: ['OWES/2026/00042', 'due on 7 June 2027 (in 7 days)', 'Position: Kucharz'],
  },
  'job-report-overdue': {
    pl: ['Zaległe potwierdzenie', 'Termin minął: 7 czerwca 2027', 'odsetkami ustawowymi'],
    en: ['Overdue job report', 'Was due: 7 June 2027', 'statutory interest'],
  },
  'job-report-overdue-operator': {
    pl: [
      'Anna Kowalska (anna.kowalska@example.pl)',
      'Numer wniosku: OWES/2026/00042',
      'zarejestruj wakat',
    ],
    en: [
      'Anna Kowalska (anna.kowalska@example.pl)',
      'Reference number: OWES/2026/00042',
      'record the vacancy',
    ],
  },
  'job-vacancy': {
    pl: [
      'obsadź je do 10 października 2027',
      'Wakat od: 10 lipca 2027',
      'najpóźniej 10 października 2027',
    ],
    en: ['fill it by 10 October 2027', 'Vacant since: 10 July 2027', 'by 10 October 2027'],
  },
  'refund-claimed': {
    pl: [
      'Wezwanie do zwrotu 36 446,56 zł',
      'Kwota do zwrotu: 35 212,00 zł',
      'Odsetki ustawowe: 1234,56 zł',
      'Termin zwrotu: 10 listopada 2027',
      'numer wniosku OWES/2026/00042',
    ],
    en: [
      'Refund of PLN 36,446.56 demanded',
      'Principal: PLN 35,212.00',
      'Statutory interest: PLN 1,234.56',
      'Pay by: 10 November 2027',
    ],
  },
  'award-settled': {
    pl: [
      'zostało rozliczone',
      'Wypłacono: 127 691,00 zł',
      'Utrzymane miejsca pracy: 2 miejsca pracy',
      'Data rozliczenia: 5 października 2028',
    ],
    en: [
      'has been settled',
      'Paid: PLN 127,691.00',
      'Jobs kept: 2 jobs',
      'Settled on: 5 October 2028',
    ],
  },
};

describe('message catalogue', () => {
  it('has a realistic sample for every template', () => {
    expect([...SAMPLES.keys()].sort()).toEqual([...TEMPLATE_NAMES].sort());
  });

  describe.each(
    TEMPLATE_NAMES.flatMap((t) => (['pl', 'en'] as const).map((lang) => [t, lang] as const)),
  )('%s (%s)', (template, lang) => {
    const sample = SAMPLES.get(template)!;
    const m = renderMessage(template, lang, { ...sample.data, name: sample.recipient.name });
    const text = plain(m.text);
    const html = plain(m.html);
    /** What a reader sees of the HTML part: tags dropped, entities decoded. */
    const htmlText = html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#x3D;/g, '=')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

    it('states its key facts in the text and the HTML', () => {
      for (const fact of FACTS[template][lang]) {
        expect(plain(`${m.subject}\n${text}`)).toContain(fact);
        expect(htmlText).toContain(fact.replace(/^- /, '').split(': ').at(-1)!);
      }
    });

    it('names the reference and what to do next, with no gaps', () => {
      const ref =
        template === 'call-closing-reminder'
          ? 'NAB/1/2026'
          : template.startsWith('account-')
            ? APPLICANT.email
            : template.startsWith('group-')
              ? GROUP_ID
              : REFERENCE;
      expect(text).toContain(ref);
      expect(html).toContain(ref);
      expect(text).toContain(lang === 'pl' ? 'Co dalej: ' : 'What to do next: ');
      expect(html).toContain(`<html lang="${lang}">`);
      for (const part of [m.subject, text, html]) {
        expect(part).not.toMatch(/undefined|null|NaN|\[object|\{\{|\d{4}-\d{2}-\d{2}(?!\d)/);
      }
      expect(text).not.toMatch(/\n{3,}/);
      expect(html).not.toMatch(/<p[^>]*>\s*<\/p>/);
    });

    it('greets as an official letter does, not with the name as typed', () => {
      const greeting = lang === 'pl' ? 'Dzień dobry,' : 'Hello,';
      expect(text.startsWith(`${greeting}\n\n`)).toBe(true);
      expect(html).toContain(`>${greeting}</p>`);
    });

    it('matches its snapshot', () => {
      expect(m).toMatchSnapshot();
    });
  });
});

describe('award-rejected on the reserve list', () => {
  const render = (lang: Lang, changes: Partial<EventPayload<'grants.award.rejected'>>) => {
    const payload = samplePayload('grants.award.rejected', changes);
    const [m] = planMessages(envelope('grants.award.rejected', payload), {
      operators: [],
    }) as PlannedMessage<'award-rejected'>[];
    return plain(renderMessage('award-rejected', lang, { ...m.data, name: 'Anna' }).text);
  };

  it('says what is left of the budget does not cover the amount, with both figures', () => {
    const changes = { amount: 6_384_600, remainingBudget: 6_322_000 };
    const pl = render('pl', changes);
    expect(pl).toContain(
      'środki pozostałe w budżecie naboru (63 220,00 zł) nie wystarczają na pokrycie wnioskowanej kwoty (63 846,00 zł)',
    );
    expect(pl).toContain('Pozostało w budżecie naboru: 63 220,00 zł');
    expect(pl).not.toMatch(/wyczerp/);
    const en = render('en', changes);
    expect(en).toContain(
      "what is left of the call's budget (PLN 63,220.00) does not cover the amount requested (PLN 63,846.00)",
    );
    expect(en).toContain("Left in the call's budget: PLN 63,220.00");
    expect(en).not.toMatch(/exhausted/);
  });

  it('when the rest would cover it, says one ranked higher did not fit (no skipping down)', () => {
    const changes = { amount: 2_000_000, remainingBudget: 2_000_000 };
    expect(render('pl', changes)).toContain(
      'środki pozostałe w budżecie naboru (20 000,00 zł) nie wystarczyły na wniosek zajmujący wyższe miejsce na liście rankingowej',
    );
    expect(render('en', changes)).toContain(
      "what is left of the call's budget (PLN 20,000.00) did not cover an application ranked higher",
    );
  });

  it('says nothing untrue when an older event does not carry what was left', () => {
    const changes = { remainingBudget: undefined };
    const pl = render('pl', changes);
    expect(pl).toContain(
      'środki pozostałe w budżecie naboru nie wystarczyły na jego dofinansowanie w kolejności listy rankingowej',
    );
    expect(pl).not.toContain('Pozostało w budżecie naboru');
    expect(render('en', changes)).not.toContain("Left in the call's budget");
  });

  it('a negative decision says nothing of the budget', () => {
    const pl = render('pl', { outcome: 'below-threshold', rank: null });
    expect(pl).toContain('nie uzyskał wymaganej liczby punktów');
    expect(pl).not.toContain('budżecie');
  });
});

describe('agreement-ready', () => {
  it('without a place says OWES will confirm it, and leaves no gap', () => {
    const data = { ...sampleOf('agreement-ready').data, place: null, name: 'Anna' };
    const pl = renderMessage('agreement-ready', 'pl', data);
    expect(pl.text).toContain('w dniu 15 marca 2027.');
    expect(pl.text).toContain('Godzinę i miejsce podpisania potwierdzi OWES');
    expect(pl.text).not.toContain('Miejsce podpisania:');
    const en = renderMessage('agreement-ready', 'en', data);
    expect(en.text).toContain('OWES will confirm the time and place');
    for (const part of [pl.text, pl.html, en.text, en.html]) expect(part).not.toMatch(/null|\(\)/);
    // with a place, no promise to confirm it
    const placed = renderMessage('agreement-ready', 'pl', { ...data, place: 'Płock' });
    expect(placed.text).toContain('w dniu 15 marca 2027 (Płock).');
    expect(placed.text).not.toContain('potwierdzi OWES');
  });
});

describe('award-granted from the reserve list', () => {
  const data = { ...sampleOf('award-granted').data, name: 'Anna' };

  it('says the application was funded from the reserve list with freed money', () => {
    const pl = plain(renderMessage('award-granted', 'pl', { ...data, fromReserve: true }).text);
    expect(pl).toContain(
      'zwolniły się środki w naborze NAB/1/2026 „Tworzenie miejsc pracy w przedsiębiorstwach społecznych”',
    );
    expect(pl).toContain('wniosek OWES/2026/00042 otrzymał wsparcie finansowe z listy rezerwowej');
    expect(pl).not.toContain('Komisja Oceny Wniosków przyznała');
    expect(pl).toContain('Kwota wsparcia: 127 691,00 zł');
    const en = plain(renderMessage('award-granted', 'en', { ...data, fromReserve: true }).text);
    expect(en).toContain('money has been freed in call NAB/1/2026');
    expect(en).toContain('application OWES/2026/00042 has been funded from the reserve list');
    expect(en).not.toContain('the evaluation committee has awarded');
  });

  it('keeps the usual wording otherwise', () => {
    expect(renderMessage('award-granted', 'pl', data).text).toContain(
      'Komisja Oceny Wniosków przyznała wsparcie finansowe na wniosek OWES/2026/00042',
    );
    expect(renderMessage('award-granted', 'en', data).text).not.toContain('reserve list');
  });
});

describe('award-given-up', () => {
  it('names the operator when an operator gave it up for the applicant', () => {
    const data = { ...sampleOf('award-given-up').data, by: 'operator' as const, name: 'Anna' };
    expect(renderMessage('award-given-up', 'pl', data).text).toContain(
      'Zgłaszający: operator OWES w imieniu wnioskodawcy',
    );
    expect(renderMessage('award-given-up', 'en', data).text).toContain(
      "Given up by: an OWES operator on the applicant's behalf",
    );
  });
});

describe('bridging-extension-decided', () => {
  const approved = { ...sampleOf('bridging-extension-decided').data, name: 'Anna' };
  const rejected = {
    ...approved,
    approved: false,
    reason: 'Przychody przedsiębiorstwa pokrywają koszty zatrudnienia',
    awardAmount: 12_769_100,
  };

  it('when rejected gives the reason and says bridging support ends after the base months', () => {
    const pl = renderMessage('bridging-extension-decided', 'pl', rejected);
    expect(pl.subject).toBe(
      'Decyzja: odmowa przedłużenia wsparcia pomostowego – wniosek OWES/2026/00042',
    );
    expect(pl.text).toContain('nie zatwierdził przedłużenia wsparcia pomostowego o 6 miesięcy');
    expect(pl.text).toContain(
      'Uzasadnienie: Przychody przedsiębiorstwa pokrywają koszty zatrudnienia',
    );
    expect(pl.text).toContain('kończy się po podstawowym okresie');
    expect(pl.text).not.toContain('Kwota wsparcia po zmianie');
    const en = renderMessage('bridging-extension-decided', 'en', rejected);
    expect(en.subject).toBe(
      'Decision: bridging-support extension rejected – application OWES/2026/00042',
    );
    expect(en.text).toContain('Reasons: Przychody przedsiębiorstwa pokrywają koszty zatrudnienia');
    expect(en.text).toContain('bridging support ends after the base months');
    expect(en.text).not.toContain('Grant amount now');
  });

  it('when approved without a reason leaves no gap', () => {
    for (const lang of ['pl', 'en'] as const) {
      const m = renderMessage('bridging-extension-decided', lang, approved);
      expect(m.text).not.toMatch(/Uzasadnienie|Reasons|null/);
      expect(m.text).not.toMatch(/\n{3,}/);
    }
  });

  it.each([
    [1, '1 miesiąc', '1 month'],
    [3, '3 miesiące', '3 months'],
    [5, '5 miesięcy', '5 months'],
    [12, '12 miesięcy', '12 months'],
  ])('counts %i months with the right plural form', (months, pl, en) => {
    expect(
      renderMessage('bridging-extension-decided', 'pl', { ...approved, months }).text,
    ).toContain(`Okres przedłużenia: ${pl}`);
    expect(
      renderMessage('bridging-extension-decided', 'en', { ...approved, months }).text,
    ).toContain(`Extension: ${en}`);
  });
});
