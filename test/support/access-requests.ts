import { randomUUID } from 'node:crypto';
import { applicationForm, groupForm } from '../../apps/applications/test/form-fixtures.js';
import { UsersService } from '../../apps/applications/src/identity/users.service.js';
import { callRequest, scoresFor } from './grants-fixtures.js';
import { freshEmail, type Actor, type World } from './access-world.js';
import { uniqueId } from './database.js';
import { DEFAULT_CENTRE_ID, type Role } from '@app/common';

/** One request of the access policy test: the path with its ids, the query and the body. */
export interface PolicyRequest {
  path: string;
  body?: unknown;
  /** Another bearer token than the actor's (one of a throwaway account of the actor's role). */
  token?: string;
}

/**
 * How each operation of the access policy (test/e2e/authorization-matrix.test.ts) is asked, per
 * actor, against the world of access-world.ts: a request valid enough to pass validation, so
 * that the answer is the access decision. A request that would change what later requests see
 * takes a fresh resource (`w.fresh`). An operation without parameters and body needs no entry.
 */
export type RequestBuilder = (actor: Actor, w: World) => PolicyRequest | Promise<PolicyRequest>;

const memo = new WeakMap<World, Map<string, Promise<string>>>();
/** A resource made once per world, the first time a request needs it. */
function shared(w: World, name: string, make: () => Promise<string>): Promise<string> {
  let cache = memo.get(w);
  if (!cache) memo.set(w, (cache = new Map()));
  let value = cache.get(name);
  if (!value) cache.set(name, (value = make()));
  return value;
}

/** Those allowed to change an award besides its owner. */
const AWARD_CHANGERS: ReadonlySet<Actor> = new Set(['owner', 'operator', 'admin']);
const STAFF: ReadonlySet<Actor> = new Set(['operator', 'admin']);

/** The evaluation an evaluator asks about: their own when assigned, else the declared one's. */
const evaluationFor = (actor: Actor, w: World) =>
  actor === 'evaluatorUndeclared' ? w.undeclaredEvaluationId : w.declaredEvaluationId;

const ROLE_OF: Record<Exclude<Actor, 'anonymous'>, Role> = {
  owner: 'applicant',
  otherApplicant: 'applicant',
  evaluatorDeclared: 'evaluator',
  evaluatorUndeclared: 'evaluator',
  evaluatorUnassigned: 'evaluator',
  chair: 'evaluator',
  operator: 'operator',
  admin: 'admin',
  otherCentreOperator: 'operator',
  coordinator: 'coordinator',
  platformAdmin: 'platform-admin',
};

/** The centres of a throwaway account of the actor's role (staff belong to centres). */
const centresOf = (actor: Actor, w: World): string[] | undefined =>
  actor === 'otherCentreOperator'
    ? [w.otherCentreId]
    : actor === 'operator' || actor === 'admin'
      ? [DEFAULT_CENTRE_ID]
      : undefined;

/** A verified account of its own (for requests that end sessions or change a password). */
async function throwaway(w: World, role: Role, centres?: string[]) {
  const email = freshEmail();
  const password = `Haslo-${uniqueId()}-1`;
  const user = await w.platform.apps.applications!.get(UsersService).create({
    email,
    password,
    fullName: 'Osoba Jednorazowa',
    role,
    verified: true,
    centres,
  });
  const login = await w.platform.api.applications.post('/api/auth/login', { email, password });
  if (login.status !== 200) throw new Error(`login: ${JSON.stringify(login.body)}`);
  return {
    id: user.id,
    email,
    password,
    ...(login.body as { accessToken: string; refreshToken?: string }),
  };
}

/** The actor's role with a session of its own (the actor's own token would end with it). */
const ownSession = async (actor: Actor, w: World) =>
  actor === 'anonymous' ? undefined : await throwaway(w, ROLE_OF[actor], centresOf(actor, w));

const draft = (w: World) => shared(w, 'draft', () => w.fresh.draftApplication());
const submitted = (w: World) => shared(w, 'submitted', () => w.fresh.submittedApplication());
const group = (w: World) => shared(w, 'group', () => w.fresh.draftGroup());

