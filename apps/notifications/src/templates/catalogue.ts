/**
 * Message templates (Handlebars), Polish by default and English. Each message is written once as
 * its parts — subject, opening, facts, an optional list, paragraphs, an optional link and "what
 * to do next, by when" — and `render.ts` builds both the plain-text and the HTML part from them,
 * so the two parts can never say different things. Every message names the reference (or what
 * it is about) and what to do next.
 *
 * Variables come from the event payloads as they are (grosze, ISO dates and moments); helpers
 * format them for the reader's language: `pln` (grosze → '35 212,00 zł'), `date`, `datetime`,
 * `time` (Europe/Warsaw), `month` ('YYYY-MM' → 'grudzień 2026'), `num` (a score: '72,5'),
 * `days`/`workingDays`/`count` (Polish plural forms: '1 dzień', '2 dni', '5 dni'), `label`
 * (an enumeration in words, `labels.ts`). A missing variable is an error, never an empty gap.
 */
export interface Fact {
  label: string;
  value: string;
  /** Shown only when this variable is truthy. */
  if?: string;
}

export interface MessageSource {
  subject: string;
  /** First paragraph, after the greeting. */
  intro: string;
  facts?: Fact[];
  /** A bulleted list over an array variable; `item` is rendered with each element as context. */
  list?: { field: string; title: string; item: string };
  paragraphs?: string[];
  /** A link the reader follows (shown as a button in HTML). */
  action?: { url: string; label: string };
  /** What to do next, by when. */
  next: string;
}

export const TEMPLATE_NAMES = [
  'account-verification',
  'application-submitted',
  'group-submitted',
  'group-qualified',
  'group-rejected',
  'corrections-requested',
  'corrections-reminder',
  'corrections-answered',
  'call-closing-reminder',
  'formally-accepted',
  'formally-rejected',
  'application-withdrawn',
  'evaluation-assigned',
  'evaluation-reminder',
  'evaluation-overdue',
  'evaluation-overdue-operator',
  'award-granted',
  'award-rejected',
  'award-given-up',
  'appeal-resolved',
  'agreement-ready',
  'agreement-signed',
  'payment-made',
  'bridging-extension-requested-operator',
  'bridging-extension-decided',
  'job-report-due',
  'job-report-reminder',
  'job-report-overdue',
  'job-report-overdue-operator',
  'job-vacancy',
  'refund-claimed',
  'award-settled',
] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/**
 * The frame every message shares, per language. A Polish official letter does not greet with
 * the name as typed ("Dzień dobry Piotr Trzeci,"): it says "Dzień dobry," — or "Szanowna Pani," /
 * "Szanowny Panie," when the form of address is known, which the recipients in the events do
 * not carry — so every message opens "Dzień dobry," (in English "Hello,").
 */
export const FRAME = {
  pl: {
    greeting: 'Dzień dobry,',
    next: 'Co dalej',
    linkHint: 'Jeśli przycisk nie działa, skopiuj ten adres do przeglądarki:',
    closing: 'Z poważaniem\nOśrodek Wsparcia Ekonomii Społecznej',
    footer: 'Wiadomość wysłana automatycznie przez system OWES Grants.',
  },
  en: {
    greeting: 'Hello,',
    next: 'What to do next',
    linkHint: 'If the button does not work, copy this address into your browser:',
    closing: 'Kind regards\nSocial Economy Support Centre (OWES)',
    footer: 'This message was sent automatically by OWES Grants.',
  },
} as const;

