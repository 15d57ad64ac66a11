import fc from 'fast-check';
import { peselCheckDigit } from '@app/common';
import { resolve, type OpenApiDocument, type Operation, type Schema } from './openapi.js';

/**
 * Request generators of the fuzz suite (test/e2e/fuzz.test.ts): values built from the request
 * schemas the services serve in their OpenAPI documents, then spoilt with hostile ones. No
 * maintained library turns an OpenAPI schema into fast-check arbitraries, hence this walker; it
 * reads only what @nestjs/swagger writes (type, format, enum, example, items, properties,
 * required, a `$ref` or a one-element `allOf`).
 */

/** A valid PESEL of an adult born in the 1980s (the fuzz run's personal data). */
export const peselArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.nat({ max: 9999 }))
  .map(([month, day, serial]) => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const first10 = `8${serial % 10}${pad(month, 2)}${pad(day, 2)}${pad(serial, 4)}`;
    return `${first10}${peselCheckDigit(first10)}`;
  });

/** An e-mail address, sometimes with the characters addresses may legally hold. */
export const emailArb: fc.Arbitrary<string> = fc.oneof(
  fc.emailAddress(),
  fc
    .tuple(fc.stringMatching(/^[a-z][a-z0-9.+_-]{2,20}$/), fc.constantFrom('example.pl', 'o2.pl'))
    .map(([local, domain]) => `${local.replace(/\.+$/, '')}x@${domain}`),
);

const LONG = 'ą'.repeat(70_000);
const deep = (levels: number): unknown => {
  let value: unknown = 'dno';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

/** Strings no field should choke on: control and lone surrogate characters, injections, odd dates. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'Ala\u0000ma kota',
  '\uD800',
  'x\uDC00y',
  '\uFFFF\uFFFE',
  '\u202Eodwrócony',
  'Za\u0301z\u0307o\u0301łć gęślą jaźń',
  '👩‍👩‍👧‍👦',
  'a'.repeat(10_000),
  LONG,
  "' OR 1=1 --",
  "'; DROP TABLE applications.users; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x")',
  '{{constructor.constructor("return process")()}}',
  '${jndi:ldap://x/a}',
  '../../../../etc/passwd',
  '%00',
  '%ED%A0%80',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  'null',
  'true',
  '__proto__',
  'constructor',
  '2027-02-30',
  '2027-13-01',
  '0000-00-00',
  '9999-12-31',
  '-271821-04-20',
  '2027-01-01T25:61:61+01:00',
  '2027-01-01T00:00:00+25:00',
  '2027-W01-1',
  '1970-01-01T00:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

const HOSTILE_NUMBERS = [
  0,
  -1,
  0.5,
  -0.000001,
  1e-320,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e21,
  1.7976931348623157e308,
  -1.7976931348623157e308,
];

/** A hostile value of any JSON type (NaN and Infinity cannot be sent: JSON has no such number). */
export const hostileArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], [[]], { '': 1 }),
  },
  { weight: 1, arbitrary: fc.constantFrom(deep(30), deep(63), deep(70)) },
  {
    weight: 1,
    arbitrary: fc.constant(
      JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'),
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.string({ maxLength: 5 }), { minLength: 200, maxLength: 300 }),
  },
  { weight: 2, arbitrary: fc.oneof(peselArb, emailArb) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
);

