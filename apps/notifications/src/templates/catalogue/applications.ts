import type { Countdown, Grosze, IsoDate, IsoMoment, Messages } from './message.js';

/**
 * An application from submission to the end of its formal check (applications): the
 * confirmations, the request for corrections and its reminder, the formal decision, and the
 * reminder to finish a draft before the call closes.
 */
export interface ApplicationTemplates {
  'application-submitted': {
    reference: string;
    callNumber: string;
    callTitle: string;
    submittedAt: IsoMoment;
  };
  'corrections-requested': {
    reference: string;
    issues: { description: string; path: string | null }[];
    termWorkingDays: number;
    lastDay: IsoDate;
    deadline: IsoMoment;
  };
  'corrections-reminder': Countdown & {
    reference: string;
    lastDay: IsoDate;
    deadline: IsoMoment;
  };
  'call-closing-reminder': Countdown & {
    callNumber: string;
    callTitle: string;
    closesAt: IsoMoment;
  };
  'corrections-answered': {
    reference: string;
    version: number;
    answeredAt: IsoMoment;
  };
  'formally-accepted': {
    reference: string;
    entityName: string;
    amountTotal: Grosze;
    /** How many jobs the application creates. */
    jobs: number;
    acceptedAt: IsoMoment;
  };
  'formally-rejected': {
    reference: string;
    reasons: string[];
    /** Rejected because the correction term lapsed. */
    automatic: boolean;
    decidedAt: IsoMoment;
  };
  'application-withdrawn': {
    /** Null for a draft (it has no reference number yet). */
    reference: string | null;
    withdrawnAt: IsoMoment;
  };
}

export const APPLICATION_MESSAGES: Messages<ApplicationTemplates> = {
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
};
