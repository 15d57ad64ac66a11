import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The recorded-traffic check (docs/architecture.md#documenting-an-endpoint): every request the
 * integration and e2e tests sent through the test client (test/support/http.ts) must match an
 * operation of the service's OpenAPI document, with its answered status and every query
 * parameter it used documented. This file is the tiers' Jest `globalTeardown`, so it imports
 * only Node's modules (Jest loads global hooks without the path mapping of jest.config.mjs).
 */

/** The environment variable naming this run's traffic folder (set by traffic-setup.ts). */
export const TRAFFIC_DIR_ENV = 'OWES_TRAFFIC_DIR';
/** The served documents, one per service, by their slug (`documents/<slug>.json`). */
export const DOCUMENTS_FOLDER = 'documents';

/** One request the test client sent, and what it got (one JSONL line). */
export interface RecordedRequest {
  /** The slug of the OpenAPI document the service serves; null if it serves none. */
  document: string | null;
  method: string;
  /** The path without the query string, as sent. */
  path: string;
  /** The names of the query parameters sent. */
  query: string[];
  status: number;
  /** The error shape's `code` and `errors[].path`s, for an error answer. */
  code?: string;
  errorPaths?: string[];
  /** The test file that sent it. */
  test?: string;
}

interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  responses?: Record<string, unknown>;
}

export interface OpenApiDocument {
  info?: { title?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** Where the Swagger UI and the documents themselves are served: not operations. */
const DOCS_PATH = '/api/docs';

/** A document's file name: its title, lower-case, dashes for the rest. */
export function documentSlug(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The operation a request is for: the path template matching the path (literal segments win
 * over parameters: `/api/applications/export.csv` before `/api/applications/{id}`) that has the
 * method.
 */
export function findOperation(
  document: OpenApiDocument,
  method: string,
  path: string,
): { template: string; operation: OpenApiOperation } | undefined {
  const segments = trimSlash(path).split('/');
  let best: { template: string; operation: OpenApiOperation; literals: number } | undefined;
  for (const [template, item] of Object.entries(document.paths)) {
    const operation = item[method.toLowerCase()];
    if (!operation) continue;
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    let literals = 0;
    const matches = parts.every((part, i) => {
      if (/^\{[^}]+\}$/.test(part)) return segments[i] !== '';
      literals++;
      return part === segments[i];
    });
    if (matches && (!best || literals > best.literals)) best = { template, operation, literals };
  }
  return best && { template: best.template, operation: best.operation };
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

export interface TrafficReport {
  /** One line per undocumented route, status or query parameter, with where it was seen. */
  problems: string[];
  checked: number;
  /** Requests not checked: to a service that served no document (`API_DOCS=false`). */
  unchecked: number;
}

/**
 * Checks recorded requests against the documents. Left out, each by a narrow rule: CORS
 * preflights (`OPTIONS`, answered by the CORS middleware before any route), the documents and
 * Swagger UI themselves (`/api/docs…`), a path no operation has that was answered 404 (a test of
 * unknown routes: the API said there is no such route), and a query parameter the API refused
 * by name (a 400 whose `errors[].path` names it: a test of unknown parameters).
 */
export function checkTraffic(
  records: RecordedRequest[],
  documents: Record<string, OpenApiDocument>,
): TrafficReport {
  const problems = new Map<string, { count: number; example: RecordedRequest }>();
  const note = (problem: string, record: RecordedRequest) => {
    const seen = problems.get(problem);
    if (seen) seen.count++;
    else problems.set(problem, { count: 1, example: record });
  };
  let checked = 0;
  let unchecked = 0;
  for (const record of records) {
    const document = record.document === null ? undefined : documents[record.document];
    if (!document) {
      unchecked++;
      continue;
    }
    if (record.method === 'OPTIONS') continue;
    if (record.path === DOCS_PATH || record.path.startsWith(`${DOCS_PATH}/`)) continue;
    if (record.path.startsWith(`${DOCS_PATH}-json`)) continue;
    checked++;
    const service = document.info?.title ?? record.document;
    const found = findOperation(document, record.method, record.path);
    if (!found) {
      if (record.status !== 404)
        note(
          `${service}: ${record.method} ${record.path}: no such operation in the document (answered ${record.status})`,
          record,
        );
      continue;
    }
    const where = `${service}: ${record.method} ${found.template}`;
    if (!found.operation.responses?.[String(record.status)])
      note(`${where}: status ${record.status} is not documented`, record);
    const documented = new Set(
      (found.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    );
    for (const name of record.query) {
      if (documented.has(name)) continue;
      if (record.status === 400 && record.errorPaths?.includes(name)) continue;
      note(`${where}: query parameter \`${name}\` is not documented`, record);
    }
  }
  return {
    problems: [...problems].map(
      ([problem, { count, example }]) =>
        `${problem} (${count} request${count === 1 ? '' : 's'}, e.g. ${example.method} ${example.path}${example.query.length ? `?${example.query.join('&')}` : ''} in ${example.test ?? 'an unknown test'})`,
    ),
    checked,
    unchecked,
  };
}

/** Reads a run's folder: the documents by slug, and every worker's records. */
export function readTraffic(dir: string): {
  records: RecordedRequest[];
  documents: Record<string, OpenApiDocument>;
} {
  const documents: Record<string, OpenApiDocument> = {};
  const folder = join(dir, DOCUMENTS_FOLDER);
  if (existsSync(folder)) {
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
      documents[file.slice(0, -'.json'.length)] = JSON.parse(
        readFileSync(join(folder, file), 'utf8'),
      ) as OpenApiDocument;
    }
  }
  const records: RecordedRequest[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim()) records.push(JSON.parse(line) as RecordedRequest);
    }
  }
  return { records, documents };
}

/** Jest `globalTeardown`: fails the run (exit code 1) listing every undocumented answer. */
export default function teardown(): void {
  const dir = process.env[TRAFFIC_DIR_ENV];
  if (!dir || !existsSync(dir)) return;
  const { records, documents } = readTraffic(dir);
  const report = checkTraffic(records, documents);
  if (report.problems.length > 0) {
    throw new Error(
      [
        `The API answered what its OpenAPI document does not say (${report.problems.length} problems in ${report.checked} recorded requests; docs/architecture.md#documenting-an-endpoint; records kept in ${dir}):`,
        ...report.problems.map((p) => `  - ${p}`),
      ].join('\n'),
    );
  }
  console.info(
    `Recorded traffic: ${report.checked} requests match the OpenAPI documents${report.unchecked ? ` (${report.unchecked} to services serving no document not checked)` : ''}.`,
  );
  rmSync(dir, { recursive: true, force: true });
}
