import { applyDecorators, UseFilters } from '@nestjs/common';
import { BaseRpcContext, EventPattern } from '@nestjs/microservices';
import { RpcPassThroughFilter } from './rpc-passthrough.filter.js';
import type { EventSubject } from '../events/contracts.js';
import type { JsMsg } from '@nats-io/jetstream';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '../events/envelope.js';
import type { Emit } from './outbox.service.js';

type Args = [JsMsg, EntityManager, EventEnvelope, Emit, (hook: () => void) => void];

/**
 * What an event handler gets beside the event: the transaction its effect must use (the inbox
 * row is in the same one), an `emit` that writes follow-up events to the outbox in it, and a way
 * to run something after the commit (e.g. wake a sender).
 */
export class JetStreamContext extends BaseRpcContext<Args> {
  get message(): JsMsg {
    return this.args[0];
  }
  get manager(): EntityManager {
    return this.args[1];
  }
  get envelope(): EventEnvelope {
    return this.args[2];
  }
  get emit(): Emit {
    return this.args[3];
  }
  afterCommit(hook: () => void): void {
    this.args[4](hook);
  }
}

/** Thrown by a handler for an event that can never be handled: it goes to the dead letters at once. */
export class PermanentEventError extends Error {}

/**
 * Marks a method as the handler of an event subject (a Nest `@EventPattern` whose subject the
 * compiler checks against the contracts). Handler signature:
 * `(event: EventEnvelope<S>, ctx: JetStreamContext) => Promise<void>`, with `@Payload()` and `@Ctx()`.
 */
export function OnEvent<S extends EventSubject>(subject: S): MethodDecorator {
  // The pass-through filter hands the handler's own error to the transport, which decides
  // between a retry and a dead letter by its class and records its message.
  return applyDecorators(
    EventPattern(subject) as MethodDecorator,
    UseFilters(new RpcPassThroughFilter()),
  );
}
