export interface MessagingOptions {
  /** The service's name: its durable consumer name and the owner of its outbox. */
  service: string;
  natsUrl: string;
  /** Namespace for streams and subjects; empty in production. */
  prefix: string;
  /** How many deliveries a message gets before it is terminated into the dead letters. */
  maxDeliver?: number;
  /** First redelivery delay after a failure (ms); doubles per delivery, capped at 30 s. */
  retryBaseMs?: number;
  /** Messages handled at once by this replica. */
  concurrency?: number;
  /** How long the relay waits between scans when nothing woke it (ms). */
  relayPollMs?: number;
  /** How long JetStream keeps events (days). */
  streamMaxAgeDays?: number;
  /** Replicas of each stream and its durable consumers (1 on one server, 3 on a cluster). */
  streamReplicas?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export const MESSAGING_DEFAULTS = {
  maxDeliver: 8,
  retryBaseMs: 500,
  concurrency: 16,
  relayPollMs: 1000,
  streamMaxAgeDays: 30,
  streamReplicas: 1,
} as const;
