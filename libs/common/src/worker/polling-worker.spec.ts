import {
  PollingWorker,
  type PassContext,
  type PassResult,
  type PollingWorkerOptions,
} from './polling-worker.js';

/** A pass that never touches a database: each call takes the next scripted outcome. */
function scripted(outcomes: (PassResult | Error | Promise<PassResult>)[]) {
  const calls: number[] = [];
  const contexts: PassContext[] = [];
  const pass = async (context: PassContext): Promise<PassResult> => {
    calls.push(performance.now());
    contexts.push(context);
    const next = outcomes.shift() ?? { processed: 0 };
    if (next instanceof Error) throw next;
    return next;
  };
  return { pass, calls, contexts };
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = (ms = 5) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > end) throw new Error('Condition not met in time');
    await tick(2);
  }
}

function fakeLogger() {
  const lines: { level: 'log' | 'warn' | 'error'; message: string }[] = [];
  return {
    lines,
    log: (message: string) => lines.push({ level: 'log', message }),
    warn: (message: string) => lines.push({ level: 'warn', message }),
    error: (message: string) => lines.push({ level: 'error', message }),
  };
}

describe('PollingWorker', () => {
  const workers: PollingWorker[] = [];
  const worker = <R extends PassResult>(options: Partial<PollingWorkerOptions<R>>) => {
    const w = new PollingWorker<R>({
      name: 'test',
      pollMs: 60_000,
      logger: fakeLogger(),
      pass: async () => ({ processed: 0 }) as R,
      ...options,
    });
    workers.push(w as unknown as PollingWorker);
    return w;
  };
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });

  it('drains: goes again at once while batches come back full, then sleeps', async () => {
    const { pass, calls } = scripted([
      { processed: 10, more: true },
      { processed: 10, more: true },
      { processed: 3, lagMs: 250 },
    ]);
    const w = worker({ pass });
    w.start();
    await until(() => calls.length === 3);
    await tick(50);
    expect(calls).toHaveLength(3);
    expect(w.metrics()).toMatchObject({
      name: 'test',
      running: true,
      passes: 3,
      processed: 23,
      failures: 0,
      lagMs: 250,
    });
    expect(w.metrics().lastPassMs).toBeGreaterThanOrEqual(0);
  });

  it('wakes early on wake(), and goes again when woken during a pass', async () => {
    const gate = deferred<PassResult>();
    const { pass, calls } = scripted([{ processed: 0 }, gate.promise, { processed: 0 }]);
    const w = worker({ pass });
    w.start();
    await until(() => calls.length === 1);
    await tick(20);
    expect(calls).toHaveLength(1);

    w.wake(); // ends the sleep
    await until(() => calls.length === 2);
    w.wake(); // arrives while the second pass is running
    gate.resolve({ processed: 1 });
    await until(() => calls.length === 3);
    await tick(30);
    expect(calls).toHaveLength(3);
  });

  it('backs off after consecutive failures, logs the first and every Nth, and the recovery', async () => {
    const logger = fakeLogger();
    const { pass, calls } = scripted([
      new Error('db down'),
      new Error('db down'),
      new Error('db down'),
      { processed: 1 },
    ]);
    const w = worker({ pass, logger, logEvery: 2, failureBackoff: { baseMs: 30, maxMs: 60 } });
    w.start();
    await until(() => calls.length === 4);
    const gaps = calls.slice(1).map((at, i) => at - calls[i]!);
    // 30, 60, 60 ms (capped); a timer may fire a millisecond early.
    expect(gaps[0]).toBeGreaterThanOrEqual(28);
    expect(gaps[1]).toBeGreaterThanOrEqual(58);
    expect(gaps[2]).toBeGreaterThanOrEqual(58);
    expect(logger.lines).toEqual([
      { level: 'warn', message: 'Pass failed (1×), will retry in 30 ms: db down' },
      { level: 'warn', message: 'Pass failed (2×), will retry in 60 ms: db down' },
      { level: 'log', message: 'Working again after 3 failed pass(es)' },
    ]);
    expect(w.metrics()).toMatchObject({
      passes: 4,
      processed: 1,
      failures: 3,
      consecutiveFailures: 0,
    });
  });

  it('sleeps pollMs after a failure without a backoff', async () => {
    const { pass, calls } = scripted([new Error('nope'), { processed: 0 }]);
    const w = worker({ pass, pollMs: 40 });
    w.start();
    await until(() => calls.length === 2);
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(38);
    expect(w.metrics().consecutiveFailures).toBe(0);
  });

  it('stops cleanly: waits for the running pass and the work in flight, then runs no more', async () => {
    const pending = deferred<PassResult>();
    const sending = deferred();
    let passes = 0;
    const w = worker({
      pass: async ({ track }) => {
        passes++;
        track(sending.promise);
        return pending.promise;
      },
    });
    w.start();
    await until(() => passes === 1);
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await tick(20);
    expect(stopped).toBe(false);
    pending.resolve({ processed: 1, more: true }); // a full batch would drain, but we are stopping
    await tick(20);
    expect(stopped).toBe(false); // the tracked work is still in flight
    sending.resolve();
    await stopping;
    expect(passes).toBe(1);
    expect(w.metrics()).toMatchObject({ running: false, inFlight: 0 });
  });

  it('runOnce() never overlaps the loop, returns the pass result and waits for its work', async () => {
    const first = deferred<PassResult>();
    const order: string[] = [];
    let sent = false;
    let call = 0;
    const w = worker<PassResult & { label: string }>({
      pass: async ({ track, capacity }) => {
        call++;
        if (call === 1) {
          order.push('loop start');
          await first.promise;
          order.push('loop end');
          return { processed: 0, label: 'loop' };
        }
        order.push(`runOnce capacity ${capacity}`);
        track(tick(20).then(() => (sent = true)));
        return { processed: 2, label: 'once' };
      },
      maxInFlight: 5,
    });
    w.start();
    await until(() => call === 1);
    const once = w.runOnce();
    await tick(20);
    expect(order).toEqual(['loop start']);
    first.resolve({ processed: 0 });
    await expect(once).resolves.toEqual({ processed: 2, label: 'once' });
    expect(sent).toBe(true);
    expect(order).toEqual(['loop start', 'loop end', 'runOnce capacity 5']);
  });

  it('runOnce() works without a loop and throws a failure to its caller', async () => {
    const { pass } = scripted([new Error('boom'), { processed: 4 }]);
    const w = worker({ pass, pollMs: 0 });
    w.start(); // pollMs 0: no loop
    await expect(w.runOnce()).rejects.toThrow('boom');
    await expect(w.runOnce()).resolves.toEqual({ processed: 4 });
    expect(w.metrics()).toMatchObject({
      running: false,
      passes: 2,
      processed: 4,
      failures: 1,
      consecutiveFailures: 0,
    });
  });

  it('keeps within maxInFlight: tells the pass its capacity and waits for a free slot', async () => {
    const slots = [deferred(), deferred(), deferred()];
    const capacities: number[] = [];
    let started = 0;
    const w = worker({
      maxInFlight: 2,
      pass: async ({ capacity, track }) => {
        capacities.push(capacity);
        const n = Math.min(capacity, slots.length - started);
        for (let i = 0; i < n; i++) track(slots[started++]!.promise);
        return { processed: n, more: n === capacity };
      },
    });
    w.start();
    await until(() => started === 2);
    await tick(20);
    expect(capacities).toEqual([2]); // full, but no slot is free: waiting
    expect(w.metrics().inFlight).toBe(2);
    slots[0]!.resolve();
    await until(() => started === 3);
    expect(capacities).toEqual([2, 1]);
    slots[1]!.resolve();
    slots[2]!.resolve();
  });

  it('waits initialDelayMs before the first pass', async () => {
    const { pass, calls } = scripted([]);
    const w = worker({ pass, initialDelayMs: 60_000 });
    w.start();
    await tick(30);
    expect(calls).toHaveLength(0);
    w.wake();
    await until(() => calls.length === 1);
  });
});
