import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Jest `globalSetup` of the integration and e2e tiers: a fresh folder for this run's recorded
 * HTTP traffic, named in `OWES_TRAFFIC_DIR` (the `TRAFFIC_DIR_ENV` of traffic-check.ts, which
 * this file may not import: Jest loads global hooks without the path mapping) before the workers
 * start, so each inherits it. The test client (test/support/http.ts) appends what it sends and
 * what it got there, one JSONL file per worker; `globalTeardown` (traffic-check.ts) checks it
 * against the services' OpenAPI documents. Only the files of this run are checked, so one test
 * file checks only its own traffic; the unit tier never runs this.
 */
export default function setup(): void {
  process.env.OWES_TRAFFIC_DIR = mkdtempSync(join(tmpdir(), 'owes-traffic-'));
}
