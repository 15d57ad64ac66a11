import type { INestApplication, Type } from '@nestjs/common';
import { PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/roles.decorator.js';
import { declaredApiErrors, tagDescriptionOf } from '../http/api-errors.decorator.js';
import {
  errorCodeTable,
  PLATFORM_ERRORS,
  type ErrorCatalogue,
  type ErrorCodeEntry,
} from '../http/error-codes.js';
import type { ServiceDescription } from './bootstrap.js';

/** The error shape's schema in `components.schemas` (docs/architecture.md#http-interface). */
export const ERROR_SCHEMA = 'ErrorResponse';
const BEARER = 'bearer';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const WRITE_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete']);
/** The platform's framework fallbacks, which no route throws on purpose. */
const GENERIC_CODES: ReadonlySet<string> = new Set([
  'CONFLICT',
  'UNPROCESSABLE',
  'METHOD_NOT_ALLOWED',
]);

/**
 * 503 when the catalogue has no `DEPENDENCY_UNAVAILABLE` entry of its own: every operation can
 * find the database or NATS away.
 */
const DEPENDENCY_UNAVAILABLE: ErrorCodeEntry = {
  code: 'DEPENDENCY_UNAVAILABLE',
  status: 503,
  when: 'A dependency (the database or NATS) is unavailable; retry after `Retry-After` seconds.',
};

/** A service's error codes, published in its OpenAPI description. */
function errorCodesSection(errors: ErrorCatalogue): string {
  return [
    '## Error codes',
    '',
    'An error answers `{ statusCode, code, message, errors: [{ path, message }], correlationId }`;',
    '`code` is one of these (all services: docs/api-error-codes.md). Each operation lists the',
    'statuses it answers and, for each, its codes with their meaning.',
    '',
    errorCodeTable(errors),
  ].join('\n');
}

interface Handler {
  controller: Type;
  method: string;
  handler: object;
}

/** Every route handler of the application by the operation id Nest's Swagger gives it. */
function handlersByOperationId(app: INestApplication): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | undefined;
      if (!controller?.prototype) continue;
      for (let proto = controller.prototype; proto && proto !== Object.prototype;) {
        for (const method of Object.getOwnPropertyNames(proto)) {
          const handler = Object.getOwnPropertyDescriptor(proto, method)?.value as unknown;
          if (typeof handler !== 'function' || method === 'constructor') continue;
          if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          const id = `${controller.name}_${method}`;
          if (!handlers.has(id)) handlers.set(id, { controller, method, handler });
        }
        proto = Object.getPrototypeOf(proto) as object;
      }
    }
  }
  return handlers;
}

/** The kinds of request data a handler takes (`@Body()`, `@Query()`, `@Param()`), and pipes. */
function routeArguments(h: Handler): { type: number; pipes: unknown[] }[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, h.controller, h.method) ?? {}) as Record<
    string,
    { pipes?: unknown[] }
  >;
  return Object.entries(args).map(([key, arg]) => ({
    type: Number(key.split(':')[0]),
    pipes: arg.pipes ?? [],
  }));
}

/**
 * The error entries an operation can answer: what its handler declares (`@ApiErrors`) and what
 * the platform answers by itself for a route of its kind.
 */
function operationErrors(
  operation: OperationObject,
  httpMethod: string,
  h: Handler,
  catalogue: ErrorCatalogue,
): ErrorCodeEntry[] {
  const P = PLATFORM_ERRORS;
  const entries: ErrorCodeEntry[] = [];
  const isPublic = metadata<boolean>(PUBLIC_KEY, h);
  if (!isPublic) {
    entries.push(P.UNAUTHORIZED, P.INVALID_TOKEN);
    if (metadata<string[]>(ROLES_KEY, h)?.length) entries.push(P.FORBIDDEN);
  }
  const args = routeArguments(h);
  const takes = (...types: RouteParamtypes[]) =>
    args.filter((a) => types.some((type) => a.type === Number(type)));
  // The global validation pipe checks every body, query and path value (text Postgres cannot
  // store, then the DTO's rules); a path pipe (ParseUUIDPipe) refuses with BAD_REQUEST.
  if (takes(RouteParamtypes.BODY, RouteParamtypes.QUERY, RouteParamtypes.PARAM).length > 0)
    entries.push(P.VALIDATION_FAILED);
  if (takes(RouteParamtypes.PARAM).some((a) => a.pipes.length > 0)) entries.push(P.BAD_REQUEST);
  if ((operation.parameters ?? []).some((p) => 'in' in p && p.in === 'path'))
    entries.push(P.NOT_FOUND);
  // The JSON body parser reads the body of any write before the route is chosen.
  if (WRITE_METHODS.has(httpMethod))
    entries.push(P.MALFORMED_JSON, P.JSON_TOO_DEEP, P.PAYLOAD_TOO_LARGE, P.UNSUPPORTED_MEDIA_TYPE);
  entries.push(...declaredApiErrors(h.controller, h.handler));
  entries.push(P.INTERNAL_ERROR, catalogue.DEPENDENCY_UNAVAILABLE ?? DEPENDENCY_UNAVAILABLE);
  return entries;
}

