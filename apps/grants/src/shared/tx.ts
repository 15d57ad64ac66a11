import type { EntityManager } from 'typeorm';
import type { Emit } from '@app/common';

/**
 * The transaction a use case joins when another one calls it: its manager, and `emit`, which
 * writes an event into the outbox in that transaction. `OutboxService.transaction` gives both;
 * an event handler's `JetStreamContext` is one.
 */
export interface Tx {
  readonly manager: EntityManager;
  readonly emit: Emit;
}