export const POLICY_REQUESTS: Record<string, RequestBuilder> = {
  // applications: identity
  'applications POST /api/auth/register': () => ({
    path: '/api/auth/register',
    body: { email: freshEmail(), password: 'Bezpieczne-haslo-12', fullName: 'Nowa Osoba' },
  }),
  'applications POST /api/auth/verify-email': () => ({
    path: '/api/auth/verify-email',
    body: { token: randomUUID() },
  }),
  'applications POST /api/auth/verify-email/resend': () => ({
    path: '/api/auth/verify-email/resend',
    body: { email: freshEmail() },
  }),
  'applications POST /api/auth/login': async (_, w) => {
    const email = freshEmail();
    const password = `Haslo-${uniqueId()}-1`;
    await w.platform.apps.applications!.get(UsersService).create({
      email,
      password,
      fullName: 'Osoba Logująca',
      role: 'applicant',
      verified: true,
    });
    return { path: '/api/auth/login', body: { email, password } };
  },
  'applications POST /api/auth/refresh': async (_, w) => ({
    path: '/api/auth/refresh',
    body: { refreshToken: (await throwaway(w, 'applicant')).refreshToken },
  }),
  'applications POST /api/auth/logout': async (actor, w) => ({
    path: '/api/auth/logout',
    token: (await ownSession(actor, w))?.accessToken,
  }),
  'applications PUT /api/auth/me/password': async (actor, w) => {
    const session = await ownSession(actor, w);
    return {
      path: '/api/auth/me/password',
      token: session?.accessToken,
      body: {
        currentPassword: session?.password ?? 'Haslo-nieznane-1',
        newPassword: 'Wrzos-Kominek-Latarnia-2027',
      },
    };
  },
  'applications POST /api/auth/password/forgot': () => ({
    path: '/api/auth/password/forgot',
    body: { email: freshEmail() },
  }),
  'applications POST /api/auth/password/reset': () => ({
    path: '/api/auth/password/reset',
    body: { token: randomUUID(), password: 'Wrzos-Kominek-Latarnia-2027' },
  }),
  // centres (on centre no. 1, the world's; staff changes on throwaway accounts)
  'applications POST /api/centres': () => ({
    path: '/api/centres',
    body: {
      name: `Ośrodek ${uniqueId()}`,
      accreditationNumber: `AKCES/${uniqueId()}`,
      voivodeship: '24',
      counties: ['2469'],
      address: 'ul. Przykładowa 1, 40-001 Katowice',
      contactEmail: 'biuro@owes-katowice.example.pl',
      contactPhone: '+48 32 000 00 00',
      senderName: 'OWES Katowice',
      senderEmail: 'nabory@owes-katowice.example.pl',
      signature: 'Zespół OWES Katowice',
      operatorsMailbox: ['biuro@owes-katowice.example.pl'],
    },
  }),
  'applications GET /api/centres/{id}': () => ({ path: `/api/centres/${DEFAULT_CENTRE_ID}` }),
  'applications PATCH /api/centres/{id}': () => ({
    path: `/api/centres/${DEFAULT_CENTRE_ID}`,
    body: { contactPhone: '+48 24 111 11 11' },
  }),
  'applications GET /api/evaluators': () => ({ path: '/api/evaluators?email=nobody%40example.pl' }),
  'applications GET /api/centres/{id}/staff': () => ({
    path: `/api/centres/${DEFAULT_CENTRE_ID}/staff`,
  }),
  'applications POST /api/centres/{id}/staff': async (_, w) => ({
    path: `/api/centres/${DEFAULT_CENTRE_ID}/staff`,
    body: { email: (await throwaway(w, 'applicant')).email, role: 'operator' },
  }),
  'applications DELETE /api/centres/{id}/staff/{userId}': async (_, w) => ({
    path: `/api/centres/${DEFAULT_CENTRE_ID}/staff/${(await throwaway(w, 'operator', [DEFAULT_CENTRE_ID])).id}`,
  }),
  'applications PUT /api/users/{id}/coordinator-scope': async (_, w) => ({
    path: `/api/users/${(await throwaway(w, 'coordinator')).id}/coordinator-scope`,
    body: { voivodeship: '14' },
  }),
  'applications PUT /api/users/{id}/role': async (_, w) => ({
    path: `/api/users/${(await throwaway(w, 'applicant')).id}/role`,
    body: { role: 'operator' },
  }),
  'applications POST /api/users/{id}/disable': async (_, w) => ({
    path: `/api/users/${(await throwaway(w, 'applicant')).id}/disable`,
  }),
  'applications POST /api/users/{id}/enable': async (_, w) => ({
    path: `/api/users/${(await throwaway(w, 'applicant')).id}/enable`,
  }),
  'applications PUT /api/auth/me/language': () => ({
    path: '/api/auth/me/language',
    body: { language: 'pl' },
  }),
  'applications GET /api/calls/{id}': (_, w) => ({ path: `/api/calls/${w.openCallId}` }),
  // applications: initiative groups
  'applications POST /api/initiative-groups': () => ({
    path: '/api/initiative-groups',
    body: { form: groupForm() },
  }),
  'applications GET /api/initiative-groups/{id}': async (_, w) => ({
    path: `/api/initiative-groups/${await group(w)}`,
  }),
  'applications PATCH /api/initiative-groups/{id}': async (_, w) => ({
    path: `/api/initiative-groups/${await w.fresh.draftGroup()}`,
    body: { form: groupForm({ name: 'Grupa „Nowa nazwa”' }) },
  }),
  'applications POST /api/initiative-groups/{id}/submit': async (_, w) => ({
    path: `/api/initiative-groups/${await w.fresh.draftGroup()}/submit`,
  }),
  'applications POST /api/initiative-groups/{id}/decision': async (_, w) => ({
    path: `/api/initiative-groups/${await w.fresh.submittedGroup()}/decision`,
    body: { decision: 'qualified', reason: 'Grupa spełnia kryteria rekrutacji' },
  }),
  // applications: grant applications
  'applications POST /api/applications': (_, w) => ({
    path: '/api/applications',
    body: { callId: w.openCallId, form: applicationForm(1) },
  }),
  'applications GET /api/applications/{id}': async (_, w) => ({
    path: `/api/applications/${await draft(w)}`,
  }),
  'applications GET /api/applications/{id}/conflicts': async (_, w) => ({
    path: `/api/applications/${await submitted(w)}/conflicts`,
  }),
  'applications GET /api/applications/{id}/versions': async (_, w) => ({
    path: `/api/applications/${await submitted(w)}/versions`,
  }),
  'applications PATCH /api/applications/{id}': async (_, w) => ({
    path: `/api/applications/${await w.fresh.draftApplication()}`,
    body: { form: applicationForm(2) },
  }),
  'applications POST /api/applications/{id}/submit': async (_, w) => ({
    path: `/api/applications/${await w.fresh.draftApplication()}/submit`,
  }),
  'applications POST /api/applications/{id}/withdraw': async (_, w) => ({
    path: `/api/applications/${await w.fresh.submittedApplication()}/withdraw`,
  }),
  'applications POST /api/applications/{id}/formal-check': async (_, w) => ({
    path: `/api/applications/${await w.fresh.submittedApplication()}/formal-check`,
    body: { result: 'rejected', reasons: ['Wniosek złożono na niewłaściwym formularzu'] },
  }),
  // grants: programmes and calls
  'grants POST /api/programmes': () => ({
    path: '/api/programmes',
    body: {
      name: `OWES ${uniqueId()}`,
      counties: ['1462'],
      yearlyBudgets: [{ year: 2028, amount: 1_000_000 }],
      targets: {
        groupsSupported: 1,
        enterprisesStrengthened: 1,
        enterprisesCreated: 1,
        jobsCreated: 1,
      },
    },
  }),
  'grants GET /api/programmes/{id}': (_, w) => ({ path: `/api/programmes/${w.programmeId}` }),
  'grants PATCH /api/programmes/{id}': (_, w) => ({
    path: `/api/programmes/${w.programmeId}`,
    body: { name: 'OWES Płock 2024–2027 (zmiana)' },
  }),
  'grants POST /api/calls': (_, w) => ({
    path: '/api/calls',
    body: callRequest({ programmeId: w.programmeId }),
  }),
  'grants GET /api/calls/{id}': (_, w) => ({ path: `/api/calls/${w.evaluationCallId}` }),
  'grants PATCH /api/calls/{id}': (_, w) => ({
    path: `/api/calls/${w.draftCallId}`,
    body: { title: 'Tworzenie miejsc pracy (zmiana)' },
  }),
  'grants POST /api/calls/{id}/publish': async (_, w) => ({
    path: `/api/calls/${await w.fresh.draftCall()}/publish`,
  }),
  // grants: evaluation
  'grants GET /api/calls/{callId}/evaluators': (_, w) => ({
    path: `/api/calls/${w.evaluationCallId}/evaluators`,
  }),
  'grants POST /api/calls/{callId}/evaluators': (_, w) => ({
    path: `/api/calls/${w.evaluationCallId}/evaluators`,
    body: {
      userId: randomUUID(),
      email: freshEmail(),
      name: 'Nowy Oceniający',
      trainerOrAdviser: false,
    },
  }),
  'grants GET /api/evaluations/{id}': (actor, w) => ({
    path: `/api/evaluations/${evaluationFor(actor, w)}`,
  }),
  'grants POST /api/evaluations/{id}/scores': (actor, w) => ({
    path: `/api/evaluations/${evaluationFor(actor, w)}/scores`,
    body: { scores: scoresFor(80) },
  }),
  'grants POST /api/evaluations/{id}/declaration': (actor, w) => ({
    path: `/api/evaluations/${evaluationFor(actor, w)}/declaration`,
    body: { conflictOfInterest: false, confidentiality: true },
  }),
  'grants GET /api/calls/{callId}/ranking': (_, w) => ({
    path: `/api/calls/${w.evaluationCallId}/ranking`,
  }),
  'grants POST /api/calls/{callId}/ranking/approve': (_, w) => ({
    path: `/api/calls/${w.evaluationCallId}/ranking/approve`,
  }),
  // grants: decisions and awards
  'grants GET /api/decisions': (_, w) => ({ path: `/api/decisions?callId=${w.awardCallId}` }),
  'grants GET /api/decisions/{id}': (_, w) => ({ path: `/api/decisions/${w.fundedDecisionId}` }),
  'grants POST /api/decisions/{id}/appeal': (_, w) => ({
    path: `/api/decisions/${w.rejectedDecisionId}/appeal`,
    body: { criteria: ['K1'], justification: 'Oceniający pominęli analizę rynku z sekcji 3.' },
  }),
  'grants GET /api/awards': (_, w) => ({ path: `/api/awards?callId=${w.awardCallId}` }),
  'grants GET /api/awards/{id}': (_, w) => ({ path: `/api/awards/${w.awards[0]!.id}` }),
  'grants POST /api/awards/{id}/give-up': async (actor, w) => ({
    path: `/api/awards/${AWARD_CHANGERS.has(actor) ? (await w.fresh.grantedAward()).id : w.grantedAwardId}/give-up`,
    body: { reason: 'Grupa nie założy spółdzielni socjalnej' },
  }),
  'grants GET /api/awards/{id}/bridging-extension': (_, w) => ({
    path: `/api/awards/${w.awards[0]!.id}/bridging-extension`,
  }),
  'grants POST /api/awards/{id}/bridging-extension': (_, w) => ({
    path: `/api/awards/${w.awards[0]!.id}/bridging-extension`,
    body: { months: 6, monthlyAmount: 120_000, justification: 'Przychody jeszcze nie pokrywają' },
  }),
  'grants POST /api/awards/{id}/bridging-extension/{requestId}/decision': (_, w) => ({
    path: `/api/awards/${w.awards[0]!.id}/bridging-extension/${randomUUID()}/decision`,
    body: { decision: 'approved' },
  }),
  'grants POST /api/awards/{id}/agreement/prepare': (_, w) => ({
    path: `/api/awards/${w.grantedAwardId}/agreement/prepare`,
    body: { signingOn: '2027-02-16', place: 'Biuro OWES, ul. Tumska 5, Płock' },
  }),
  'grants POST /api/awards/{id}/agreement': async (actor, w) => ({
    path: `/api/awards/${STAFF.has(actor) ? (await w.fresh.grantedAward()).id : w.grantedAwardId}/agreement`,
    body: {
      signedOn: '2027-01-25',
      security: { kind: 'blank-promissory-note', declarationSigned: true },
      deMinimisCertificateNumber: 'DM/2027/0002',
    },
  }),
  'grants POST /api/awards/{id}/payments': (_, w) => ({
    path: `/api/awards/${w.awards[0]!.id}/payments`,
    body: { kind: 'tranche', amount: 100, paidOn: '2027-01-25' },
  }),
  'grants POST /api/awards/{id}/jobs/{jobId}/reports': (_, w) => ({
    path: `/api/awards/${w.awards[0]!.id}/jobs/${w.awards[0]!.jobId}/reports`,
    body: { period: '2027-03', jobExists: true, evidenceReference: 'ZUS DRA 03/2027' },
  }),
  'grants POST /api/awards/{id}/jobs/{jobId}/vacancy': (_, w) => ({
    path: `/api/awards/${w.awards[0]!.id}/jobs/${w.awards[0]!.jobId}/vacancy`,
    body: { vacancyDate: '2027-01-25' },
  }),
  'grants POST /api/awards/{id}/jobs/{jobId}/refill': (_, w) => ({
    path: `/api/awards/${w.awards[0]!.id}/jobs/${w.awards[0]!.jobId}/refill`,
    body: { refilledOn: '2027-01-25', eligiblePerson: true, evidenceReference: 'Umowa o pracę' },
  }),
  'grants POST /api/exchange-rates': (_, w) => ({
    path: '/api/exchange-rates',
    body: { validFrom: w.fresh.day(), plnPerEur: '4.3000' },
  }),
  'grants POST /api/interest-rates': (_, w) => ({
    path: '/api/interest-rates',
    body: { validFrom: w.fresh.day(), ratePercent: '7.5' },
  }),
  // notifications
  'notifications PUT /api/preferences/me': () => ({
    path: '/api/preferences/me',
    body: { language: 'pl' },
  }),
};