function metadata<T>(key: string, h: Handler): T | undefined {
  return (Reflect.getMetadata(key, h.handler) ?? Reflect.getMetadata(key, h.controller)) as
    T | undefined;
}

/** Responses for the entries, one per status, merged into what the decorators wrote. */
function documentErrors(operation: OperationObject, entries: ErrorCodeEntry[]): void {
  const byStatus = new Map<number, Map<string, ErrorCodeEntry>>();
  for (const entry of entries) {
    const codes = byStatus.get(entry.status) ?? new Map<string, ErrorCodeEntry>();
    codes.set(entry.code, entry);
    byStatus.set(entry.status, codes);
  }
  // A response written by hand for an error status gets the platform's specific codes of that
  // status (429: TOO_MANY_REQUESTS), or at least the error shape.
  for (const status of Object.keys(operation.responses ?? {}).map(Number)) {
    if (status < 400 || byStatus.has(status)) continue;
    const platform = Object.values(PLATFORM_ERRORS).filter(
      (e) => e.status === status && !GENERIC_CODES.has(e.code),
    );
    byStatus.set(status, new Map(platform.map((e) => [e.code, e])));
  }
  const responses = (operation.responses ??= {});
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const existing = responses[String(status)] as ResponseObject | undefined;
    const list = [...codes.values()].map((e) => `- \`${e.code}\`: ${e.when}`).join('\n');
    const written = existing?.description?.trim();
    const response: ResponseObject = {
      ...existing,
      description: [written, list].filter(Boolean).join('\n\n'),
      content: existing?.content ?? {
        'application/json': { schema: errorResponseSchema([...codes.keys()]) },
      },
    };
    if (status === 429 || status === 503)
      response.headers = {
        'Retry-After': {
          description: 'Seconds to wait before trying again',
          schema: { type: 'integer' },
        },
        ...existing?.headers,
      };
    responses[String(status)] = response;
  }
}

function errorResponseSchema(codes: string[]): SchemaObject | ReferenceObject {
  if (codes.length === 0) return { $ref: `#/components/schemas/${ERROR_SCHEMA}` };
  return {
    allOf: [
      { $ref: `#/components/schemas/${ERROR_SCHEMA}` },
      { type: 'object', properties: { code: { type: 'string', enum: codes.sort() } } },
    ],
  };
}

/** The error shape of every service, with every code of the service's catalogue. */
function errorShape(catalogue: ErrorCatalogue): SchemaObject {
  return {
    type: 'object',
    description:
      'The error shape of every service; `code` is stable (the codes, with their meaning, are listed in the description of this document and of each response).',
    required: ['statusCode', 'code', 'message', 'errors', 'correlationId'],
    properties: {
      statusCode: { type: 'integer', description: 'The HTTP status again' },
      code: { type: 'string', enum: Object.keys(catalogue).sort() },
      message: {
        type: 'string',
        description: 'In Polish, unless `Accept-Language` prefers English',
      },
      errors: {
        type: 'array',
        description: 'Every field problem at once (empty when the error is not about fields)',
        items: {
          type: 'object',
          required: ['path', 'message'],
          properties: {
            path: { type: 'string', description: 'e.g. `form.jobs[2].workingTime`' },
            message: { type: 'string' },
          },
        },
      },
      correlationId: {
        type: 'string',
        description: 'Quote it to support; also the `x-correlation-id` response header',
      },
    },
  };
}

/**
 * The service's OpenAPI document, told the truth (docs/architecture.md#documenting-an-endpoint):
 * servers, license, tags with their descriptions, every operation's security (`[]` for
 * `@Public()` routes) and every status it can answer with its error codes, from the decorators
 * and the routes' own metadata.
 */
export function buildOpenApiDocument(
  app: INestApplication,
  description: ServiceDescription,
): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(description.title)
    .setDescription(`${description.description}\n\n${errorCodesSection(description.errors)}`)
    .setVersion('0.1.0')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'This service: the host that serves this document')
    .addBearerAuth(undefined, BEARER)
    .addSecurityRequirements(BEARER)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.info.contact = { name: 'OWES Grants contributors' };
  const handlers = handlersByOperationId(app);
  const tags = new Map<string, string | undefined>();
  for (const { controller } of handlers.values()) {
    const tag = tagDescriptionOf(controller);
    if (tag) tags.set(tag.name, tag.description);
  }
  const used = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const httpMethod of METHODS) {
      const operation = item[httpMethod];
      if (!operation) continue;
      for (const tag of operation.tags ?? []) used.add(tag);
      const handler = operation.operationId ? handlers.get(operation.operationId) : undefined;
      // Not found only for a route Nest's Swagger names differently (several methods on one
      // handler): left as its decorators describe it, which the lint test would show.
      if (!handler) continue;
      operation.security = metadata<boolean>(PUBLIC_KEY, handler) ? [] : [{ [BEARER]: [] }];
      documentErrors(
        operation,
        operationErrors(operation, httpMethod, handler, description.errors),
      );
    }
  }
  document.tags = [...used].sort().map((name) => {
    const text = tags.get(name);
    return text ? { name, description: text } : { name };
  });
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, [ERROR_SCHEMA]: errorShape(description.errors) },
  };
  return document;
}
