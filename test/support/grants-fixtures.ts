import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import {
  DEFAULT_CENTRE_ID,
  createEvent,
  wireSubject,
  type EventEnvelope,
  type EventPayload,
  type EventSubject,
  type FundingModel,
  type Recipient,
} from '@app/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { jetstreamManager } from '@nats-io/jetstream';
import { configureApp, type Clock, type Role } from '@app/common';
import { AppModule, GRANTS_DESCRIPTION } from '../../apps/grants/src/app.module.js';
import type { callView } from '../../apps/grants/src/calls/calls.controller.js';
import type { CreateCallDto } from '../../apps/grants/src/calls/calls.dto.js';
import type { evaluationView } from '../../apps/grants/src/evaluation/evaluation.controller.js';
import type {
  DeclarationDto,
  PoolMemberDto,
  ScoresDto,
} from '../../apps/grants/src/evaluation/evaluation.dto.js';
import type { ExchangeRateDto } from '../../apps/grants/src/exchange-rates/exchange-rates.dto.js';
import type { CriterionScore } from '../../apps/grants/src/domain/index.js';
import { createTestDatabase, uniqueId, type TestDatabase } from './database.js';
import { client, type Client } from './http.js';
import { expectEventually } from './eventually.js';

/**
 * Signs bearer tokens the way the identity module does, and serves the JWKS, so the grants
 * service can be tested on its own (its only dependency on applications is token verification).
 */
export interface TokenIssuer {
  jwksUrl: string;
  /**
   * An account with a token. Staff (operator, admin) and coordinators work for centre no. 1
   * unless `centres` names others.
   */
  account(
    role: Role,
    opts?: { name?: string; language?: 'pl' | 'en'; centres?: string[] },
  ): Promise<Account>;
  close(): Promise<void>;
}

