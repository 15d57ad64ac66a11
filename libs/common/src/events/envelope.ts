import { randomUUID } from 'node:crypto';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { isEmail, isISO8601, isUUID } from 'class-validator';
import {
  CENTRE_SUBJECTS,
  EVENT_CONTRACTS,
  type EventPayload,
  type EventSubject,
} from './contracts.js';
import { DEFAULT_CENTRE_ID } from '../tenancy/default-centre.js';

/**
 * The envelope every event travels in. `id` is also the JetStream message id (de-duplication)
 * and the inbox key of every consumer. `type` is the subject; `name` repeats it for readers that
 * look for a name (docs/architecture.md#events).
 */
export interface EventEnvelope<S extends EventSubject = EventSubject> {
  id: string;
  type: S;
  name: S;
  version: number;
  occurredAt: string;
  correlationId: string;
  payload: EventPayload<S>;
}

export function createEvent<S extends EventSubject>(
  type: S,
  payload: EventPayload<S>,
  meta: { correlationId: string; occurredAt: Date; id?: string },
): EventEnvelope<S> {
  return {
    id: meta.id ?? randomUUID(),
    type,
    name: type,
    version: EVENT_CONTRACTS[type].version,
    occurredAt: meta.occurredAt.toISOString(),
    correlationId: meta.correlationId,
    payload,
  };
}

// String formats the contracts use (TypeBox checks only formats it is told about).
if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (v) => isUUID(v));
if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (v) => isISO8601(v, { strict: true }) && /T/.test(v));
}
if (!FormatRegistry.Has('email')) FormatRegistry.Set('email', (v) => isEmail(v));

const checkers = new Map<string, TypeCheck<TSchema>>();
function checkerFor(type: EventSubject): TypeCheck<TSchema> {
  let checker = checkers.get(type);
  if (!checker) {
    checker = TypeCompiler.Compile(EVENT_CONTRACTS[type].schema as TSchema);
    checkers.set(type, checker);
  }
  return checker;
}

export function isKnownSubject(subject: string): subject is EventSubject {
  return Object.prototype.hasOwnProperty.call(EVENT_CONTRACTS, subject);
}

export class InvalidEventError extends Error {}

/**
 * Parses and validates an incoming envelope against its contract. Throws InvalidEventError for
 * anything that can never succeed (the consumer then terminates it into the dead letters).
 */
export function parseEnvelope(subject: string, raw: unknown): EventEnvelope {
  if (!isKnownSubject(subject)) throw new InvalidEventError(`Unknown subject ${subject}`);
  if (typeof raw !== 'object' || raw === null)
    throw new InvalidEventError('Envelope is not an object');
  const env = raw as Partial<EventEnvelope>;
  if (typeof env.id !== 'string' || env.id.length === 0)
    throw new InvalidEventError('Envelope without id');
  if (env.type !== subject)
    throw new InvalidEventError(`Envelope type ${String(env.type)} ≠ subject ${subject}`);
  if (env.version !== EVENT_CONTRACTS[subject].version) {
    throw new InvalidEventError(`Unsupported version ${String(env.version)} of ${subject}`);
  }
  // An event published before tenancy names no centre: it is of centre no. 1, the one centre
  // the installation had then (docs/tenancy.md#migrating-a-one-centre-installation).
  if (
    CENTRE_SUBJECTS.includes(subject) &&
    typeof env.payload === 'object' &&
    env.payload !== null &&
    !('centreId' in env.payload)
  ) {
    env.payload = { ...(env.payload as object), centreId: DEFAULT_CENTRE_ID } as EventPayload<
      typeof subject
    >;
  }
  const checker = checkerFor(subject);
  if (!checker.Check(env.payload)) {
    const first = [...checker.Errors(env.payload)].slice(0, 3);
    throw new InvalidEventError(
      `Payload of ${subject} breaks its contract: ${first.map((e) => `${e.path} ${e.message}`).join('; ')}`,
    );
  }
  return env as EventEnvelope;
}
