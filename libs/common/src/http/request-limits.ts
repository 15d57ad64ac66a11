import type { INestApplication } from '@nestjs/common';
import type { FieldProblem } from './api-error.js';

/**
 * What a request may carry before any handler sees it (issue 17, "bad input never reaches a
 * 500"): JSON no deeper than {@link MAX_JSON_DEPTH}, and no text Postgres cannot store in `text`
 * or `jsonb` (a NUL character, or a lone UTF-16 surrogate).
 */
export const MAX_JSON_DEPTH = 64;

/** body-parser's error `type` for a JSON body nested deeper than {@link MAX_JSON_DEPTH}. */
export const JSON_TOO_DEEP_TYPE = 'entity.too.deep';

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * The deepest nesting of objects and arrays in raw JSON, stopping as soon as it passes `limit`
 * (one pass over the bytes, before the body is parsed; brackets inside strings do not count).
 * Written here because neither body-parser nor JSON.parse has a depth option, and the point is to
 * refuse such a body before an object 10,000 levels deep is built and handed to the pipe.
 */
export function jsonDepth(raw: Uint8Array, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
  return deepest;
}

/** body-parser's `verify`: refuses (400, `entity.too.deep`) JSON nested too deep to handle. */
export function refuseDeepJson(_req: unknown, _res: unknown, raw: Buffer): void {
  if (jsonDepth(raw, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), {
      status: 400,
      statusCode: 400,
      expose: true,
      type: JSON_TOO_DEEP_TYPE,
    });
  }
}

/**
 * The JSON body parser of every service, with the depth limit: registered before Nest's own
 * (which then stands aside), so the limit holds before any middleware, guard or handler.
 */
export function useJsonBodyLimits(app: INestApplication): void {
  (
    app as INestApplication & {
      useBodyParser(type: 'json', options: { verify: typeof refuseDeepJson }): unknown;
    }
  ).useBodyParser('json', { verify: refuseDeepJson });
}

/** A NUL, or a high surrogate not followed by a low one, or a low one not preceded by a high one. */
// eslint-disable-next-line no-control-regex -- the NUL is what it looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

const UNSTORABLE_MESSAGE = {
  pl: 'Tekst zawiera niedozwolony znak (NUL lub niesparowany surogat UTF-16)',
  en: 'The text holds a character that is not allowed (NUL or an unpaired UTF-16 surrogate)',
};

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Every string (and object key) in a request's body, query or path parameters that Postgres
 * cannot store, by field path. Walks at most `maxDepth` levels (the body parser already refused
 * anything deeper).
 */
export function unstorableTextProblems(
  value: unknown,
  path = '',
  maxDepth = MAX_JSON_DEPTH + 1,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const walk = (node: unknown, at: string, depth: number) => {
    if (typeof node === 'string') {
      if (isUnstorableText(node)) problems.push({ path: at, message: UNSTORABLE_MESSAGE });
      return;
    }
    if (node === null || typeof node !== 'object' || depth > maxDepth) return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, childPath(at, index), depth + 1));
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      if (isUnstorableText(key)) {
        problems.push({
          path: childPath(at, key.replace(new RegExp(UNSTORABLE.source, 'g'), '?')),
          message: UNSTORABLE_MESSAGE,
        });
        continue;
      }
      walk(item, childPath(at, key), depth + 1);
    }
  };
  walk(value, path, 0);
  return problems;
}
