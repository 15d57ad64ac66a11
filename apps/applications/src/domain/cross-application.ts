/**
 * Rules that look across applications (docs/product.md#rules-across-applications), as plain
 * functions over the applications the service gathered:
 *
 * - **max-jobs-per-entity**: one entity — the same NIP, KRS or REGON (any one of them shared, also
 *   through a chain of applications), or for an initiative group, which has no NIP yet, the same
 *   `applicant.groupId` — gets at most the call's `maxJobsPerEntity` jobs across its active
 *   applications in the call and what it was already granted in the programme;
 * - **person-in-another-job**: one person (PESEL) is the employee of at most one job: of one active
 *   application in the call, and not of a job still funded in another call of the programme.
 *
 * They involve other applicants, so they never refuse a submission and are never shown to an
 * applicant: the conflict belongs to the LATER application (first submission moment, then
 * reference) and is shown to the operator at its formal check, which cannot accept it until the
 * conflict is gone. The earlier application is never the one flagged. A conflict disappears when
 * the earlier application is withdrawn or rejected, or when the later one is corrected.
 *
 * "Still funded" is approximated at the level of the award: a job counts while its application's
 * award is `granted` (not given up, not settled); a vacancy or a job whose term ended early inside
 * a granted award still counts.
 */
import type { ApplicationState } from './application-lifecycle.js';
import type { LocalizedText } from './messages.js';
import { field, list, text } from './problems.js';

export type AwardStatus = 'granted' | 'given-up' | 'settled';

/** An application as these rules need it: the submitted version of its form and where it stands. */
export interface CrossApplication {
  id: string;
  /** Reference number (`OWES/2026/00042`); every submitted application has one. */
  reference: string;
  callId: string;
  /** The programme of the application's call; null when the call belongs to none (or is not known). */
  programmeId: string | null;
  state: ApplicationState;
  /** The moment of the first submission (a correction keeps it). */
  submittedAt: Date;
  /** What grants decided and did with its award, as far as applications has heard. */
  awardStatus: AwardStatus | null;
  /** The last submitted version of the form (never the working copy). */
  form: unknown;
}

export const CROSS_APPLICATION_RULES = ['max-jobs-per-entity', 'person-in-another-job'] as const;
export type CrossApplicationRule = (typeof CROSS_APPLICATION_RULES)[number];

/** One application a conflict is with. */
export interface ConflictingApplication {
  applicationId: string;
  reference: string;
  callId: string;
  /** `call`: an active application of the same call; `programme`: funded in another call of the programme. */
  scope: 'call' | 'programme';
  /** max-jobs-per-entity: the jobs of that application. */
  jobs?: number;
  /** person-in-another-job: where the same person is in that application's form. */
  path?: string;
}

export interface CrossApplicationConflict {
  rule: CrossApplicationRule;
  /** The field of this application's form (`jobs`, `jobs[1].person.pesel`). */
  path: string;
  message: LocalizedText;
  /** The earlier (or funded) applications, earliest first. */
  conflictsWith: ConflictingApplication[];
  /** max-jobs-per-entity: the entity's jobs in all, this application's included. */
  jobs?: number;
  /** max-jobs-per-entity: the call's `maxJobsPerEntity`. */
  limit?: number;
}

/** Applications that still hold their jobs in their call: not a draft, not withdrawn or rejected. */
export const ACTIVE_STATES: readonly ApplicationState[] = [
  'submitted',
  'corrections-requested',
  'formally-accepted',
];

export function isActive(a: Pick<CrossApplication, 'state' | 'awardStatus'>): boolean {
  // An award given up frees its jobs even inside the call.
  return ACTIVE_STATES.includes(a.state) && a.awardStatus !== 'given-up';
}

/** A job still funded: its application's award is granted (approximation at award level). */
export function isFunded(a: Pick<CrossApplication, 'awardStatus'>): boolean {
  return a.awardStatus === 'granted';
}

