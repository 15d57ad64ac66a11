import { LeaseHeartbeat, leaseTiming } from './lease-heartbeat.js';

const tick = (ms = 5) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > end) throw new Error('Condition not met in time');
    await tick(2);
  }
}

function fakeLogger() {
  const lines: string[] = [];
  return {
    lines,
    log: (m: string) => lines.push(`log ${m}`),
    warn: (m: string) => lines.push(`warn ${m}`),
    error: (m: string) => lines.push(`error ${m}`),
  };
}

describe('leaseTiming', () => {
  it('renews every third of the lease, so a holder may miss two beats and keep its rows', () => {
    expect(leaseTiming(20_000)).toEqual({ leaseMs: 20_000, renewEveryMs: 6666 });
    expect(leaseTiming(3000)).toEqual({ leaseMs: 3000, renewEveryMs: 1000 });
  });

  it('never gives a beat of zero', () => {
    expect(leaseTiming(1)).toEqual({ leaseMs: 1, renewEveryMs: 1 });
    expect(leaseTiming(0)).toEqual({ leaseMs: 1, renewEveryMs: 1 });
  });
});

describe('LeaseHeartbeat', () => {
  const beats: { stop(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(beats.splice(0).map((b) => b.stop()));
  });

  it('renews everything held in one call per beat, and stops renewing what is released', async () => {
    const calls: string[][] = [];
    const heartbeat = new LeaseHeartbeat<string>({
      name: 'test',
      everyMs: 60_000,
      logger: fakeLogger(),
      renew: async (held) => void calls.push([...held].sort()),
    });
    beats.push(heartbeat);
    heartbeat.hold('a', 'a:1');
    heartbeat.hold('b', 'b:1');
    expect(await heartbeat.runOnce()).toBe(2);
    heartbeat.release('a');
    expect(heartbeat.isHeld('a')).toBe(false);
    expect(await heartbeat.runOnce()).toBe(1);
    heartbeat.release('b');
    expect(await heartbeat.runOnce()).toBe(0);
    expect(calls).toEqual([['a:1', 'b:1'], ['b:1']]);
  });

  it('beats on its own every period while something is held', async () => {
    const calls: number[] = [];
    const heartbeat = new LeaseHeartbeat<number>({
      name: 'test',
      everyMs: 10,
      logger: fakeLogger(),
      renew: async (held) => void calls.push(held.length),
    });
    beats.push(heartbeat);
    heartbeat.hold('x', 1);
    heartbeat.start();
    await until(() => calls.length >= 3);
    expect(calls.every((n) => n === 1)).toBe(true);
  });

  it('retries a failed renewal after a short backoff, logs it and the recovery', async () => {
    const logger = fakeLogger();
    let failures = 2;
    let renewed = 0;
    const heartbeat = new LeaseHeartbeat<number>({
      name: 'test',
      everyMs: 20,
      logger,
      renew: async () => {
        if (failures-- > 0) throw new Error('database away');
        renewed++;
      },
    });
    beats.push(heartbeat);
    heartbeat.hold('x', 1);
    heartbeat.start();
    await until(() => renewed >= 1);
    expect(logger.lines[0]).toMatch(/^warn Pass failed \(1×\), will retry in 2 ms: database away/);
    expect(logger.lines).toContain('log Working again after 2 failed pass(es)');
  });
});
