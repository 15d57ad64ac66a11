/**
 * Collecting gauges at scrape time (docs/runbook.md#metrics-and-alerts): prom-client calls every
 * gauge's `collect` at once for one scrape, so several gauges fed by one query share one
 * snapshot. A failing or slow source never fails the scrape: its gauges are left without values.
 */

/** How long a source may take within a scrape before its gauges are left empty. */
export const SCRAPE_TIMEOUT_MS = 2000;

/**
 * `load` shared by the gauges of one scrape (a call while a load is running gets that load),
 * settled within `timeoutMs`; undefined when it failed or did not answer in time. The next
 * scrape loads again.
 */
export function scrapeSnapshot<T>(
  load: () => Promise<T>,
  { timeoutMs = SCRAPE_TIMEOUT_MS } = {},
): () => Promise<T | undefined> {
  let running: Promise<T | undefined> | undefined;
  return () => {
    if (running) return running;
    let timer: NodeJS.Timeout | undefined;
    const value = Promise.race([
      load(),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), timeoutMs);
        timer.unref();
      }),
    ])
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(timer);
        running = undefined;
      });
    running = value;
    return value;
  };
}
