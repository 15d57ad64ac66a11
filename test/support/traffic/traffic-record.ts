import { appendFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  DOCUMENTS_FOLDER,
  TRAFFIC_DIR_ENV,
  documentSlug,
  type RecordedRequest,
} from './traffic-check.js';

/*
 * The test client's side of the recorded-traffic check (traffic-check.ts): with
 * `OWES_TRAFFIC_DIR` set (by the integration and e2e tiers' globalSetup), every request it sends
 * is appended to this worker's JSONL file, and the document each service serves is saved once.
 */

/** The slug of the document served at each base URL (null: none served), asked once. */
const documents = new Map<string, Promise<string | null>>();

function trafficDir(): string | undefined {
  return process.env[TRAFFIC_DIR_ENV] || undefined;
}

/** The service's OpenAPI document, fetched once per base URL and saved under its slug. */
function documentOf(baseUrl: string, dir: string): Promise<string | null> {
  let slug = documents.get(baseUrl);
  if (!slug) {
    slug = (async () => {
      try {
        const response = await fetch(`${baseUrl}/api/docs-json`);
        if (response.status !== 200) return null;
        const document = (await response.json()) as { info?: { title?: string } };
        const name = documentSlug(document.info?.title ?? baseUrl);
        const folder = join(dir, DOCUMENTS_FOLDER);
        const file = join(folder, `${name}.json`);
        if (!existsSync(file)) {
          mkdirSync(folder, { recursive: true });
          const temporary = `${file}.${process.pid}.tmp`;
          writeFileSync(temporary, JSON.stringify(document));
          renameSync(temporary, file);
        }
        return name;
      } catch {
        return null;
      }
    })();
    documents.set(baseUrl, slug);
  }
  return slug;
}

/** The test file running now, relative to the repository, for the check's messages. */
function currentTest(): string | undefined {
  const state = (globalThis as { expect?: { getState?: () => { testPath?: string } } }).expect;
  const path = state?.getState?.().testPath;
  return path ? relative(process.cwd(), path) : undefined;
}

/** Is recording on (the tier's globalSetup ran)? Then the document is asked for first. */
export async function prepareRecording(baseUrl: string): Promise<boolean> {
  const dir = trafficDir();
  if (!dir) return false;
  await documentOf(baseUrl, dir);
  return true;
}

/** Appends one request and its answer to this worker's file. */
export async function recordRequest(
  baseUrl: string,
  method: string,
  pathAndQuery: string,
  status: number,
  body: unknown,
): Promise<void> {
  const dir = trafficDir();
  if (!dir) return;
  const url = new URL(pathAndQuery, baseUrl);
  const error = body as { code?: unknown; errors?: { path?: unknown }[] } | undefined;
  const record: RecordedRequest = {
    document: await documentOf(baseUrl, dir),
    method: method.toUpperCase(),
    path: url.pathname,
    query: [...new Set(url.searchParams.keys())],
    status,
    ...(status >= 400 && typeof error?.code === 'string' ? { code: error.code } : {}),
    ...(status >= 400 && Array.isArray(error?.errors)
      ? { errorPaths: error.errors.map((e) => String(e?.path)) }
      : {}),
    test: currentTest(),
  };
  appendFileSync(join(dir, `traffic-${process.pid}.jsonl`), `${JSON.stringify(record)}\n`);
}
