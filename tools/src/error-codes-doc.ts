import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  errorCodeRows,
  mergeErrorCatalogues,
  type ErrorCatalogue,
} from '@app/common/http/error-codes.js';
import { APPLICATIONS_ERRORS } from '../../apps/applications/src/errors.js';
import { GRANTS_ERRORS } from '../../apps/grants/src/errors.js';
import { NOTIFICATIONS_ERRORS } from '../../apps/notifications/src/errors.js';

/**
 * Renders docs/api-error-codes.md from the services' error-code catalogues
 * (`apps/<service>/src/errors.ts`: the platform's codes of libs/common/src/http/error-codes.ts
 * and each feature's `<feature>.errors.ts`), so the reference cannot drift from what the services
 * answer; a unit test fails when the committed file differs. `npm run docs:errors` writes it.
 */

/** Each service's catalogue, as its OpenAPI description publishes it. */
export const SERVICE_ERRORS: Record<string, ErrorCatalogue> = {
  applications: APPLICATIONS_ERRORS,
  grants: GRANTS_ERRORS,
  notifications: NOTIFICATIONS_ERRORS,
};

/** Every code any service answers (a code means the same in every service that has it). */
export const ALL_ERRORS: ErrorCatalogue = mergeErrorCatalogues(...Object.values(SERVICE_ERRORS));

function codesTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const services = (code: string) =>
    Object.entries(SERVICE_ERRORS)
      .filter(([, catalogue]) => code in catalogue)
      .map(([name]) => name)
      .join(', ');
  return [
    '| code | HTTP status | services | when it happens |',
    '|---|---|---|---|',
    ...errorCodeRows(ALL_ERRORS).map(
      (r) => `| \`${r.code}\` | ${r.status} | ${services(r.code)} | ${cell(r.when)} |`,
    ),
  ].join('\n');
}

/** Where the document lives, relative to the repository root. */
export const ERROR_CODES_DOC = 'docs/api-error-codes.md';

const EXAMPLE = {
  statusCode: 422,
  code: 'FORM_INVALID',
  message: 'Formularz zawiera błędy: popraw wskazane pola',
  errors: [{ path: 'jobs[0].position', message: 'Pole jest wymagane' }],
  correlationId: '3f6c1f5e-8a55-4c1b-9d3e-2a7c0b9e4d11',
};

export function renderErrorCodesDoc(): string {
  const both = 'VALIDATION_FAILED' in ALL_ERRORS && 'FORM_INVALID' in ALL_ERRORS;
  const lines = [
    '# API error codes',
    '',
    '<!-- Generated from the error-code catalogues (apps/<service>/src/errors.ts) by `npm run docs:errors`; do not edit by hand. -->',
    '',
    'Every service (`applications`, `grants`, `notifications`) answers an error with the same JSON',
    'body, rendered by the global exception filter (`libs/common/src/http/exception.filter.ts`).',
    'Each feature declares its own codes (`<feature>/<feature>.errors.ts`), each with one status;',
    'each service merges the platform codes (`libs/common/src/http/error-codes.ts`) and its',
    "features' into its catalogue (`apps/<service>/src/errors.ts`) and publishes it in its OpenAPI",
    'description (`/api/docs-json`). The table below is all of them, with the services answering each.',
    '',
    '## Error shape',
    '',
    '```json',
    JSON.stringify(EXAMPLE, null, 2),
    '```',
    '',
    '| field | type | meaning |',
    '|---|---|---|',
    '| `statusCode` | number | The HTTP status of the response, repeated. |',
    '| `code` | string | A stable code from the table below: what clients branch on (never on `message`). |',
    '| `message` | string | For people: Polish by default, English when `Accept-Language` prefers `en`. |',
    '| `errors` | `{ path, message }[]` | Field-level problems, `path` naming the field as the request does (`jobs[0].position`); `[]` when there are none. |',
    "| `correlationId` | string | The request's correlation id (also the `X-Correlation-Id` response header): quote it to support. A 500 shows nothing else. |",
    '',
  ];
  if (both) {
    lines.push(
      '## 400 `VALIDATION_FAILED` or 422 `FORM_INVALID`',
      '',
      '`VALIDATION_FAILED` (400) means the request is malformed: the validation pipe',
      '(`libs/common/src/http/validation.ts`) refused the body or query against its DTO (a missing,',
      'unknown or wrong-typed field, a value out of range or format), or a service refused a field',
      'of the request on its own check (a draft form holding a number where text belongs, a date in',
      'the future). Fix the request and send it again.',
      '',
      "`FORM_INVALID` (422) means the request is well-formed but the application's (or initiative",
      "group's) form breaks the business rules when it is submitted: completeness, the call's",
      "eligibility and funding rules, the centre's counties. A draft is checked for types only, so",
      'the same form is saved as a draft without complaint and refused on submission. Both list',
      'every problem at once in `errors`.',
      '',
    );
  }
  lines.push(
    '## Codes',
    '',
    'Sorted by HTTP status, then code.',
    '',
    codesTable(),
    '',
    'An HTTP error raised by the framework with a status none of these codes has is answered as',
    '`HTTP_<status>` (e.g. `HTTP_501`); none does today.',
    '',
  );
  return lines.join('\n');
}

/** The repository root: the nearest folder up from here holding package.json. */
export function repositoryRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export function errorCodesDocPath(): string {
  return join(repositoryRoot(), ERROR_CODES_DOC);
}

/** Writes the document; true when it changed. */
export function writeErrorCodesDoc(path = errorCodesDocPath()): boolean {
  const text = renderErrorCodesDoc();
  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (before === text) return false;
  writeFileSync(path, text);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const path = errorCodesDocPath();
  const changed = writeErrorCodesDoc(path);
  console.log(
    `${changed ? 'Wrote' : 'Up to date:'} ${path} (${Object.keys(ALL_ERRORS).length} codes)`,
  );
}
