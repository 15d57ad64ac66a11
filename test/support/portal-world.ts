/**
 * The set-up the portal's browser tests share (test/e2e/portal-*.test.ts): Warsaw wall time,
 * named accounts, a checked API call, an application form per person, the Płock programme and
 * a published call with its evaluators' pool. Each test builds its own world from these through
 * the services' APIs, as the operator, the applicants and the evaluators would.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newContext } from './browser.js';
import { expectEventually } from './eventually.js';
import { callRequest, type CallRequest } from './grants-fixtures.js';
import type { Platform } from './platform.js';
import { signIn, type TestPortal } from './portal.js';
import type { Client } from './http.js';
import {
  applicationForm,
  type ApplicationFormInput,
} from '../../apps/applications/test/form-fixtures.js';

/** Warsaw wall time in winter (UTC+1): `warsaw('2027-01-05', '10:00:00')`. */
export const warsaw = (date: string, time = '09:00:00'): Date => new Date(`${date}T${time}+01:00`);

/** A signed-up account as the tests use it: its token, sign-in data and display name. */
export interface Account {
  token: string;
  id: string;
  email: string;
  password: string;
  name: string;
}

/** The body of `response` if its status is `status`; otherwise throws, naming `what`. */
export function check(response: { status: number; body: any }, status: number, what: string): any {
  if (response.status !== status)
    throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A one-job application whose employee is `pesel` (no two applications share a person). */
export function formFor(pesel: string): ApplicationFormInput {
  const form = applicationForm(1);
  form.jobs[0]!.person = { ...form.jobs[0]!.person, pesel };
  return form;
}

/** A verified account of `role` named `name` (the name kept on the account for assertions). */
export async function namedAccount(
  platform: Platform,
  role: Parameters<Platform['account']>[0],
  name: string,
  opts: Omit<NonNullable<Parameters<Platform['account']>[1]>, 'name'> = {},
): Promise<Account> {
  return { ...(await platform.account(role, { ...opts, name })), name };
}

/** The programme the tests run under: OWES Płock 2024–2027, four counties, 5 million zł in 2027. */
export const PLOCK_PROGRAMME = {
  name: 'OWES Płock 2024–2027',
  counties: ['1462', '1419', '1427', '1404'],
  yearlyBudgets: [{ year: 2027, amount: 500_000_000 }],
  targets: {
    groupsSupported: 20,
    enterprisesStrengthened: 14,
    enterprisesCreated: 8,
    jobsCreated: 60,
  },
};

/** Creates a programme as the operator whose token is `token`; returns its id. */
export async function createProgramme(
  grants: Client,
  token: string,
  programme: typeof PLOCK_PROGRAMME = PLOCK_PROGRAMME,
  what = 'programme',
): Promise<string> {
  return check(await grants.post('/api/programmes', programme, token), 201, what).id;
}

/** A call created and published, as `POST /api/calls` returned it. */
export interface PublishedCall {
  id: string;
  number: string;
  [field: string]: unknown;
}

/**
 * Creates a call (the defaults of `callRequest` with `call`) as the operator whose token is
 * `token`, publishes it, adds `evaluators` to its pool in this order (the pool spreads evenly,
 * the earliest added first; `chair` chairs the committee) and waits until the applications
 * service knows the call.
 */
export async function publishCall(
  platform: Platform,
  token: string,
  call: Partial<CallRequest>,
  options: { evaluators?: readonly Account[]; chair?: Account } = {},
): Promise<PublishedCall> {
  const { applications, grants } = platform.api;
  const created = check(
    await grants.post('/api/calls', callRequest(call), token),
    201,
    'call',
  ) as PublishedCall;
  check(await grants.post(`/api/calls/${created.id}/publish`, {}, token), 200, 'publish');
  for (const e of options.evaluators ?? []) {
    check(
      await grants.post(
        `/api/calls/${created.id}/evaluators`,
        {
          userId: e.id,
          email: e.email,
          name: e.name,
          trainerOrAdviser: false,
          chair: e === options.chair,
        },
        token,
      ),
      200,
      'pool',
    );
  }
  await expectEventually(async () =>
    check(await applications.get(`/api/calls/${created.id}`), 200, 'call in applications'),
  );
  return created;
}

/** A submitted application: its id, the reference the applicant sees, the submit's answer. */
export interface Submitted {
  id: string;
  reference: string;
  body: any;
}

/** Drafts `form` in `callId` as `who` and submits it (`what` names it in a failure). */
export async function submitApplication(
  platform: Platform,
  who: { token: string },
  callId: string,
  form: unknown,
  what: string,
): Promise<Submitted> {
  const { applications } = platform.api;
  const draft = check(
    await applications.post('/api/applications', { callId, form }, who.token),
    201,
    `draft ${what}`,
  );
  const submitted = check(
    await applications.post(`/api/applications/${draft.id}/submit`, {}, who.token),
    200,
    `submit ${what}`,
  );
  return { id: draft.id, reference: submitted.reference, body: submitted };
}

/** The operator whose token is `token` accepts the application in the formal check. */
export async function acceptFormally(
  platform: Platform,
  token: string,
  applicationId: string,
  what: string,
): Promise<void> {
  check(
    await platform.api.applications.post(
      `/api/applications/${applicationId}/formal-check`,
      { result: 'accepted' },
      token,
    ),
    200,
    `accept ${what}`,
  );
}

/**
 * A new browser context with `account` signed in to the portal: JavaScript on unless told, each
 * step of the page waiting at most `timeout` ms (15 s unless told).
 */
export async function signedInPage(
  browser: Browser,
  portal: TestPortal,
  account: { email: string; password: string },
  {
    javaScriptEnabled = true,
    timeout = 15_000,
  }: { javaScriptEnabled?: boolean; timeout?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { javaScriptEnabled });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await signIn(page, portal, account);
  return { context, page };
}
