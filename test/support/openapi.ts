import type { Service } from '../../tools/src/database-config.js';
import type { Platform } from './platform.js';

/** A JSON Schema as an OpenAPI 3 document carries it (only what the tests read). */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  additionalProperties?: boolean | Schema;
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

interface OpenApiOperationObject {
  operationId?: string;
  summary?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

/** One operation a service serves, as its OpenAPI document describes it. */
export interface Operation {
  service: Service;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path template, e.g. `/api/awards/{id}/payments`. */
  path: string;
  /** `<service> <METHOD> <path>`: the key of the access policy table and of the fuzz targets. */
  key: string;
  parameters: OpenApiParameter[];
  /** The JSON request body's schema, `$ref`s resolved at the top (nested ones stay). */
  body?: Schema;
  document: OpenApiDocument;
}

export const SERVICES: readonly Service[] = ['applications', 'grants', 'notifications'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function operationKey(service: Service, method: string, path: string): string {
  return `${service} ${method.toUpperCase()} ${path}`;
}

/** The OpenAPI documents the running services serve at `/api/docs-json`. */
export async function servedDocuments(
  platform: Platform,
): Promise<Record<Service, OpenApiDocument>> {
  const documents = {} as Record<Service, OpenApiDocument>;
  for (const service of SERVICES.filter((s) => platform.apps[s])) {
    const response = await platform.api[service].get('/api/docs-json');
    if (response.status !== 200) throw new Error(`${service}: no OpenAPI document`);
    documents[service] = response.body as OpenApiDocument;
  }
  return documents;
}

/** Every operation of the served documents, in document order. */
export function operationsOf(documents: Record<Service, OpenApiDocument>): Operation[] {
  const operations: Operation[] = [];
  for (const service of SERVICES) {
    const document = documents[service];
    if (!document) continue;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const schema = op.requestBody?.content?.['application/json']?.schema;
        operations.push({
          service,
          method: method.toUpperCase() as Operation['method'],
          path,
          key: operationKey(service, method, path),
          parameters: (op.parameters ?? []).map((p) => ({
            ...p,
            schema: p.schema && resolve(document, p.schema),
          })),
          body: schema && resolve(document, schema),
          document,
        });
      }
    }
  }
  return operations;
}

/** Follows `$ref`s (and a single-element `allOf`, Nest's way of describing a nested DTO). */
export function resolve(document: OpenApiDocument, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; hops < 20; hops++) {
    if (current.$ref) {
      const name = current.$ref.replace('#/components/schemas/', '');
      const target = document.components?.schemas?.[name];
      if (!target) throw new Error(`unresolved ${current.$ref}`);
      const { $ref: _ref, ...rest } = current;
      current = { ...target, ...rest };
    } else if (current.allOf?.length === 1 && !current.type && !current.properties) {
      const { allOf, ...rest } = current;
      current = { ...allOf[0]!, ...rest };
    } else {
      return current;
    }
  }
  throw new Error('$ref cycle');
}

/** The path with its `{param}`s replaced (values URL-encoded). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} of ${path}`);
    return encodeURIComponent(value);
  });
}
