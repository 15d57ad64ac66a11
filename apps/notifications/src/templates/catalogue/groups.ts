import type { LegalForm } from '../labels.js';
import type { IsoMoment, Messages } from './message.js';

/** What the recruitment committee decided of an initiative group. */
export interface GroupDecision {
  groupId: string;
  groupName: string;
  reason: string | null;
  decidedAt: IsoMoment;
}

/** Initiative groups (applications): the application for support and the committee's decision. */
export interface GroupTemplates {
  'group-submitted': {
    groupId: string;
    groupName: string;
    plannedLegalForm: LegalForm;
    naturalPersons: number;
    legalPersons: number;
    plannedJobs: number;
    submittedAt: IsoMoment;
  };
  'group-qualified': GroupDecision;
  'group-rejected': GroupDecision;
}

export const GROUP_MESSAGES: Messages<GroupTemplates> = {
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
};