export const CATALOGUE: Record<TemplateName, { pl: MessageSource; en: MessageSource }> = {
  'account-verification': {
    pl: {
      subject: 'Potwierdź adres e-mail w systemie OWES Grants',
      intro:
        'dziękujemy za założenie konta w systemie OWES Grants. Aby z niego korzystać, potwierdź swój adres e-mail {{email}}.',
      action: { url: '{{verificationUrl}}', label: 'Potwierdź adres e-mail' },
      facts: [{ label: 'Link ważny do', value: '{{datetime expiresAt}}' }],
      next: 'otwórz link powyżej najpóźniej {{datetime expiresAt}}. Dopóki adres nie zostanie potwierdzony, nie zalogujesz się do systemu. Jeśli to nie Ty zakładałeś konto, zignoruj tę wiadomość.',
    },
    en: {
      subject: 'Confirm your e-mail address for OWES Grants',
      intro:
        'thank you for creating an OWES Grants account. To use it, please confirm your e-mail address {{email}}.',
      action: { url: '{{verificationUrl}}', label: 'Confirm e-mail address' },
      facts: [{ label: 'Link valid until', value: '{{datetime expiresAt}}' }],
      next: 'open the link above by {{datetime expiresAt}}. Until the address is confirmed you cannot log in. If you did not create the account, ignore this message.',
    },
  },

  'application-submitted': {
    pl: {
      subject: 'Potwierdzenie złożenia wniosku {{reference}}',
      intro:
        'potwierdzamy złożenie wniosku o przyznanie wsparcia finansowego w naborze {{callNumber}} „{{callTitle}}”.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Data złożenia', value: '{{datetime submittedAt}}' },
      ],
      next: 'wniosek przejdzie ocenę formalną. Jeśli będzie wymagał uzupełnienia braków formalnych, poinformujemy Cię o tym e-mailem i wskażemy termin. Podawaj numer wniosku we wszystkich sprawach z nim związanych.',
    },
    en: {
      subject: 'Your application {{reference}} has been submitted',
      intro:
        'we confirm that your grant application in call {{callNumber}} "{{callTitle}}" has been submitted.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Submitted', value: '{{datetime submittedAt}}' },
      ],
      next: 'the application goes through the formal check. If anything needs correcting, we will e-mail you what and by when. Please quote the reference number in every matter concerning it.',
    },
  },

  'group-submitted': {
    pl: {
      subject: 'Potwierdzenie złożenia zgłoszenia grupy inicjatywnej „{{groupName}}”',
      intro:
        'potwierdzamy złożenie zgłoszenia grupy inicjatywnej „{{groupName}}” do wsparcia OWES.',
      facts: [
        { label: 'Numer zgłoszenia', value: '{{groupId}}' },
        { label: 'Planowana forma prawna', value: '{{label "legalForm" plannedLegalForm}}' },
        {
          label: 'Członkowie – osoby fizyczne',
          value: '{{count "persons" naturalPersons}}',
          if: 'naturalPersons',
        },
        {
          label: 'Członkowie – osoby prawne',
          value: '{{count "entities" legalPersons}}',
          if: 'legalPersons',
        },
        { label: 'Planowane miejsca pracy', value: '{{count "jobs" plannedJobs}}' },
        { label: 'Data złożenia', value: '{{datetime submittedAt}}' },
      ],
      next: 'komisja rekrutacyjna rozpatrzy zgłoszenie; o decyzji poinformujemy Cię e-mailem. Nic nie musisz teraz robić. W sprawach zgłoszenia podawaj jego numer.',
    },
    en: {
      subject: 'Initiative group "{{groupName}}": application for support submitted',
      intro: 'we confirm that initiative group "{{groupName}}" has applied for OWES support.',
      facts: [
        { label: 'Application number', value: '{{groupId}}' },
        { label: 'Planned legal form', value: '{{label "legalForm" plannedLegalForm}}' },
        {
          label: 'Members – natural persons',
          value: '{{count "persons" naturalPersons}}',
          if: 'naturalPersons',
        },
        {
          label: 'Members – legal persons',
          value: '{{count "entities" legalPersons}}',
          if: 'legalPersons',
        },
        { label: 'Planned jobs', value: '{{count "jobs" plannedJobs}}' },
        { label: 'Submitted', value: '{{datetime submittedAt}}' },
      ],
      next: 'the recruitment committee will consider the application and we will e-mail you its decision. Nothing is needed from you now. Please quote the application number in every matter concerning it.',
    },
  },

  'group-qualified': {
    pl: {
      subject: 'Grupa inicjatywna „{{groupName}}” zakwalifikowana do wsparcia',
      intro:
        'komisja rekrutacyjna zakwalifikowała grupę inicjatywną „{{groupName}}” do wsparcia OWES.',
      facts: [
        { label: 'Numer zgłoszenia', value: '{{groupId}}' },
        { label: 'Data decyzji', value: '{{datetime decidedAt}}' },
        { label: 'Uzasadnienie', value: '{{reason}}', if: 'reason' },
      ],
      next: 'doradca OWES skontaktuje się z Tobą, aby zaplanować wsparcie w założeniu przedsiębiorstwa społecznego. Zakwalifikowana grupa może złożyć wniosek o przyznanie wsparcia finansowego w otwartym naborze wniosków.',
    },
    en: {
      subject: 'Initiative group "{{groupName}}" qualified for support',
      intro:
        'the recruitment committee has qualified initiative group "{{groupName}}" for OWES support.',
      facts: [
        { label: 'Application number', value: '{{groupId}}' },
        { label: 'Decided', value: '{{datetime decidedAt}}' },
        { label: 'Reasons', value: '{{reason}}', if: 'reason' },
      ],
      next: 'an OWES adviser will contact you to plan the support for founding the social enterprise. A qualified group may submit a grant application in an open call for applications.',
    },
  },

  'group-rejected': {
    pl: {
      subject:
        'Decyzja komisji rekrutacyjnej: grupa inicjatywna „{{groupName}}” niezakwalifikowana',
      intro:
        'komisja rekrutacyjna nie zakwalifikowała grupy inicjatywnej „{{groupName}}” do wsparcia OWES.',
      facts: [
        { label: 'Numer zgłoszenia', value: '{{groupId}}' },
        { label: 'Data decyzji', value: '{{datetime decidedAt}}' },
        { label: 'Uzasadnienie', value: '{{reason}}', if: 'reason' },
      ],
      next: 'jeśli chcesz omówić decyzję, skontaktuj się z OWES, podając numer zgłoszenia. Po usunięciu przyczyn odmowy grupa może złożyć nowe zgłoszenie.',
    },
    en: {
      subject: 'Recruitment decision: initiative group "{{groupName}}" not qualified',
      intro:
        'the recruitment committee has not qualified initiative group "{{groupName}}" for OWES support.',
      facts: [
        { label: 'Application number', value: '{{groupId}}' },
        { label: 'Decided', value: '{{datetime decidedAt}}' },
        { label: 'Reasons', value: '{{reason}}', if: 'reason' },
      ],
      next: 'to discuss the decision, contact OWES quoting the application number. Once the reasons are addressed, the group may apply again.',
    },
  },

  'corrections-requested': {
    pl: {
      subject:
        'Wezwanie do uzupełnienia braków formalnych – wniosek {{reference}} – termin {{date lastDay}}',
      intro:
        'w ocenie formalnej wniosku {{reference}} stwierdziliśmy braki formalne. Prosimy o ich uzupełnienie w terminie {{workingDays termWorkingDays}}.',
      list: {
        field: 'issues',
        title: 'Do uzupełnienia',
        item: '{{description}}{{#if path}} (pole: {{path}}){{/if}}',
      },
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Termin', value: '{{workingDays termWorkingDays}}' },
        { label: 'Ostatni dzień', value: '{{date lastDay}}, do godz. {{time deadline}}' },
      ],
      next: 'popraw wniosek w systemie i złóż go ponownie najpóźniej {{date lastDay}} do godz. {{time deadline}}. Wniosek nieuzupełniony w terminie zostanie odrzucony z przyczyn formalnych. Dzień roboczy przed upływem terminu przypomnimy Ci o nim.',
    },
    en: {
      subject: 'Corrections requested – application {{reference}} – due {{date lastDay}}',
      intro:
        'the formal check of application {{reference}} found gaps. Please correct them within {{workingDays termWorkingDays}}.',
      list: {
        field: 'issues',
        title: 'To correct',
        item: '{{description}}{{#if path}} (field: {{path}}){{/if}}',
      },
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Term', value: '{{workingDays termWorkingDays}}' },
        { label: 'Last day', value: '{{date lastDay}}, until {{time deadline}}' },
      ],
      next: 'correct the application in the system and submit it again by {{date lastDay}}, {{time deadline}}. An application not corrected in time is rejected on formal grounds. We will remind you one working day before the term ends.',
    },
  },

  'corrections-reminder': {
    pl: {
      subject: 'Przypomnienie: termin uzupełnienia wniosku {{reference}} mija {{date lastDay}}',
      intro:
        'nie otrzymaliśmy jeszcze uzupełnionego wniosku {{reference}}. Termin uzupełnienia braków formalnych upływa {{date lastDay}} o godz. {{time deadline}}{{#if daysLeft}} (za {{days daysLeft}}){{/if}}.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Ostatni dzień', value: '{{date lastDay}}, do godz. {{time deadline}}' },
      ],
      next: 'uzupełnij wniosek w systemie i złóż go ponownie przed upływem terminu; inaczej zostanie odrzucony z przyczyn formalnych. Jeśli wniosek został już złożony ponownie, zignoruj tę wiadomość.',
    },
    en: {
      subject: 'Reminder: corrections to application {{reference}} are due {{date lastDay}}',
      intro:
        'we have not yet received the corrected application {{reference}}. The term for corrections ends on {{date lastDay}} at {{time deadline}}{{#if daysLeft}} (in {{days daysLeft}}){{/if}}.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Last day', value: '{{date lastDay}}, until {{time deadline}}' },
      ],
      next: 'correct the application and submit it again before the term ends; otherwise it is rejected on formal grounds. If you have already resubmitted it, ignore this message.',
    },
  },

  'call-closing-reminder': {
    pl: {
      subject: 'Przypomnienie: nabór {{callNumber}} zamyka się {{date closesAt}}',
      intro:
        'Twój wniosek w naborze {{callNumber}} „{{callTitle}}” jest wciąż wersją roboczą. Nabór zamyka się {{date closesAt}} o godz. {{time closesAt}}{{#if daysLeft}} (za {{days daysLeft}}){{/if}}.',
      facts: [
        { label: 'Nabór', value: '{{callNumber}}' },
        { label: 'Zamknięcie naboru', value: '{{date closesAt}}, godz. {{time closesAt}}' },
      ],
      next: 'dokończ wniosek i złóż go w systemie przed zamknięciem naboru; wersji roboczej nie rozpatrujemy. Jeśli wniosek został już złożony, zignoruj tę wiadomość.',
    },
    en: {
      subject: 'Reminder: call {{callNumber}} closes on {{date closesAt}}',
      intro:
        'your application in call {{callNumber}} "{{callTitle}}" is still a draft. The call closes on {{date closesAt}} at {{time closesAt}}{{#if daysLeft}} (in {{days daysLeft}}){{/if}}.',
      facts: [
        { label: 'Call', value: '{{callNumber}}' },
        { label: 'Call closes', value: '{{date closesAt}}, {{time closesAt}}' },
      ],
      next: 'finish the application and submit it in the system before the call closes; drafts are not considered. If you have already submitted it, ignore this message.',
    },
  },

  'corrections-answered': {
    pl: {
      subject: 'Otrzymaliśmy uzupełniony wniosek {{reference}}',
      intro: 'potwierdzamy złożenie uzupełnionego wniosku {{reference}} (wersja {{version}}).',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Data złożenia uzupełnienia', value: '{{datetime answeredAt}}' },
      ],
      next: 'wniosek wraca do oceny formalnej; o jej wyniku poinformujemy Cię e-mailem. Nic nie musisz teraz robić.',
    },
    en: {
      subject: 'Corrected application {{reference}} received',
      intro:
        'we confirm that the corrected application {{reference}} (version {{version}}) has been submitted.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Corrections submitted', value: '{{datetime answeredAt}}' },
      ],
      next: 'the application returns to the formal check and we will e-mail you its result. Nothing is needed from you now.',
    },
  },

  'formally-accepted': {
    pl: {
      subject: 'Wniosek {{reference}} przeszedł ocenę formalną',
      intro:
        'wniosek {{reference}} ({{entityName}}) przeszedł ocenę formalną z wynikiem pozytywnym.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Wnioskowana kwota', value: '{{pln amountTotal}}' },
        { label: 'Miejsca pracy', value: '{{count "jobs" jobs}}' },
        { label: 'Data oceny', value: '{{datetime acceptedAt}}' },
      ],
      next: 'wniosek przechodzi do oceny merytorycznej przez Komisję Oceny Wniosków. Nic nie musisz teraz robić; o wyniku oceny i decyzji poinformujemy Cię e-mailem.',
    },
    en: {
      subject: 'Application {{reference}} passed the formal check',
      intro: 'application {{reference}} ({{entityName}}) has passed the formal check.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Amount requested', value: '{{pln amountTotal}}' },
        { label: 'Jobs', value: '{{count "jobs" jobs}}' },
        { label: 'Checked', value: '{{datetime acceptedAt}}' },
      ],
      next: 'the application goes on to the substantive evaluation by the evaluation committee. Nothing is needed from you now; we will e-mail you the result and the decision.',
    },
  },

  'formally-rejected': {
    pl: {
      subject: 'Wniosek {{reference}} odrzucony w ocenie formalnej',
      intro:
        '{{#if automatic}}wniosek {{reference}} został odrzucony, ponieważ braki formalne nie zostały uzupełnione w wyznaczonym terminie.{{else}}wniosek {{reference}} nie przeszedł oceny formalnej i został odrzucony.{{/if}}',
      list: { field: 'reasons', title: 'Przyczyny', item: '{{this}}' },
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Data decyzji', value: '{{datetime decidedAt}}' },
      ],
      next: 'wniosek nie będzie dalej rozpatrywany. Jeśli masz pytania, skontaktuj się z OWES, podając numer wniosku. Możesz złożyć nowy wniosek w kolejnym naborze.',
    },
    en: {
      subject: 'Application {{reference}} rejected in the formal check',
      intro:
        '{{#if automatic}}application {{reference}} has been rejected because the corrections were not submitted within the term.{{else}}application {{reference}} did not pass the formal check and has been rejected.{{/if}}',
      list: { field: 'reasons', title: 'Reasons', item: '{{this}}' },
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Decided', value: '{{datetime decidedAt}}' },
      ],
      next: 'the application will not be considered further. If you have questions, contact OWES quoting the reference number. You may apply in a later call.',
    },
  },

  'application-withdrawn': {
    pl: {
      subject: 'Potwierdzenie wycofania wniosku{{#if reference}} {{reference}}{{/if}}',
      intro:
        'potwierdzamy wycofanie {{#if reference}}wniosku {{reference}}{{else}}wersji roboczej wniosku{{/if}} o przyznanie wsparcia finansowego.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}', if: 'reference' },
        { label: 'Data wycofania', value: '{{datetime withdrawnAt}}' },
      ],
      next: 'wniosek nie będzie dalej rozpatrywany. Możesz złożyć nowy wniosek, dopóki nabór jest otwarty.',
    },
    en: {
      subject: 'Application{{#if reference}} {{reference}}{{/if}} withdrawn',
      intro:
        'we confirm that {{#if reference}}application {{reference}}{{else}}your draft application{{/if}} has been withdrawn.',
      facts: [
        { label: 'Reference number', value: '{{reference}}', if: 'reference' },
        { label: 'Withdrawn', value: '{{datetime withdrawnAt}}' },
      ],
      next: 'the application will not be considered further. You may submit a new one while the call is open.',
    },
  },

  'evaluation-assigned': {
    pl: {
      subject: 'Wniosek {{reference}} do oceny merytorycznej – termin {{date dueDate}}',
      intro:
        'przydzielono Ci do oceny merytorycznej wniosek {{reference}} w naborze {{callNumber}} ({{label "round" round}}).',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Nabór', value: '{{callNumber}}' },
        { label: 'Termin oceny', value: '{{date dueDate}}, do godz. {{time deadline}}' },
      ],
      next: 'zaloguj się do systemu i podpisz deklarację bezstronności i poufności dla tego wniosku (albo zgłoś konflikt interesów – wtedy wniosek otrzyma inny oceniający). Następnie oceń wniosek i przyznaj punkty z uzasadnieniem najpóźniej {{date dueDate}}. Dwa dni przed terminem przypomnimy Ci o nim.',
    },
    en: {
      subject: 'Application {{reference}} assigned for evaluation – due {{date dueDate}}',
      intro:
        'application {{reference}} in call {{callNumber}} has been assigned to you for substantive evaluation ({{label "round" round}}).',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Call', value: '{{callNumber}}' },
        { label: 'Due', value: '{{date dueDate}}, until {{time deadline}}' },
      ],
      next: 'log in and sign the impartiality and confidentiality declaration for this application (or declare a conflict of interest, and another evaluator will get it). Then score it, with a justification for each criterion, by {{date dueDate}}. We will remind you two days before.',
    },
  },

  'evaluation-reminder': {
    pl: {
      subject: 'Przypomnienie: ocena wniosku {{reference}} – termin {{date dueDate}}',
      intro:
        'przypominamy, że termin oceny merytorycznej wniosku {{reference}} w naborze {{callNumber}} upływa {{date dueDate}} o godz. {{time deadline}}{{#if daysLeft}} (za {{days daysLeft}}){{/if}}.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Termin oceny', value: '{{date dueDate}}, do godz. {{time deadline}}' },
      ],
      next: 'złóż ocenę w systemie przed upływem terminu. Jeśli ocena jest już złożona, zignoruj tę wiadomość.',
    },
    en: {
      subject: 'Reminder: evaluation of application {{reference}} due {{date dueDate}}',
      intro:
        'the evaluation of application {{reference}} in call {{callNumber}} is due on {{date dueDate}} at {{time deadline}}{{#if daysLeft}} (in {{days daysLeft}}){{/if}}.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Due', value: '{{date dueDate}}, until {{time deadline}}' },
      ],
      next: 'submit your scores before the term ends. If you have already submitted them, ignore this message.',
    },
  },

  'evaluation-overdue': {
    pl: {
      subject: 'Minął termin oceny wniosku {{reference}}',
      intro:
        'termin oceny merytorycznej wniosku {{reference}} w naborze {{callNumber}} upłynął {{date dueDate}}, a ocena nie została złożona.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Termin oceny', value: '{{date dueDate}}' },
      ],
      next: 'złóż ocenę niezwłocznie albo skontaktuj się z operatorem OWES, jeśli nie możesz jej przygotować – wniosek zostanie wtedy przekazany innemu oceniającemu. Operator został poinformowany o opóźnieniu.',
    },
    en: {
      subject: 'The evaluation of application {{reference}} is overdue',
      intro:
        'the evaluation of application {{reference}} in call {{callNumber}} was due on {{date dueDate}} and has not been submitted.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Was due', value: '{{date dueDate}}' },
      ],
      next: 'submit your scores at once, or contact the OWES operator if you cannot – the application will then go to another evaluator. The operator has been told about the delay.',
    },
  },

  'evaluation-overdue-operator': {
    pl: {
      subject: 'Opóźniona ocena wniosku {{reference}} – {{evaluatorName}}',
      intro:
        'oceniający {{evaluatorName}} ({{evaluatorEmail}}) nie złożył w terminie oceny merytorycznej wniosku {{reference}} w naborze {{callNumber}} ({{label "round" round}}).',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Nabór', value: '{{callNumber}}' },
        { label: 'Oceniający', value: '{{evaluatorName}}, {{evaluatorEmail}}' },
        { label: 'Termin oceny', value: '{{date dueDate}}' },
      ],
      next: 'skontaktuj się z oceniającym albo przydziel wniosek innemu członkowi Komisji Oceny Wniosków, aby nie opóźniać listy rankingowej naboru {{callNumber}}.',
    },
    en: {
      subject: 'Evaluation of application {{reference}} overdue – {{evaluatorName}}',
      intro:
        'evaluator {{evaluatorName}} ({{evaluatorEmail}}) has not submitted the evaluation of application {{reference}} in call {{callNumber}} ({{label "round" round}}) in time.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Call', value: '{{callNumber}}' },
        { label: 'Evaluator', value: '{{evaluatorName}}, {{evaluatorEmail}}' },
        { label: 'Was due', value: '{{date dueDate}}' },
      ],
      next: 'contact the evaluator or assign the application to another committee member, so that the ranking of call {{callNumber}} is not delayed.',
    },
  },

  'award-granted': {
    pl: {
      subject: 'Decyzja: przyznano wsparcie finansowe – wniosek {{reference}}',
      intro:
        '{{#if fromReserve}}zwolniły się środki w naborze {{callNumber}} „{{callTitle}}” (inny wnioskodawca zrezygnował z przyznanego wsparcia), dzięki czemu wniosek {{reference}} otrzymał wsparcie finansowe z listy rezerwowej.{{else}}{{#if afterAppeal}}po rozpatrzeniu odwołań {{/if}}Komisja Oceny Wniosków przyznała wsparcie finansowe na wniosek {{reference}} w naborze {{callNumber}} „{{callTitle}}”.{{/if}}',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Kwota wsparcia', value: '{{pln amount}}' },
        {
          label: 'Wynik oceny',
          value: '{{num score}} na {{num maxScore}} pkt (próg: {{num requiredScore}} pkt)',
        },
        { label: 'Miejsce na liście rankingowej', value: '{{rank}}' },
        { label: 'Data decyzji', value: '{{datetime decidedAt}}' },
      ],
      next: 'OWES przygotuje umowę o udzielenie wsparcia finansowego i skontaktuje się z Tobą w sprawie terminu jej podpisania. Przygotuj zabezpieczenie (np. weksel in blanco wraz z deklaracją wekslową) i dokumenty potwierdzające zatrudnienie osób na nowych miejscach pracy.',
    },
    en: {
      subject: 'Decision: grant awarded – application {{reference}}',
      intro:
        '{{#if fromReserve}}money has been freed in call {{callNumber}} "{{callTitle}}" (another applicant gave up their grant), so application {{reference}} has been funded from the reserve list and awarded a grant.{{else}}{{#if afterAppeal}}after the appeals, {{/if}}the evaluation committee has awarded a grant to application {{reference}} in call {{callNumber}} "{{callTitle}}".{{/if}}',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Amount awarded', value: '{{pln amount}}' },
        {
          label: 'Score',
          value: '{{num score}} of {{num maxScore}} points (threshold: {{num requiredScore}})',
        },
        { label: 'Rank', value: '{{rank}}' },
        { label: 'Decided', value: '{{datetime decidedAt}}' },
      ],
      next: 'OWES will prepare the grant agreement and contact you to arrange its signing. Prepare the security (e.g. a blank promissory note with its declaration) and the documents on employing people in the new jobs.',
    },
  },

  'award-rejected': {
    pl: {
      subject:
        '{{#if reserve}}Decyzja: wniosek {{reference}} na liście rezerwowej{{else}}Decyzja: wniosek {{reference}} nie otrzymał wsparcia{{/if}}',
      intro:
        '{{#if reserve}}wniosek {{reference}} w naborze {{callNumber}} „{{callTitle}}” uzyskał ocenę pozytywną, ale nie został rekomendowany do dofinansowania: {{#if remainingKnown}}{{#if budgetShort}}środki pozostałe w budżecie naboru ({{pln remainingBudget}}) nie wystarczają na pokrycie wnioskowanej kwoty ({{pln amount}}).{{else}}środki pozostałe w budżecie naboru ({{pln remainingBudget}}) nie wystarczyły na wniosek zajmujący wyższe miejsce na liście rankingowej, a wsparcie przyznaje się wyłącznie w kolejności tej listy.{{/if}}{{else}}środki pozostałe w budżecie naboru nie wystarczyły na jego dofinansowanie w kolejności listy rankingowej.{{/if}} Znajduje się na liście rezerwowej.{{else}}wniosek {{reference}} w naborze {{callNumber}} „{{callTitle}}” nie uzyskał wymaganej liczby punktów i nie otrzymał wsparcia finansowego.{{/if}}',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        {
          label: 'Wynik oceny',
          value: '{{num score}} na {{num maxScore}} pkt (próg: {{num requiredScore}} pkt)',
        },
        { label: 'Miejsce na liście rankingowej', value: '{{rank}}', if: 'rank' },
        { label: 'Wnioskowana kwota', value: '{{pln amount}}' },
        {
          label: 'Pozostało w budżecie naboru',
          value: '{{pln remainingBudget}}',
          if: 'remainingKnown',
        },
        { label: 'Data decyzji', value: '{{datetime decidedAt}}' },
      ],
      paragraphs: [
        '{{#if reserve}}Jeśli zwolnią się środki (np. po odwołaniach), wnioski z listy rezerwowej otrzymają wsparcie w kolejności listy rankingowej – poinformujemy Cię o tym e-mailem.{{/if}}',
      ],
      next: '{{#if afterAppeal}}decyzja jest ostateczna.{{else}}jeśli nie zgadzasz się z oceną, możesz wnieść odwołanie od wyników oceny w terminie {{workingDays appealTermWorkingDays}} od doręczenia decyzji, czyli najpóźniej {{date appealLastDay}} do godz. {{time appealDeadline}}. Złóż je w systemie przy wniosku {{reference}}, wskazując kwestionowane kryteria oceny i uzasadnienie.{{/if}}',
    },
    en: {
      subject:
        '{{#if reserve}}Decision: application {{reference}} is on the reserve list{{else}}Decision: application {{reference}} not funded{{/if}}',
      intro:
        '{{#if reserve}}application {{reference}} in call {{callNumber}} "{{callTitle}}" was evaluated positively but is not recommended for funding: {{#if remainingKnown}}{{#if budgetShort}}what is left of the call\'s budget ({{pln remainingBudget}}) does not cover the amount requested ({{pln amount}}).{{else}}what is left of the call\'s budget ({{pln remainingBudget}}) did not cover an application ranked higher, and grants are awarded strictly in ranking order.{{/if}}{{else}}what was left of the call\'s budget did not cover it in ranking order.{{/if}} It is on the reserve list.{{else}}application {{reference}} in call {{callNumber}} "{{callTitle}}" did not reach the required score and is not funded.{{/if}}',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        {
          label: 'Score',
          value: '{{num score}} of {{num maxScore}} points (threshold: {{num requiredScore}})',
        },
        { label: 'Rank', value: '{{rank}}', if: 'rank' },
        { label: 'Amount requested', value: '{{pln amount}}' },
        {
          label: "Left in the call's budget",
          value: '{{pln remainingBudget}}',
          if: 'remainingKnown',
        },
        { label: 'Decided', value: '{{datetime decidedAt}}' },
      ],
      paragraphs: [
        '{{#if reserve}}If money is freed (e.g. after appeals), applications on the reserve list are funded in ranking order – we will e-mail you if yours is.{{/if}}',
      ],
      next: '{{#if afterAppeal}}the decision is final.{{else}}if you disagree with the evaluation, you may appeal within {{workingDays appealTermWorkingDays}} of the decision, that is by {{date appealLastDay}}, {{time appealDeadline}}. Submit the appeal in the system for application {{reference}}, naming the contested criteria and your reasons.{{/if}}',
    },
  },

  'award-given-up': {
    pl: {
      subject: 'Potwierdzenie rezygnacji ze wsparcia finansowego – wniosek {{reference}}',
      intro:
        'potwierdzamy rezygnację ze wsparcia finansowego w wysokości {{pln amount}} przyznanego na wniosek {{reference}} w naborze {{callNumber}}. Umowa o udzielenie wsparcia finansowego nie zostanie zawarta.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Kwota wsparcia', value: '{{pln amount}}' },
        { label: 'Przyczyna rezygnacji', value: '{{reason}}' },
        { label: 'Data rezygnacji', value: '{{datetime givenUpAt}}' },
        { label: 'Zgłaszający', value: '{{label "givenUpBy" by}}' },
      ],
      paragraphs: [
        'Zwolnione środki zostaną przeznaczone na wsparcie wniosków z listy rezerwowej, w kolejności listy rankingowej.',
      ],
      next: 'nic więcej nie musisz robić. Jeśli rezygnacja została zgłoszona przez pomyłkę, niezwłocznie skontaktuj się z OWES, podając numer wniosku {{reference}}.',
    },
    en: {
      subject: 'Grant given up – application {{reference}}',
      intro:
        'we confirm that the grant of {{pln amount}} awarded to application {{reference}} in call {{callNumber}} has been given up. No grant agreement will be signed.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Grant amount', value: '{{pln amount}}' },
        { label: 'Reason', value: '{{reason}}' },
        { label: 'Given up', value: '{{datetime givenUpAt}}' },
        { label: 'Given up by', value: '{{label "givenUpBy" by}}' },
      ],
      paragraphs: [
        'The money freed goes to the applications on the reserve list, in ranking order.',
      ],
      next: 'nothing more is needed from you. If this was a mistake, contact OWES at once, quoting the reference number {{reference}}.',
    },
  },

  'appeal-resolved': {
    pl: {
      subject: 'Wynik odwołania – wniosek {{reference}}',
      intro:
        '{{#if upheld}}odwołanie od wyników oceny wniosku {{reference}} zostało uwzględnione.{{else}}odwołanie od wyników oceny wniosku {{reference}} nie zostało uwzględnione.{{/if}}',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Wynik przed odwołaniem', value: '{{num scoreBefore}} pkt' },
        { label: 'Wynik po ponownej ocenie', value: '{{num scoreAfter}} pkt' },
        { label: 'Data rozpatrzenia', value: '{{datetime resolvedAt}}' },
      ],
      next: 'wynik odwołania jest ostateczny. {{#if passed}}Wniosek przekracza próg punktowy: wnioski z listy rezerwowej otrzymują wsparcie w kolejności listy rankingowej z dostępnych środków – o decyzji poinformujemy Cię e-mailem po publikacji listy.{{else}}Wniosek nie przekracza progu punktowego i nie otrzyma wsparcia.{{/if}}',
    },
    en: {
      subject: 'Appeal result – application {{reference}}',
      intro:
        '{{#if upheld}}the appeal against the evaluation of application {{reference}} has been upheld.{{else}}the appeal against the evaluation of application {{reference}} has been dismissed.{{/if}}',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Score before the appeal', value: '{{num scoreBefore}} points' },
        { label: 'Score after re-evaluation', value: '{{num scoreAfter}} points' },
        { label: 'Resolved', value: '{{datetime resolvedAt}}' },
      ],
      next: 'the result of the appeal is final. {{#if passed}}The application passes the threshold: applications on the reserve list are funded in ranking order from the money available – we will e-mail you the decision once the list is published again.{{else}}The application does not pass the threshold and will not be funded.{{/if}}',
    },
  },

  'agreement-ready': {
    pl: {
      subject:
        'Umowa o udzielenie wsparcia finansowego gotowa do podpisania – wniosek {{reference}}',
      intro:
        'umowa o udzielenie wsparcia finansowego do wniosku {{reference}} jest gotowa do podpisania. Zapraszamy do jej podpisania w dniu {{date signingOn}}{{#if place}} ({{place}}){{/if}}.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Kwota wsparcia', value: '{{pln amount}}' },
        { label: 'Termin podpisania', value: '{{date signingOn}}' },
        { label: 'Miejsce podpisania', value: '{{place}}', if: 'place' },
      ],
      paragraphs: [
        'Co zabrać: weksel in blanco wraz z deklaracją wekslową – zabezpieczenie prawidłowego wykorzystania wsparcia – oraz dokumenty tożsamości osób, które podpiszą umowę.',
        '{{#unless place}}Godzinę i miejsce podpisania potwierdzi OWES – w razie pytań skontaktuj się z nami, podając numer wniosku.{{/unless}}',
        'Umowę podpisują osoby uprawnione do reprezentowania wnioskodawcy. Razem z umową otrzymasz zaświadczenie o pomocy de minimis.',
      ],
      next: 'przyjdź na podpisanie umowy {{date signingOn}} z wekslem in blanco i deklaracją wekslową. Jeśli nie możesz przyjść w tym terminie, skontaktuj się z OWES jak najszybciej, podając numer wniosku {{reference}}.',
    },
    en: {
      subject: 'Grant agreement ready to sign – application {{reference}}',
      intro:
        'the grant agreement for application {{reference}} is ready to sign. Please come to sign it on {{date signingOn}}{{#if place}} ({{place}}){{/if}}.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Grant amount', value: '{{pln amount}}' },
        { label: 'Signing on', value: '{{date signingOn}}' },
        { label: 'Place', value: '{{place}}', if: 'place' },
      ],
      paragraphs: [
        'What to bring: the blank promissory note with its declaration – the security for the proper use of the grant – and identity documents of the persons who will sign the agreement.',
        '{{#unless place}}OWES will confirm the time and place of the signing – if you have questions, contact us quoting the reference number.{{/unless}}',
        'The agreement is signed by the persons authorised to represent the applicant. You will receive the de minimis certificate with the agreement.',
      ],
      next: 'come to sign the agreement on {{date signingOn}} with the blank promissory note and its declaration. If you cannot come then, contact OWES as soon as possible quoting reference {{reference}}.',
    },
  },

  'agreement-signed': {
    pl: {
      subject: 'Umowa o udzielenie wsparcia finansowego podpisana – wniosek {{reference}}',
      intro:
        'potwierdzamy podpisanie umowy o udzielenie wsparcia finansowego do wniosku {{reference}}.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Kwota wsparcia', value: '{{pln amount}}' },
        { label: 'Data podpisania', value: '{{date signedOn}}' },
        { label: 'Zabezpieczenie', value: '{{label "security" security}}' },
        { label: 'Zaświadczenie o pomocy de minimis', value: 'nr {{deMinimisCertificateNumber}}' },
        { label: 'Miejsca pracy', value: '{{count "jobs" jobs}}' },
      ],
      next: 'wsparcie zostanie wypłacone zgodnie z umową – o każdej wypłacie poinformujemy Cię e-mailem. Utrzymuj utworzone miejsca pracy przez cały okres określony w umowie i co miesiąc potwierdzaj w systemie utrzymanie każdego z nich; przed każdym terminem wyślemy Ci przypomnienie. Zachowaj zaświadczenie o pomocy de minimis.',
    },
    en: {
      subject: 'Grant agreement signed – application {{reference}}',
      intro: 'we confirm that the grant agreement for application {{reference}} has been signed.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Grant amount', value: '{{pln amount}}' },
        { label: 'Signed on', value: '{{date signedOn}}' },
        { label: 'Security', value: '{{label "security" security}}' },
        { label: 'De minimis certificate', value: 'no. {{deMinimisCertificateNumber}}' },
        { label: 'Jobs', value: '{{count "jobs" jobs}}' },
      ],
      next: 'the grant will be paid as the agreement provides – we will e-mail you about every payment. Keep the new jobs for the whole term of the agreement and confirm every month in the system that each still exists; we will remind you before every deadline. Keep the de minimis certificate.',
    },
  },

  'payment-made': {
    pl: {
      subject: 'Wypłata {{pln amount}} – wniosek {{reference}}',
      intro:
        'OWES wypłacił {{pln amount}} ({{label "paymentKind" kind}}) do wniosku {{reference}}.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Rodzaj', value: '{{label "paymentKind" kind}}' },
        { label: 'Za miesiąc', value: '{{month month}}', if: 'month' },
        { label: 'Kwota', value: '{{pln amount}}' },
        { label: 'Data wypłaty', value: '{{date paidOn}}' },
        { label: 'Wypłacono łącznie', value: '{{pln paidTotal}}' },
        { label: 'Pozostało do wypłaty', value: '{{pln remaining}}' },
      ],
      next: 'sprawdź wpływ środków na rachunek wskazany w umowie i wydatkuj je zgodnie z umową i biznesplanem; zachowaj dokumenty potwierdzające wydatki. W razie rozbieżności skontaktuj się z OWES, podając numer wniosku.',
    },
    en: {
      subject: 'Payment of {{pln amount}} – application {{reference}}',
      intro:
        'OWES has paid {{pln amount}} ({{label "paymentKind" kind}}) for application {{reference}}.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Kind', value: '{{label "paymentKind" kind}}' },
        { label: 'For the month', value: '{{month month}}', if: 'month' },
        { label: 'Amount', value: '{{pln amount}}' },
        { label: 'Paid on', value: '{{date paidOn}}' },
        { label: 'Paid in total', value: '{{pln paidTotal}}' },
        { label: 'Still to be paid', value: '{{pln remaining}}' },
      ],
      next: 'check that the money reached the account named in the agreement and spend it as the agreement and the business plan provide; keep the receipts. If anything does not match, contact OWES quoting the reference number.',
    },
  },

  'bridging-extension-requested-operator': {
    pl: {
      subject: 'Wniosek o przedłużenie wsparcia pomostowego do decyzji – wniosek {{reference}}',
      intro:
        '{{applicantName}} ({{applicantEmail}}) wnioskuje o przedłużenie wsparcia pomostowego o {{count "months" months}} (wniosek {{reference}}). Wniosek o przedłużenie czeka na decyzję OWES.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Przedsiębiorstwo', value: '{{applicantName}}, {{applicantEmail}}' },
        { label: 'Okres przedłużenia', value: '{{count "months" months}}' },
        { label: 'Kwota miesięczna na miejsce pracy', value: '{{pln monthlyAmount}}' },
        { label: 'Miejsca pracy', value: '{{count "jobs" jobs}}' },
        { label: 'Łączna kwota przedłużenia', value: '{{pln amount}}' },
        { label: 'Uzasadnienie', value: '{{justification}}' },
        { label: 'Data złożenia', value: '{{datetime requestedAt}}' },
      ],
      next: 'rozpatrz wniosek niezwłocznie i zapisz decyzję w systemie (zatwierdzenie albo odmowa z uzasadnieniem): POST /api/awards/{{awardId}}/bridging-extension/{{requestId}}/decision. O decyzji poinformujemy przedsiębiorstwo e-mailem.',
    },
    en: {
      subject: 'Bridging-support extension request to decide – application {{reference}}',
      intro:
        '{{applicantName}} ({{applicantEmail}}) asks for the bridging support for application {{reference}} to be extended by {{count "months" months}}. The request awaits an OWES decision.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Enterprise', value: '{{applicantName}}, {{applicantEmail}}' },
        { label: 'Extension', value: '{{count "months" months}}' },
        { label: 'Monthly amount per job', value: '{{pln monthlyAmount}}' },
        { label: 'Jobs', value: '{{count "jobs" jobs}}' },
        { label: 'Extension total', value: '{{pln amount}}' },
        { label: 'Justification', value: '{{justification}}' },
        { label: 'Requested', value: '{{datetime requestedAt}}' },
      ],
      next: 'consider the request without delay and record the decision in the system (approval, or rejection with reasons): POST /api/awards/{{awardId}}/bridging-extension/{{requestId}}/decision. We will e-mail the decision to the enterprise.',
    },
  },

  'bridging-extension-decided': {
    pl: {
      subject:
        '{{#if approved}}Decyzja: przedłużenie wsparcia pomostowego zatwierdzone{{else}}Decyzja: odmowa przedłużenia wsparcia pomostowego{{/if}} – wniosek {{reference}}',
      intro:
        '{{#if approved}}OWES zatwierdził przedłużenie wsparcia pomostowego o {{count "months" months}} (wniosek {{reference}}). Kwota wsparcia wynosi teraz {{pln awardAmount}}.{{else}}OWES nie zatwierdził przedłużenia wsparcia pomostowego o {{count "months" months}} (wniosek {{reference}}).{{/if}}',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Okres przedłużenia', value: '{{count "months" months}}' },
        { label: 'Kwota miesięczna na miejsce pracy', value: '{{pln monthlyAmount}}' },
        { label: 'Miejsca pracy', value: '{{count "jobs" jobs}}' },
        { label: 'Łączna kwota przedłużenia', value: '{{pln amount}}' },
        { label: 'Kwota wsparcia po zmianie', value: '{{pln awardAmount}}', if: 'approved' },
        { label: 'Uzasadnienie', value: '{{reason}}', if: 'reason' },
        { label: 'Data decyzji', value: '{{datetime decidedAt}}' },
      ],
      next: '{{#if approved}}wsparcie pomostowe za miesiące przedłużenia może być teraz wypłacane zgodnie z umową – o każdej wypłacie poinformujemy Cię e-mailem. Jak dotychczas co miesiąc potwierdzaj w systemie utrzymanie każdego miejsca pracy.{{else}}wsparcie pomostowe kończy się po podstawowym okresie określonym w umowie i nie będzie wypłacane za kolejne miesiące. Jak dotychczas co miesiąc potwierdzaj w systemie utrzymanie każdego miejsca pracy. W razie pytań skontaktuj się z OWES, podając numer wniosku.{{/if}}',
    },
    en: {
      subject:
        '{{#if approved}}Decision: bridging-support extension approved{{else}}Decision: bridging-support extension rejected{{/if}} – application {{reference}}',
      intro:
        '{{#if approved}}OWES has approved extending the bridging support for application {{reference}} by {{count "months" months}}. The grant now amounts to {{pln awardAmount}}.{{else}}OWES has rejected extending the bridging support for application {{reference}} by {{count "months" months}}.{{/if}}',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Extension', value: '{{count "months" months}}' },
        { label: 'Monthly amount per job', value: '{{pln monthlyAmount}}' },
        { label: 'Jobs', value: '{{count "jobs" jobs}}' },
        { label: 'Extension total', value: '{{pln amount}}' },
        { label: 'Grant amount now', value: '{{pln awardAmount}}', if: 'approved' },
        { label: 'Reasons', value: '{{reason}}', if: 'reason' },
        { label: 'Decided', value: '{{datetime decidedAt}}' },
      ],
      next: '{{#if approved}}bridging support for the extension months can now be paid as the agreement provides – we will e-mail you about every payment. Keep confirming every month in the system that each job still exists, as before.{{else}}bridging support ends after the base months the agreement names and will not be paid for further months. Keep confirming every month in the system that each job still exists, as before. If you have questions, contact OWES quoting the reference number.{{/if}}',
    },
  },

  'job-report-due': {
    pl: {
      subject: 'Potwierdź utrzymanie miejsca pracy za {{month period}} – termin {{date dueDate}}',
      intro:
        'zakończył się miesiąc {{month period}}. Prosimy o miesięczne potwierdzenie utrzymania miejsca pracy „{{position}}” (wniosek {{reference}}).',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Stanowisko', value: '{{position}}' },
        { label: 'Miesiąc', value: '{{month period}}' },
        { label: 'Termin', value: '{{date dueDate}}' },
      ],
      next: 'złóż w systemie potwierdzenie utrzymania miejsca pracy wraz z dowodem (np. deklaracją rozliczeniową ZUS) najpóźniej {{date dueDate}}. Jeśli miejsce pracy zwolniło się, zgłoś wakat – na jego obsadzenie masz ograniczony czas.',
    },
    en: {
      subject: 'Confirm the job is kept for {{month period}} – due {{date dueDate}}',
      intro:
        'the month of {{month period}} has ended. Please confirm that the job "{{position}}" (application {{reference}}) still exists.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Position', value: '{{position}}' },
        { label: 'Month', value: '{{month period}}' },
        { label: 'Due', value: '{{date dueDate}}' },
      ],
      next: 'submit the monthly job report in the system, with evidence (e.g. the social-insurance declaration), by {{date dueDate}}. If the job became vacant, report the vacancy – the time to fill it is limited.',
    },
  },

  'job-report-reminder': {
    pl: {
      subject:
        'Przypomnienie: potwierdzenie utrzymania miejsca pracy za {{month period}} – termin {{date dueDate}}',
      intro:
        'przypominamy, że termin miesięcznego potwierdzenia utrzymania miejsca pracy „{{position}}” za {{month period}} (wniosek {{reference}}) upływa {{date dueDate}}{{#if daysLeft}} (za {{days daysLeft}}){{/if}}.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Stanowisko', value: '{{position}}' },
        { label: 'Termin', value: '{{date dueDate}}' },
      ],
      next: 'złóż potwierdzenie w systemie przed upływem terminu. Jeśli zostało już złożone, zignoruj tę wiadomość.',
    },
    en: {
      subject: 'Reminder: job report for {{month period}} due {{date dueDate}}',
      intro:
        'the monthly report confirming that the job "{{position}}" still existed in {{month period}} (application {{reference}}) is due on {{date dueDate}}{{#if daysLeft}} (in {{days daysLeft}}){{/if}}.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Position', value: '{{position}}' },
        { label: 'Due', value: '{{date dueDate}}' },
      ],
      next: 'submit the report in the system before the deadline. If you already have, ignore this message.',
    },
  },

  'job-report-overdue': {
    pl: {
      subject:
        'Zaległe potwierdzenie utrzymania miejsca pracy za {{month period}} – wniosek {{reference}}',
      intro:
        'nie otrzymaliśmy w terminie ({{date dueDate}}) miesięcznego potwierdzenia utrzymania miejsca pracy „{{position}}” za {{month period}}.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Stanowisko', value: '{{position}}' },
        { label: 'Miesiąc', value: '{{month period}}' },
        { label: 'Termin minął', value: '{{date dueDate}}' },
      ],
      next: 'złóż potwierdzenie w systemie niezwłocznie. Nieutrzymanie miejsca pracy może oznaczać obowiązek zwrotu wsparcia wraz z odsetkami ustawowymi. Operator OWES został poinformowany o zaległości.',
    },
    en: {
      subject: 'Overdue job report for {{month period}} – application {{reference}}',
      intro:
        'we have not received by its due date ({{date dueDate}}) the monthly report confirming that the job "{{position}}" still existed in {{month period}}.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Position', value: '{{position}}' },
        { label: 'Month', value: '{{month period}}' },
        { label: 'Was due', value: '{{date dueDate}}' },
      ],
      next: 'submit the report at once. A job not kept may mean refunding the grant with statutory interest. The OWES operator has been told.',
    },
  },

  'job-report-overdue-operator': {
    pl: {
      subject:
        'Zaległe potwierdzenie utrzymania miejsca pracy – wniosek {{reference}}, {{month period}}',
      intro:
        '{{applicantName}} ({{applicantEmail}}) nie złożył w terminie miesięcznego potwierdzenia utrzymania miejsca pracy „{{position}}” za {{month period}}.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Stanowisko', value: '{{position}}' },
        { label: 'Miesiąc', value: '{{month period}}' },
        { label: 'Termin minął', value: '{{date dueDate}}' },
      ],
      next: 'skontaktuj się z przedsiębiorstwem i ustal, czy miejsce pracy istnieje; jeśli się zwolniło, zarejestruj wakat, aby biegł termin jego ponownego obsadzenia.',
    },
    en: {
      subject: 'Overdue job report – application {{reference}}, {{month period}}',
      intro:
        '{{applicantName}} ({{applicantEmail}}) has not submitted in time the monthly report for the job "{{position}}" for {{month period}}.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Position', value: '{{position}}' },
        { label: 'Month', value: '{{month period}}' },
        { label: 'Was due', value: '{{date dueDate}}' },
      ],
      next: 'contact the enterprise to find out whether the job still exists; if it became vacant, record the vacancy so that the refill term runs.',
    },
  },

  'job-vacancy': {
    pl: {
      subject:
        'Wakat na stanowisku „{{position}}” – obsadź je do {{date refillDeadline}} (wniosek {{reference}})',
      intro:
        'odnotowaliśmy, że od {{date vacancyDate}} miejsce pracy „{{position}}” utworzone ze wsparcia (wniosek {{reference}}) jest nieobsadzone.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Stanowisko', value: '{{position}}' },
        { label: 'Wakat od', value: '{{date vacancyDate}}' },
        { label: 'Termin obsadzenia', value: '{{date refillDeadline}}' },
      ],
      next: 'zatrudnij na tym stanowisku inną osobę uprawnioną do wsparcia najpóźniej {{date refillDeadline}} i zgłoś to w systemie. Jeśli stanowisko nie zostanie obsadzone w terminie, środki przyznane na to miejsce pracy trzeba będzie zwrócić wraz z odsetkami ustawowymi.',
    },
    en: {
      subject:
        'Vacancy in the job "{{position}}" – fill it by {{date refillDeadline}} (application {{reference}})',
      intro:
        'we have recorded that the job "{{position}}" created with the grant (application {{reference}}) has been vacant since {{date vacancyDate}}.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Position', value: '{{position}}' },
        { label: 'Vacant since', value: '{{date vacancyDate}}' },
        { label: 'Fill by', value: '{{date refillDeadline}}' },
      ],
      next: 'employ another eligible person in this job by {{date refillDeadline}} and record it in the system. If the job is not filled in time, the money for it must be refunded with statutory interest.',
    },
  },

  'refund-claimed': {
    pl: {
      subject: 'Wezwanie do zwrotu {{pln total}} – wniosek {{reference}} – termin {{date dueDate}}',
      intro:
        'miejsce pracy „{{position}}” (wniosek {{reference}}) nie zostało ponownie obsadzone w terminie. Środki wypłacone na to miejsce pracy podlegają zwrotowi wraz z odsetkami ustawowymi.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Stanowisko', value: '{{position}}' },
        { label: 'Kwota do zwrotu', value: '{{pln principal}}' },
        {
          label: 'Odsetki ustawowe',
          value: '{{pln interest}} (naliczone do {{date calculatedOn}})',
        },
        { label: 'Razem do zapłaty', value: '{{pln total}}' },
        { label: 'Data wezwania', value: '{{date demandDate}}' },
        { label: 'Termin zwrotu', value: '{{date dueDate}}' },
      ],
      next: 'wpłać {{pln total}} na rachunek OWES najpóźniej {{date dueDate}}, podając w tytule przelewu numer wniosku {{reference}}. Po tym dniu naliczane będą dalsze odsetki. W razie pytań skontaktuj się z OWES.',
    },
    en: {
      subject:
        'Refund of {{pln total}} demanded – application {{reference}} – due {{date dueDate}}',
      intro:
        'the job "{{position}}" (application {{reference}}) was not filled again in time. The money paid for this job is to be refunded with statutory interest.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Position', value: '{{position}}' },
        { label: 'Principal', value: '{{pln principal}}' },
        { label: 'Statutory interest', value: '{{pln interest}} (up to {{date calculatedOn}})' },
        { label: 'Total due', value: '{{pln total}}' },
        { label: 'Demand dated', value: '{{date demandDate}}' },
        { label: 'Pay by', value: '{{date dueDate}}' },
      ],
      next: 'pay {{pln total}} to the OWES account by {{date dueDate}}, quoting the reference number {{reference}} in the transfer title. Further interest accrues after that day. If you have questions, contact OWES.',
    },
  },

  'award-settled': {
    pl: {
      subject: 'Rozliczenie wsparcia finansowego – wniosek {{reference}}',
      intro: 'wsparcie finansowe udzielone do wniosku {{reference}} zostało rozliczone.',
      facts: [
        { label: 'Numer wniosku', value: '{{reference}}' },
        { label: 'Kwota wsparcia', value: '{{pln amount}}' },
        { label: 'Wypłacono', value: '{{pln paidTotal}}' },
        { label: 'Zwroty', value: '{{pln refundClaimedTotal}}', if: 'refundClaimedTotal' },
        { label: 'Utrzymane miejsca pracy', value: '{{count "jobs" jobsKept}}' },
        { label: 'Data rozliczenia', value: '{{date settledOn}}' },
      ],
      next: 'nie musisz już składać miesięcznych potwierdzeń. Przechowuj dokumentację dotyczącą wsparcia przez okres wskazany w umowie – może być potrzebna przy kontroli.',
    },
    en: {
      subject: 'Grant settled – application {{reference}}',
      intro: 'the grant for application {{reference}} has been settled.',
      facts: [
        { label: 'Reference number', value: '{{reference}}' },
        { label: 'Grant amount', value: '{{pln amount}}' },
        { label: 'Paid', value: '{{pln paidTotal}}' },
        { label: 'Refunds', value: '{{pln refundClaimedTotal}}', if: 'refundClaimedTotal' },
        { label: 'Jobs kept', value: '{{count "jobs" jobsKept}}' },
        { label: 'Settled on', value: '{{date settledOn}}' },
      ],
      next: 'no more monthly reports are needed. Keep the documents on the grant for the period the agreement names – they may be needed in an audit.',
    },
  },
};