/** A value of the schema, mostly valid (the example when there is one), sometimes not quite. */
export function schemaArb(
  document: OpenApiDocument,
  schema: Schema,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(document, schema);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const examples = s.example !== undefined ? [fc.constant(s.example)] : [];
  const oneOf = (...arbs: fc.Arbitrary<unknown>[]) => fc.oneof(...examples, ...arbs);
  if (s.oneOf?.length || s.anyOf?.length)
    return fc.oneof(...(s.oneOf ?? s.anyOf)!.map((x) => schemaArb(document, x, depth + 1)));
  if (s.allOf?.length) return schemaArb(document, { ...s, ...s.allOf[0], allOf: undefined }, depth);
  switch (s.type ?? (s.properties ? 'object' : undefined)) {
    case 'string':
      if (s.format === 'uuid') return fc.uuid();
      if (s.format === 'date') return oneOf(fc.constant('2027-02-01'));
      if (s.format === 'date-time') return oneOf(fc.constant('2027-02-01T10:00:00+01:00'));
      return oneOf(fc.string({ maxLength: 30 }), peselArb, emailArb);
    case 'number':
    case 'integer':
      return oneOf(fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? 1_000_000 }));
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 6
        ? fc.constant([])
        : fc.array(schemaArb(document, s.items ?? {}, depth + 1), { maxLength: 3 });
    case 'object': {
      if (depth > 6 || !s.properties) return fc.constant({});
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(s.properties))
        model[name] = schemaArb(document, property, depth + 1);
      return fc.record(model, { requiredKeys: s.required ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

type Mutation = 'replace' | 'delete' | 'extra' | 'wrap' | 'null';

/** Every path into a JSON value (the root is `[]`). */
function pathsOf(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
) {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function mutate(
  base: unknown,
  pick: number,
  kind: Mutation,
  hostile: unknown,
  extraKey: string,
): unknown {
  const copy = structuredClone(base);
  const paths = pathsOf(copy);
  const path = paths[pick % paths.length]!;
  if (path.length === 0) {
    if (kind === 'extra' && copy && typeof copy === 'object' && !Array.isArray(copy))
      return { ...copy, [extraKey]: hostile };
    return kind === 'wrap' ? [copy] : kind === 'null' ? null : hostile;
  }
  let parent: any = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  const last = path[path.length - 1]!;
  switch (kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
      break;
    case 'extra':
      if (parent && typeof parent === 'object' && !Array.isArray(parent))
        parent[extraKey] = hostile;
      else parent[last] = hostile;
      break;
    case 'wrap':
      parent[last] = [parent[last]];
      break;
    case 'null':
      parent[last] = null;
      break;
    default:
      parent[last] = hostile;
  }
  return copy;
}

/**
 * A request body for the operation: a valid-looking one (the seed, a request known to pass
 * validation, or one built from the schema) with one to three spots spoilt, or a wholly hostile
 * document.
 */
export function bodyArb(operation: Operation, seed: unknown): fc.Arbitrary<unknown> {
  const schema = operation.body;
  const bases: fc.Arbitrary<unknown>[] = [];
  if (seed !== undefined) bases.push(fc.constant(seed));
  if (schema) bases.push(schemaArb(operation.document, schema));
  const base = bases.length ? fc.oneof(...bases) : fc.constant({});
  const spoilt = base.chain((value) =>
    fc
      .array(
        fc.tuple(
          fc.nat(),
          fc.constantFrom<Mutation>(
            'replace',
            'replace',
            'replace',
            'delete',
            'extra',
            'wrap',
            'null',
          ),
          hostileArb,
          fc.constantFrom(
            'extra',
            'isAdmin',
            'role',
            'userId',
            'id',
            '__proto__',
            'constructor',
            '\u0000',
          ),
        ),
        { minLength: 1, maxLength: 3 },
      )
      .map((mutations) =>
        mutations.reduce(
          (v, [pick, kind, hostile, key]) => mutate(v, pick, kind, hostile, key),
          value,
        ),
      ),
  );
  return fc.oneof(
    { weight: 1, arbitrary: base },
    { weight: 6, arbitrary: spoilt },
    { weight: 1, arbitrary: hostileArb },
  );
}

/** Path segments (already URL-encoded) no route should choke on. */
const HOSTILE_SEGMENTS = [
  '0',
  '-1',
  'abc',
  'null',
  'undefined',
  '%00',
  '%ED%A0%80',
  '%FF%FE',
  '%C0%AF',
  '..%2F..%2Fetc',
  '%2e%2e',
  "'%20OR%201=1",
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '123e4567-e89b-12d3-a456-426614174000%00',
  'x'.repeat(3000),
  '99999999999999999999',
];

/** A path parameter: the real id, another uuid, the real id spoilt, or a hostile segment. */
export function pathParamArb(real: string | undefined): fc.Arbitrary<string> {
  const arbs: fc.Arbitrary<string>[] = [fc.uuid(), fc.constantFrom(...HOSTILE_SEGMENTS)];
  if (real) {
    const encoded = encodeURIComponent(real);
    arbs.push(
      fc.constant(encoded),
      fc.constant(encoded),
      fc.constant(encoded.toUpperCase()),
      fc.constant(`${encoded}%20`),
      fc.constant(`${encoded}x`),
    );
  }
  return fc.oneof(...arbs);
}

const QUERY_NAMES = ['page', 'pageSize', 'callId', 'format', 'q', 'status', 'recipient'];
const QUERY_VALUES = [
  '%00',
  '%ED%A0%80',
  '99999999999999999999',
  '1e400',
  '-1',
  '0',
  'NaN',
  '',
  'csv',
  '%27%20OR%201=1',
  'x'.repeat(5000),
];

/** A query string: documented and common parameter names, repeated, bracketed or hostile values. */
export function queryArb(operation: Operation): fc.Arbitrary<string> {
  const names = [
    ...new Set([
      ...operation.parameters.filter((p) => p.in === 'query').map((p) => p.name),
      ...QUERY_NAMES,
    ]),
  ];
  const pair = fc
    .tuple(
      fc.constantFrom(...names),
      fc.constantFrom('', '[]', '[a]', '[__proto__]'),
      fc.oneof(
        fc.constantFrom(...QUERY_VALUES),
        fc.uuid(),
        peselArb.map(encodeURIComponent),
        emailArb.map(encodeURIComponent),
      ),
    )
    .map(([name, suffix, value]) => `${name}${suffix}=${value}`);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant('') },
    {
      weight: 3,
      arbitrary: fc.array(pair, { minLength: 1, maxLength: 4 }).map((p) => `?${p.join('&')}`),
    },
  );
}

/** Every string of a value (for the log scan: which PESELs and e-mail addresses were sent). */
export function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsOf(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringsOf(v, out);
    }
  return out;
}
