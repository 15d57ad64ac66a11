import type { GivenUpBy } from '../labels.js';
import type { Grosze, IsoDate, IsoMoment, Messages } from './message.js';

/** What every funding decision states beside its outcome: the score and the appeal term. */
export interface Decision {
  reference: string;
  callNumber: string;
  callTitle: string;
  score: number;
  maxScore: number;
  requiredScore: number;
  decidedAt: IsoMoment;
  appealLastDay: IsoDate;
  appealDeadline: IsoMoment;
  appealTermWorkingDays: number;
  /** The decision follows an appeal (it is final). */
  afterAppeal: boolean;
}

/** Funding decisions (grants): awarded, not funded or on the reserve list, given up, appealed. */
export interface DecisionTemplates {
  'award-granted': Decision & {
    rank: number;
    amount: Grosze;
    /** Funded from the reserve list with money another award freed. */
    fromReserve: boolean;
  };
  'award-rejected': Decision & {
    /** On the reserve list (positive, not funded for lack of budget), else below the threshold. */
    reserve: boolean;
    rank: number | null;
    amount: Grosze;
    /** What was left of the call's budget (reserve decisions that carry it), else null. */
    remainingBudget: Grosze | null;
    remainingKnown: boolean;
    /** False: the rest would cover it, but one ranked higher did not fit (no skipping down). */
    budgetShort: boolean;
  };
  'award-given-up': {
    reference: string;
    callNumber: string;
    amount: Grosze;
    reason: string;
    by: GivenUpBy;
    givenUpAt: IsoMoment;
  };
  'appeal-resolved': {
    reference: string;
    upheld: boolean;
    scoreBefore: number;
    scoreAfter: number;
    /** The application now passes the threshold. */
    passed: boolean;
    resolvedAt: IsoMoment;
  };
}

export const DECISION_MESSAGES: Messages<DecisionTemplates> = {
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
};
