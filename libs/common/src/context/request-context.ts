import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * Per-request (or per-message) context carried through async calls: the correlation id that
 * ties an HTTP request to the events it causes and to the consumers' work, and the acting user
 * for the audit log.
 */
export interface RequestContextData {
  correlationId: string;
  userId?: string;
  /**
   * The centres whose rows this unit of work may see (libs/common/src/tenancy): absent means
   * every centre (a consumer, a worker); an HTTP request starts with none and the auth guard
   * sets the caller's.
   */
  centres?: '*' | readonly string[];
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
  correlationId(): string {
    return storage.getStore()?.correlationId ?? randomUUID();
  },
  setUser(userId: string): void {
    const store = storage.getStore();
    if (store) store.userId = userId;
  },
  setCentres(centres: '*' | readonly string[]): void {
    const store = storage.getStore();
    if (store) store.centres = centres;
  },
};

export const CORRELATION_HEADER = 'x-correlation-id';
