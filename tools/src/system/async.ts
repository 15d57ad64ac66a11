import { createServer, type AddressInfo } from 'node:net';

/** Waits `ms` milliseconds (pacing and polling intervals of the tools, never an assertion). */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address() as AddressInfo | null;
      s.close(() => (a ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

/** Runs `task(i)` for i in [0, total) with at most `limit` at once. */
export async function pool(
  total: number,
  limit: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, total) }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

/** Polls `check` every `everyMs` until it is true (→ true) or `timeoutMs` has passed (→ false). */
export async function pollUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 200,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
