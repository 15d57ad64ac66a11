/**
 * Message templates (Handlebars), Polish by default and English. Each message is written once as
 * its parts — subject, opening, facts, an optional list, paragraphs, an optional link and "what
 * to do next, by when" — and `render.ts` builds both the plain-text and the HTML part from them,
 * so the two parts can never say different things. Every message names the reference (or what
 * it is about) and what to do next.
 *
 * The messages are in `catalogue/<area>.ts`, one file per part of the grant's life, each beside
 * the type of its data (`TemplateData` below gathers them): the message plan cannot queue a
 * message with a variable missing or misspelled, and `template-data.spec.ts` fails when a
 * template uses a variable its data type does not declare.
 *
 * Variables come from the event payloads as they are (grosze, ISO dates and moments); helpers
 * format them for the reader's language: `pln` (grosze → '35 212,00 zł'), `date`, `datetime`,
 * `time` (Europe/Warsaw), `month` ('YYYY-MM' → 'grudzień 2026'), `num` (a score: '72,5'),
 * `days`/`workingDays`/`count` (Polish plural forms: '1 dzień', '2 dni', '5 dni'), `label`
 * (an enumeration in words, `labels.ts`). A missing variable is an error, never an empty gap.
 */
import { ACCOUNT_MESSAGES, type AccountTemplates } from './catalogue/account.js';
import { APPLICATION_MESSAGES, type ApplicationTemplates } from './catalogue/applications.js';
import { AWARD_MESSAGES, type AwardTemplates } from './catalogue/awards.js';
import { DECISION_MESSAGES, type DecisionTemplates } from './catalogue/decisions.js';
import { EVALUATION_MESSAGES, type EvaluationTemplates } from './catalogue/evaluation.js';
import { GROUP_MESSAGES, type GroupTemplates } from './catalogue/groups.js';
import type { Messages } from './catalogue/message.js';
import { MONITORING_MESSAGES, type MonitoringTemplates } from './catalogue/monitoring.js';

export type { Countdown, Fact, MessageSource } from './catalogue/message.js';
export type { BridgingExtension } from './catalogue/awards.js';
export type { Decision } from './catalogue/decisions.js';
export type { GroupDecision } from './catalogue/groups.js';
export type { JobReport, OverdueJobReport } from './catalogue/monitoring.js';
export type { OverdueEvaluation } from './catalogue/evaluation.js';

/** Every template's data: template name → the variables its message uses. */
export interface TemplateData
  extends
    AccountTemplates,
    ApplicationTemplates,
    GroupTemplates,
    EvaluationTemplates,
    DecisionTemplates,
    AwardTemplates,
    MonitoringTemplates {}

export const TEMPLATE_NAMES = [
  'account-verification',
  'account-registration-attempted',
  'account-password-reset',
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
] as const satisfies readonly (keyof TemplateData)[];

export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Compile-time: a template with data that TEMPLATE_NAMES leaves out is named here. */
type Unlisted = Exclude<keyof TemplateData, TemplateName>;
const _everyTemplateListed: [Unlisted] extends [never] ? true : Unlisted = true;

/** What every message may use besides its data: the recipient's name, added when it is queued. */
export interface RecipientData {
  name: string;
}

/** What a template is rendered with. */
export type MessageData<T extends TemplateName> = TemplateData[T] & RecipientData;

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

export const CATALOGUE: Messages<TemplateData> = {
  ...ACCOUNT_MESSAGES,
  ...APPLICATION_MESSAGES,
  ...GROUP_MESSAGES,
  ...EVALUATION_MESSAGES,
  ...DECISION_MESSAGES,
  ...AWARD_MESSAGES,
  ...MONITORING_MESSAGES,
};