/** `OWES/2026/00042` → [2026, 42]; a reference of another shape sorts after, by its text. */
function referenceKey(reference: string): [number, number] {
  const m = /^[^/]+\/(\d+)\/(\d+)$/.exec(reference);
  return m ? [Number(m[1]), Number(m[2])] : [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
}

/** Order of submission: the first submission moment, then the reference number. */
export function compareSubmission(
  a: Pick<CrossApplication, 'submittedAt' | 'reference'>,
  b: Pick<CrossApplication, 'submittedAt' | 'reference'>,
): number {
  const byTime = a.submittedAt.getTime() - b.submittedAt.getTime();
  if (byTime !== 0) return byTime;
  const [ay, an] = referenceKey(a.reference);
  const [by, bn] = referenceKey(b.reference);
  if (ay !== by) return ay - by;
  if (an !== bn) return an - bn;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}

const digits = (value: unknown): string =>
  (typeof value === 'string' ? value : '').replace(/\D/g, '');

/**
 * The keys that identify the applicant entity of a form: its NIP, KRS and REGON with only their
 * digits (KRS zero-padded to 10; a 14-digit REGON of a local unit stands for its entity's 9),
 * and the initiative group's id for a group's application.
 */
export function entityKeys(form: unknown): string[] {
  const applicant = field(form, 'applicant');
  const keys: string[] = [];
  const nip = digits(field(applicant, 'nip'));
  if (nip) keys.push(`nip:${nip}`);
  const krs = digits(field(applicant, 'krs'));
  if (krs && krs.length <= 10) keys.push(`krs:${krs.padStart(10, '0')}`);
  const regon = digits(field(applicant, 'regon'));
  if (regon) keys.push(`regon:${regon.length === 14 ? regon.slice(0, 9) : regon}`);
  const groupId = text(field(applicant, 'groupId'))?.trim().toLowerCase();
  if (groupId) keys.push(`group:${groupId}`);
  return keys;
}

export function jobCount(form: unknown): number {
  return list(field(form, 'jobs')).length;
}

/** The employees' PESELs (digits only) by job index; a job without one is left out. */
function pesels(form: unknown): { index: number; pesel: string }[] {
  return list(field(form, 'jobs'))
    .map((job, index) => ({ index, pesel: digits(field(field(job, 'person'), 'pesel')) }))
    .filter((p) => p.pesel.length === 11);
}

/**
 * The applications that weigh on `subject`: earlier active applications of its call, and
 * applications of other calls of the same programme whose award is still granted (a funded job
 * counts whenever it was submitted: it is no longer up for a formal check).
 */
function weighingOn(
  subject: CrossApplication,
  others: readonly CrossApplication[],
): { application: CrossApplication; scope: 'call' | 'programme' }[] {
  const found: { application: CrossApplication; scope: 'call' | 'programme' }[] = [];
  for (const other of others) {
    if (other.id === subject.id) continue;
    if (other.callId === subject.callId) {
      if (isActive(other) && compareSubmission(other, subject) < 0) {
        found.push({ application: other, scope: 'call' });
      }
    } else if (
      subject.programmeId !== null &&
      other.programmeId === subject.programmeId &&
      isFunded(other)
    ) {
      found.push({ application: other, scope: 'programme' });
    }
  }
  return found.sort((a, b) => compareSubmission(a.application, b.application));
}

const SCOPE_NOTE: Record<'call' | 'programme', LocalizedText> = {
  call: { pl: '', en: '' },
  programme: {
    pl: ' – finansowany w innym naborze programu',
    en: ' – funded in another call of the programme',
  },
};

function listed(
  items: { reference: string; scope: 'call' | 'programme'; detail?: LocalizedText }[],
): LocalizedText {
  const one = (lang: 'pl' | 'en') =>
    items
      .map(
        (i) => `${i.reference}${i.detail ? ` ${i.detail[lang]}` : ''}${SCOPE_NOTE[i.scope][lang]}`,
      )
      .join('; ');
  return { pl: one('pl'), en: one('en') };
}

function maxJobsConflict(
  subject: CrossApplication,
  weighing: { application: CrossApplication; scope: 'call' | 'programme' }[],
  limit: number,
): CrossApplicationConflict | null {
  const keys = new Set(entityKeys(subject.form));
  if (keys.size === 0) return null;
  // The entity: every weighing application linked to this one by a shared key, directly or
  // through a chain of applications (A shares the NIP with B, B the KRS with C).
  const members: typeof weighing = [];
  let rest = weighing.map((w) => ({ ...w, keys: entityKeys(w.application.form) }));
  for (let grew = true; grew;) {
    grew = false;
    const remaining: typeof rest = [];
    for (const candidate of rest) {
      if (candidate.keys.some((k) => keys.has(k))) {
        members.push(candidate);
        for (const k of candidate.keys) keys.add(k);
        grew = true;
      } else {
        remaining.push(candidate);
      }
    }
    rest = remaining;
  }
  if (members.length === 0) return null;
  const own = jobCount(subject.form);
  const total = members.reduce((sum, m) => sum + jobCount(m.application.form), own);
  if (total <= limit) return null;
  members.sort((a, b) => compareSubmission(a.application, b.application));
  const refs = listed(
    members.map((m) => {
      const jobs = jobCount(m.application.form);
      return {
        reference: m.application.reference,
        scope: m.scope,
        detail: { pl: `(${jobs})`, en: `(${jobs})` },
      };
    }),
  );
  return {
    rule: 'max-jobs-per-entity',
    path: 'jobs',
    message: {
      pl: `Przekroczony limit miejsc pracy na jeden podmiot: łącznie ${total}, dopuszczalne w naborze ${limit} (ten wniosek: ${own}; wcześniejsze wnioski tego samego podmiotu – ten sam NIP, KRS, REGON lub ta sama grupa inicjatywna: ${refs.pl})`,
      en: `The limit of jobs per entity is exceeded: ${total} in all, ${limit} allowed in the call (this application: ${own}; earlier applications of the same entity – the same NIP, KRS, REGON or initiative group: ${refs.en})`,
    },
    conflictsWith: members.map((m) => ({
      applicationId: m.application.id,
      reference: m.application.reference,
      callId: m.application.callId,
      scope: m.scope,
      jobs: jobCount(m.application.form),
    })),
    jobs: total,
    limit,
  };
}

function samePersonConflicts(
  subject: CrossApplication,
  weighing: { application: CrossApplication; scope: 'call' | 'programme' }[],
): CrossApplicationConflict[] {
  const elsewhere = new Map<string, ConflictingApplication[]>();
  for (const { application, scope } of weighing) {
    for (const { index, pesel } of pesels(application.form)) {
      const at = elsewhere.get(pesel) ?? [];
      at.push({
        applicationId: application.id,
        reference: application.reference,
        callId: application.callId,
        scope,
        path: `jobs[${index}].person.pesel`,
      });
      elsewhere.set(pesel, at);
    }
  }
  const conflicts: CrossApplicationConflict[] = [];
  for (const { index, pesel } of pesels(subject.form)) {
    const found = elsewhere.get(pesel);
    if (!found) continue;
    const refs = listed(found);
    conflicts.push({
      rule: 'person-in-another-job',
      path: `jobs[${index}].person.pesel`,
      message: {
        pl: `Ta sama osoba (ten sam PESEL) jest już pracownikiem we wcześniejszym wniosku w naborze lub w miejscu pracy nadal finansowanym w programie: ${refs.pl}`,
        en: `The same person (the same PESEL) is already the employee of an earlier application in the call or of a job still funded in the programme: ${refs.en}`,
      },
      conflictsWith: found,
    });
  }
  return conflicts;
}

/**
 * The conflicts of `subject` with the other applications: none unless it is active itself.
 * `others` may hold any applications (the service passes every submitted application of the call
 * and the awarded ones of the programme); the rules pick those that count. `limit` is the
 * subject's call's `maxJobsPerEntity`.
 */
export function crossApplicationConflicts(
  subject: CrossApplication,
  others: readonly CrossApplication[],
  limit: number,
): CrossApplicationConflict[] {
  if (!isActive(subject)) return [];
  const weighing = weighingOn(subject, others);
  if (weighing.length === 0) return [];
  const conflicts: CrossApplicationConflict[] = [];
  const jobs = maxJobsConflict(subject, weighing, limit);
  if (jobs) conflicts.push(jobs);
  conflicts.push(...samePersonConflicts(subject, weighing));
  return conflicts;
}