export interface Account {
  token: string;
  id: string;
  email: string;
  name: string;
}

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'ES256', use: 'sig' };
  const server: Server = createServer((_, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let n = 0;
  return {
    jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    async account(role, opts = {}) {
      n += 1;
      const id = randomUUID();
      const email = `${role}-${n}-${id.slice(0, 8)}@example.pl`;
      const walled = role === 'operator' || role === 'admin' || role === 'coordinator';
      const ctr = opts.centres ?? (walled ? [DEFAULT_CENTRE_ID] : []);
      const token = await new SignJWT({ roles: [role], email, lang: opts.language ?? 'pl', ctr })
        .setProtectedHeader({ alg: 'ES256', kid: 'test' })
        .setSubject(id)
        .setIssuer('owes-grants')
        .setAudience('owes-grants')
        .setIssuedAt()
        // Services check expiry against their ManualClock, which scenarios move by months.
        .setExpirationTime('10y')
        .sign(privateKey);
      return { token, id, email, name: opts.name ?? `Test ${role} ${n}` };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/**
 * The grants service alone (booted exactly as main.ts does), with its own database and NATS
 * namespace, tokens from `issuer`. It does not need the other services' modules, so grants tests
 * do not depend on their state.
 */
export interface Platform {
  db: TestDatabase;
  prefix: string;
  app: INestApplication;
  api: Client;
  close(): Promise<void>;
}

export async function startGrants(
  clock: Clock,
  issuer: TokenIssuer,
  extraEnv: Record<string, string> = {},
): Promise<Platform> {
  const db = await createTestDatabase();
  const prefix = `t${uniqueId()}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: db.layout.urls.grants,
    NATS_URL,
    NATS_PREFIX: prefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DB_POOL_SIZE: '5',
    JWKS_URL: issuer.jwksUrl,
    SCHEDULER_INTERVAL_MS: '3600000',
    ...extraEnv,
  };
  const app = await NestFactory.create(AppModule.forRoot({ env, clock }), {
    bufferLogs: true,
    abortOnError: false,
  });
  await configureApp(app, GRANTS_DESCRIPTION);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    db,
    prefix,
    app,
    api: client(`http://127.0.0.1:${port}`),
    async close() {
      await app.close().catch(() => {});
      await deleteStreams(prefix).catch(() => {});
      await db.drop();
    },
  };
}

async function deleteStreams(prefix: string): Promise<void> {
  const nc = await connect({ servers: NATS_URL, timeout: 2000 });
  try {
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(`${prefix.toUpperCase()}_`)) await jsm.streams.delete(name);
    }
  } finally {
    await nc.close();
  }
}

/**
 * Test data and helpers for the grants service. Formally accepted applications are published
 * straight to JetStream (as the applications service would), so grants can be tested without
 * the formal check.
 */

type ApplicationsSubject = Extract<EventSubject, `applications.${string}`>;

/** Publishes an applications event into the platform's namespace; returns its envelope id. */
export async function publishEvent<S extends ApplicationsSubject>(
  platform: Platform,
  subject: S,
  payload: EventPayload<S>,
  occurredAt = new Date(),
): Promise<string> {
  const envelope = createEvent(subject, payload, { correlationId: randomUUID(), occurredAt });
  const nc = await connect({ servers: NATS_URL });
  try {
    await jetstream(nc).publish(wireSubject(subject, platform.prefix), JSON.stringify(envelope), {
      msgID: envelope.id,
    });
  } finally {
    await nc.close();
  }
  return envelope.id;
}

type AcceptedPayload = EventPayload<'applications.application.formally-accepted'>;
type AcceptedJob = AcceptedPayload['jobs'][number];

/** What a test says of a job of an accepted application; the rest takes the defaults. */
export type JobSpec = Partial<
  Pick<AcceptedJob, 'workingTime' | 'eligiblePerson' | 'plannedStart' | 'county'>
>;

/** Who applies: an account of the token issuer, or any user with an id and an e-mail address. */
export interface ApplicantSpec {
  id: string;
  email: string;
  name?: string;
}

/** What a test says of a formally accepted application; the rest takes the defaults. */
export interface AcceptedPayloadSpec {
  callId: string;
  applicant: ApplicantSpec;
  /** The amount asked for, grosze: half creation, half maintenance. */
  amount: number;
  jobs?: JobSpec[];
  submittedAt?: string;
  acceptedAt?: string;
  recruitedBy?: string[];
  applicantKind?: AcceptedPayload['applicantKind'];
  county?: string;
  applicationId?: string;
  /** The call's centre (centre no. 1 by default). */
  centreId?: string;
}

let referenceCounter = 0;

/** A formally accepted application (FormallyAcceptedV1) with sensible defaults. */
export function acceptedPayload(options: AcceptedPayloadSpec): AcceptedPayload {
  referenceCounter += 1;
  const jobs = options.jobs ?? [{}];
  return {
    centreId: options.centreId ?? DEFAULT_CENTRE_ID,
    applicationId: options.applicationId ?? randomUUID(),
    reference: `OWES/2027/${String(referenceCounter).padStart(5, '0')}`,
    callId: options.callId,
    version: 1,
    submittedAt: options.submittedAt ?? '2027-01-05T10:00:00.000Z',
    acceptedAt: options.acceptedAt ?? '2027-01-21T10:00:00.000Z',
    applicant: recipient(options.applicant),
    applicantKind: options.applicantKind ?? 'initiative-group',
    entityName: `Spółdzielnia Socjalna nr ${referenceCounter}`,
    county: options.county ?? '1462',
    jobs: jobs.map((job, i): AcceptedJob => ({
      jobId: `job-${i + 1}`,
      position: i === 0 ? 'Kucharz' : `Pracownik ${i + 1}`,
      workingTime: job.workingTime ?? '1',
      eligiblePerson: job.eligiblePerson ?? true,
      plannedStart: job.plannedStart ?? '2027-03-01',
      county: job.county ?? options.county ?? '1462',
    })),
    amount: {
      creation: Math.floor(options.amount / 2),
      maintenance: options.amount - Math.floor(options.amount / 2),
      total: options.amount,
    },
    businessPlan: { idea: 'Catering dla szkół', market: 'Analiza rynku lokalnego' },
    recruitedBy: options.recruitedBy ?? [],
  };
}

export function recipient(user: ApplicantSpec): Recipient {
  return { userId: user.id, email: user.email, name: user.name ?? 'Anna Kowalska', language: 'pl' };
}

/** A criterion as a call's settings carry it. */
export type CallCriterion = CreateCallDto['criteria'][number];

/** Criteria used by the tests: 5 criteria, 100 points in all. */
export const CRITERIA: readonly CallCriterion[] = [
  { id: 'K1', name: 'Spójność biznesplanu', maxPoints: 30 },
  { id: 'K2', name: 'Analiza rynku', maxPoints: 20 },
  { id: 'K3', name: 'Zasoby i kompetencje', maxPoints: 20 },
  { id: 'K4', name: 'Trwałość miejsc pracy', maxPoints: 20 },
  { id: 'K5', name: 'Efekt społeczny', maxPoints: 10 },
];

/** Scores for CRITERIA summing to `total` (0..100), each with a justification. */
export function scoresFor(total: number): CriterionScore[] {
  let left = total;
  return CRITERIA.map((c): CriterionScore => {
    const points = Math.min(c.maxPoints, left);
    left -= points;
    return { criterionId: c.id, points, justification: `Uzasadnienie oceny kryterium ${c.id}` };
  });
}

/** The body of `POST /api/calls`: a call's settings, its funding model typed as the rules read it. */
export type CallRequest = Omit<CreateCallDto, 'fundingModel' | 'criteria'> & {
  criteria: readonly CallCriterion[];
  fundingModel?: FundingModel;
};

/** A call as the API shows it (`GET /api/calls/:id`). */
export type CallBody = ReturnType<typeof callView>;

/** A call's settings with the tests' defaults: open in January 2027, 300,000 zł, four counties. */
export function callRequest(overrides: Partial<CallRequest> = {}): CallRequest {
  return {
    number: `NAB/${randomUUID().slice(0, 8)}`,
    title: 'Tworzenie miejsc pracy w przedsiębiorstwach społecznych',
    opensAt: '2027-01-04T08:00:00+01:00',
    closesAt: '2027-01-20T16:00:00+01:00',
    budget: 30_000_000,
    counties: ['1462', '1419', '1427', '1404'],
    criteria: CRITERIA,
    ...overrides,
  };
}

/** Creates and publishes a call through the API; returns its body. */
export async function createPublishedCall(
  platform: Platform,
  operatorToken: string,
  overrides: Partial<CallRequest> = {},
): Promise<CallBody> {
  const created = await platform.api.post<CallBody>(
    '/api/calls',
    callRequest(overrides),
    operatorToken,
  );
  if (created.status !== 201) throw new Error(`call not created: ${JSON.stringify(created.body)}`);
  const published = await platform.api.post<CallBody>(
    `/api/calls/${created.body.id}/publish`,
    {},
    operatorToken,
  );
  if (published.status !== 200)
    throw new Error(`call not published: ${JSON.stringify(published.body)}`);
  return published.body;
}

export type Evaluator = Account;

/** An evaluation as the API shows it to its evaluator. */
export type EvaluationBody = ReturnType<typeof evaluationView>;

/** One of an evaluator's own evaluations (`GET /api/evaluations`). */
export type OwnEvaluationBody = EvaluationBody & { reference: string; callNumber: string };

/** An evaluation assigned to one of the test's evaluators. */
export interface Assignment {
  evaluator: Evaluator;
  evaluation: OwnEvaluationBody;
}

/** Creates evaluator accounts and puts them in the call's pool (the first one chair when asked). */
export async function addEvaluators(
  platform: Platform,
  issuer: TokenIssuer,
  operatorToken: string,
  callId: string,
  count: number,
  options: { chairFirst?: boolean; trainerOrAdviser?: boolean } = {},
): Promise<Evaluator[]> {
  const evaluators: Evaluator[] = [];
  for (let i = 0; i < count; i++) {
    const account = await issuer.account('evaluator', { name: `Oceniający ${i + 1}` });
    const member: PoolMemberDto = {
      userId: account.id,
      email: account.email,
      name: `Oceniający ${i + 1}`,
      trainerOrAdviser: options.trainerOrAdviser ?? false,
      chair: options.chairFirst === true && i === 0,
    };
    const res = await platform.api.post<unknown>(
      `/api/calls/${callId}/evaluators`,
      member,
      operatorToken,
    );
    if (res.status !== 200) throw new Error(`pool: ${JSON.stringify(res.body)}`);
    evaluators.push(account);
  }
  return evaluators;
}

/** An evaluator's own evaluations (GET /api/evaluations). */
export async function evaluationsOf(
  platform: Platform,
  evaluator: Evaluator,
): Promise<OwnEvaluationBody[]> {
  const res = await platform.api.get<{ items: OwnEvaluationBody[] }>(
    '/api/evaluations',
    evaluator.token,
  );
  if (res.status !== 200) throw new Error(`evaluations: ${JSON.stringify(res.body)}`);
  return res.body.items;
}

/** Waits until the application has `count` evaluations (in any status but cancelled) across the evaluators. */
export async function waitForAssignments(
  platform: Platform,
  evaluators: Evaluator[],
  applicationId: string,
  count: number,
): Promise<Assignment[]> {
  return expectEventually(async () => {
    const found: Assignment[] = [];
    for (const evaluator of evaluators) {
      for (const evaluation of await evaluationsOf(platform, evaluator)) {
        if (evaluation.applicationId === applicationId && evaluation.status !== 'conflict')
          found.push({ evaluator, evaluation });
      }
    }
    expect(found).toHaveLength(count);
    return found;
  });
}

/** Declares impartiality and scores an evaluation with the given total. */
export async function declareAndScore(
  platform: Platform,
  evaluator: Evaluator,
  evaluationId: string,
  total: number,
): Promise<EvaluationBody> {
  const declaration: DeclarationDto = { conflictOfInterest: false, confidentiality: true };
  const declared = await platform.api.post<EvaluationBody>(
    `/api/evaluations/${evaluationId}/declaration`,
    declaration,
    evaluator.token,
  );
  if (declared.status !== 200) throw new Error(`declaration: ${JSON.stringify(declared.body)}`);
  const scores: ScoresDto = { scores: scoresFor(total) };
  const scored = await platform.api.post<EvaluationBody>(
    `/api/evaluations/${evaluationId}/scores`,
    scores,
    evaluator.token,
  );
  if (scored.status !== 200) throw new Error(`scores: ${JSON.stringify(scored.body)}`);
  return scored.body;
}

/** Publishes a formally accepted application and scores it by its two evaluators with these totals. */
export async function acceptAndScore(
  platform: Platform,
  evaluators: Evaluator[],
  payload: AcceptedPayload,
  totals: [number, number],
): Promise<void> {
  await publishEvent(platform, 'applications.application.formally-accepted', payload);
  const assigned = await waitForAssignments(platform, evaluators, payload.applicationId, 2);
  await declareAndScore(platform, assigned[0]!.evaluator, assigned[0]!.evaluation.id, totals[0]);
  await declareAndScore(platform, assigned[1]!.evaluator, assigned[1]!.evaluation.id, totals[1]);
}

/** Events grants wrote to its outbox (what it published), oldest first. */
export async function grantsEvents<S extends EventSubject>(
  platform: Platform,
  subject: S,
): Promise<EventPayload<S>[]> {
  const client = new pg.Client({ connectionString: platform.db.layout.urls.grants });
  await client.connect();
  try {
    const { rows } = await client.query<{ envelope: EventEnvelope<S> }>(
      `SELECT envelope FROM grants.outbox WHERE subject = $1 ORDER BY seq`,
      [subject],
    );
    return rows.map((r) => r.envelope.payload);
  } finally {
    await client.end();
  }
}

/** A JSON value, as a jsonb column comes back. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A column's value as node-postgres returns it (bigint and numeric as text, timestamptz as Date). */
export type SqlValue = JsonValue | Date;

/** A row of a query's result, by column name (or alias). */
export interface SqlRow {
  readonly [column: string]: SqlValue;
}

/**
 * Runs a SQL query as the grants role (assertions on what the API does not show), seeing every
 * centre's rows (`owes.centres` = '*', as the service's own workers do).
 */
export async function grantsQuery<T extends object = SqlRow>(
  platform: Platform,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: platform.db.layout.urls.grants });
  await client.connect();
  try {
    await client.query(`SELECT set_config('owes.centres', '*', false)`);
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * The NBP euro rate in force on a day, as an operator adds it (an agreement is refused without
 * the rate of its signing day: the de minimis certificate states the aid in EUR). A day that
 * already has one keeps it.
 */
export async function addExchangeRate(
  platform: Platform,
  operatorToken: string,
  validFrom: string,
  plnPerEur = '4.2000',
): Promise<void> {
  const rate: ExchangeRateDto = { validFrom, plnPerEur };
  const added = await platform.api.post<{ code?: string }>(
    '/api/exchange-rates',
    rate,
    operatorToken,
  );
  if (added.status !== 201 && added.body?.code !== 'RATE_EXISTS')
    throw new Error(`rate not added: ${JSON.stringify(added.body)}`);
}

/** `applications.centre.changed` for a centre, as the applications service publishes it. */
export function centreChanged(
  id: string,
  number: number,
  name: string,
  voivodeship: string,
  counties: string[],
  version = 1,
): EventPayload<'applications.centre.changed'> {
  return {
    centreId: id,
    version,
    number,
    name,
    accreditationNumber: `AKR/${number}/2024`,
    voivodeship,
    counties,
    address: 'ul. Przykładowa 1',
    contact: { email: `kontakt-${number}@owes.example.pl`, phone: '+48 600 000 000' },
    mail: {
      senderName: name,
      senderEmail: `nabory-${number}@owes.example.pl`,
      signature: name,
      operatorsMailbox: [`biuro-${number}@owes.example.pl`],
    },
    active: true,
    changedAt: '2027-01-01T08:00:00.000Z',
  };
}
