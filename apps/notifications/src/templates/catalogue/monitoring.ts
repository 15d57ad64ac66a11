import type { Countdown, Grosze, IsoDate, IsoMonth, Messages } from './message.js';

/** A job's monthly report: which job, which month, due when. */
export interface JobReport {
  reference: string;
  position: string;
  period: IsoMonth;
  dueDate: IsoDate;
}

/** A job report overdue, as the enterprise and the operators are told of it. */
export interface OverdueJobReport extends JobReport {
  applicantName: string;
  applicantEmail: string;
}

/** Keeping the jobs (grants' monitoring): monthly reports, vacancies, refunds, settlement. */
export interface MonitoringTemplates {
  'job-report-due': JobReport;
  'job-report-reminder': Countdown & JobReport;
  'job-report-overdue': OverdueJobReport;
  'job-report-overdue-operator': OverdueJobReport;
  'job-vacancy': {
    reference: string;
    position: string;
    vacancyDate: IsoDate;
    refillDeadline: IsoDate;
  };
  'refund-claimed': {
    reference: string;
    position: string;
    principal: Grosze;
    interest: Grosze;
    total: Grosze;
    calculatedOn: IsoDate;
    demandDate: IsoDate;
    dueDate: IsoDate;
  };
  'award-settled': {
    reference: string;
    amount: Grosze;
    paidTotal: Grosze;
    refundClaimedTotal: Grosze;
    jobsKept: number;
    settledOn: IsoDate;
  };
}

export const MONITORING_MESSAGES: Messages<MonitoringTemplates> = {
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
