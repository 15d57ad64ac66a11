import type { EvaluationRound } from '../labels.js';
import type { Countdown, IsoDate, IsoMoment, Messages } from './message.js';

/** An overdue evaluation, as the evaluator and the operators are told of it. */
export interface OverdueEvaluation {
  reference: string;
  callNumber: string;
  round: EvaluationRound;
  dueDate: IsoDate;
  evaluatorName: string;
  evaluatorEmail: string;
}

/** Substantive evaluation (grants): the assignment, its reminder, and an overdue evaluation. */
export interface EvaluationTemplates {
  'evaluation-assigned': {
    reference: string;
    callNumber: string;
    round: EvaluationRound;
    dueDate: IsoDate;
    deadline: IsoMoment;
  };
  'evaluation-reminder': Countdown & {
    reference: string;
    callNumber: string;
    dueDate: IsoDate;
    deadline: IsoMoment;
  };
  'evaluation-overdue': OverdueEvaluation;
  'evaluation-overdue-operator': OverdueEvaluation;
}

export const EVALUATION_MESSAGES: Messages<EvaluationTemplates> = {
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
};
