import type { PaymentKind, Security } from '../labels.js';
import type { Grosze, IsoDate, IsoMoment, IsoMonth, Messages } from './message.js';

/** What a bridging-support extension request asks for. */
export interface BridgingExtension {
  reference: string;
  awardId: string;
  requestId: string;
  months: number;
  /** Per job and month. */
  monthlyAmount: Grosze;
  jobs: number;
  /** months × monthlyAmount × jobs. */
  amount: Grosze;
}

/** An award under its agreement (grants): signing, payments, bridging-support extensions. */
export interface AwardTemplates {
  'agreement-ready': {
    reference: string;
    amount: Grosze;
    signingOn: IsoDate;
    /** Null when OWES is to confirm the place. */
    place: string | null;
  };
  'agreement-signed': {
    reference: string;
    amount: Grosze;
    signedOn: IsoDate;
    security: Security;
    deMinimisCertificateNumber: string;
    jobs: number;
  };
  'payment-made': {
    reference: string;
    kind: PaymentKind;
    amount: Grosze;
    paidOn: IsoDate;
    /** The month bridging support is for; null for a tranche. */
    month: IsoMonth | null;
    paidTotal: Grosze;
    remaining: Grosze;
  };
  'bridging-extension-requested-operator': BridgingExtension & {
    justification: string;
    requestedAt: IsoMoment;
    applicantName: string;
    applicantEmail: string;
  };
  'bridging-extension-decided': BridgingExtension & {
    approved: boolean;
    reason: string | null;
    /** The award after the decision. */
    awardAmount: Grosze;
    decidedAt: IsoMoment;
  };
}

export const AWARD_MESSAGES: Messages<AwardTemplates> = {
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
};
