import type { EventSubject } from './contracts.js';

/**
 * One JetStream stream per producing service, holding every subject that service publishes.
 * Stream and subject names are frozen once published (see contracts.ts).
 *
 * `prefix` namespaces subjects and streams so that test runs (and several installations on one
 * NATS server) cannot see each other's events; it is empty in production.
 */
export const PRODUCERS = ['applications', 'grants', 'notifications'] as const;
export type Producer = (typeof PRODUCERS)[number];

export function producerOf(subject: EventSubject | string): Producer {
  const head = subject.split('.')[0];
  if (!(PRODUCERS as readonly string[]).includes(head)) {
    throw new Error(`Subject ${subject} has no producing service`);
  }
  return head as Producer;
}

export function streamName(producer: Producer, prefix = ''): string {
  const ns = prefix.replace(/[^A-Za-z0-9]/g, '_').toUpperCase();
  return ns ? `${ns}_${producer.toUpperCase()}` : producer.toUpperCase();
}

export function wireSubject(subject: string, prefix = ''): string {
  return prefix ? `${prefix}.${subject}` : subject;
}

export function logicalSubject(wire: string, prefix = ''): string {
  return prefix && wire.startsWith(`${prefix}.`) ? wire.slice(prefix.length + 1) : wire;
}
