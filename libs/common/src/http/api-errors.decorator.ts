import { ApiTags } from '@nestjs/swagger';
import type { ErrorCodeEntry } from './error-codes.js';

/** Metadata key of the error codes an operation declares with `@ApiErrors`. */
export const API_ERRORS_KEY = 'owes:api-errors';
/** Metadata key of a controller's tag description (`@ApiTag`). */
export const API_TAG_KEY = 'owes:api-tag';

/**
 * The error codes an operation (on a method) or every operation of a controller (on the class)
 * answers beyond those the platform documents by itself: the entries of the feature's catalogue
 * (`<feature>/<feature>.errors.ts`) its use case throws, e.g.
 * `@ApiErrors(ApplicationsErrors.NOT_A_DRAFT, ApplicationsErrors.FORM_INVALID)`, or a platform
 * entry the route throws by hand (`PLATFORM_ERRORS.NOT_FOUND` on a route without a path id).
 *
 * The OpenAPI document (`libs/common/src/platform/openapi.ts`) turns them into one response per
 * status, its description listing each code with its meaning and its schema the error shape with
 * the codes as an enum. What it adds by itself (docs/architecture.md#documenting-an-endpoint):
 * 401 on a route that needs a token, 403 on one with `@Roles`, 400 on one that takes a body,
 * query or path parameters, 404 on one with path parameters, 413/415 on one with a body, and
 * 500 and 503 everywhere.
 */
export function ApiErrors(...entries: ErrorCodeEntry[]): MethodDecorator & ClassDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const where = (descriptor?.value ?? target) as object;
    const declared = (Reflect.getMetadata(API_ERRORS_KEY, where) as ErrorCodeEntry[]) ?? [];
    Reflect.defineMetadata(API_ERRORS_KEY, [...declared, ...entries], where);
  };
}

/** The entries `@ApiErrors` declared on a controller and on its handler. */
export function declaredApiErrors(controller: object, handler: object): ErrorCodeEntry[] {
  return [
    ...((Reflect.getMetadata(API_ERRORS_KEY, controller) as ErrorCodeEntry[]) ?? []),
    ...((Reflect.getMetadata(API_ERRORS_KEY, handler) as ErrorCodeEntry[]) ?? []),
  ];
}

/**
 * `@ApiTags(name)` with the tag's description, which the OpenAPI document lists under `tags`
 * (several controllers may share a tag: one of them describes it).
 */
export function ApiTag(name: string, description?: string): ClassDecorator {
  return (target) => {
    ApiTags(name)(target);
    if (description) Reflect.defineMetadata(API_TAG_KEY, { name, description }, target);
  };
}

/** The tag description `@ApiTag` gave a controller, if any. */
export function tagDescriptionOf(
  controller: object,
): { name: string; description: string } | undefined {
  return Reflect.getMetadata(API_TAG_KEY, controller) as
    { name: string; description: string } | undefined;
}
