import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage, type ValidatorOptions } from 'class-validator';
import { ApiError, type FieldProblem } from './api-error.js';
import { PLATFORM_ERRORS } from './error-codes.js';
import { MAX_JSON_DEPTH, unstorableTextProblems } from './request-limits.js';
import { constraintMessage, isMessageKey } from './validation-messages.js';

/** The constraint's arguments (e.g. the 5 of @Min(5)), read from class-validator's metadata. */
function constraintArgs(
  target: object | undefined,
  property: string,
  constraint: string,
): unknown[] {
  if (!target) return [];
  const metas = getMetadataStorage().getTargetValidationMetadatas(
    target.constructor,
    '',
    true,
    false,
  );
  const meta = metas.find(
    (m) =>
      m.propertyName === property &&
      (m.name === constraint ||
        m.type === constraint ||
        m.constraintCls?.name?.toLowerCase() === constraint.toLowerCase()),
  );
  return meta?.constraints ?? [];
}

/** class-validator constraints about a value's type (not its range, length or content). */
export const TYPE_CONSTRAINTS: ReadonlySet<string> = new Set([
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
]);

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const path = isIndex
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    if (
      constraints.length > 0 &&
      (error.value === undefined || error.value === null) &&
      !('whitelistValidation' in (error.constraints ?? {})) &&
      !(NOT_NULL in (error.constraints ?? {}))
    ) {
      // A missing field: say so once instead of listing every rule it fails.
      problems.push({ path, message: constraintMessage('isDefined') });
      continue;
    }
    // A value of the wrong type fails its range and length rules too; the type is what to fix.
    const wrongType = constraints.filter(([constraint]) => TYPE_CONSTRAINTS.has(constraint));
    for (const [constraint, text] of wrongType.length > 0 ? wrongType : constraints) {
      const key = isMessageKey(text) ? text : constraint;
      problems.push({
        path,
        message: constraintMessage(key, constraintArgs(error.target, error.property, constraint)),
      });
    }
    if (error.children?.length) problems.push(...flattenValidationErrors(error.children, path));
  }
  return problems;
}

export function validationFailed(problems: FieldProblem[]): ApiError {
  return ApiError.badRequest(
    PLATFORM_ERRORS.VALIDATION_FAILED,
    { pl: 'Dane zawierają błędy', en: 'The data contains errors' },
    problems,
  );
}

/** The constraint a `null` given for an optional, not nullable field fails. */
const NOT_NULL = 'isNotNull';

/** @nestjs/swagger's metadata key of a property's `@ApiProperty` options. */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

function isDocumentedNullable(target: object, property: string): boolean {
  const options = Reflect.getMetadata(API_MODEL_PROPERTIES, target, property) as
    { nullable?: boolean } | undefined;
  return options?.nullable === true;
}

function isOptionalProperty(target: object, property: string): boolean {
  return getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .some((m) => m.propertyName === property && m.name === 'isOptional');
}

/**
 * `null` given for a field marked `@IsOptional()` (which skips every rule of the field for
 * `null` as for a missing one), unless its `@ApiProperty` says `nullable: true`: an optional
 * field may be left out, not set to null (a PATCH with `name: null` would reach the database).
 */
export function nullOptionalErrors(object: unknown, depth = 0): ValidationError[] {
  if (object === null || typeof object !== 'object' || depth > MAX_JSON_DEPTH) return [];
  const errors: ValidationError[] = [];
  const isPlain = Object.getPrototypeOf(object) === Object.prototype;
  for (const [property, value] of Object.entries(object)) {
    let children: ValidationError[] = [];
    if (value === null) {
      if (
        !isPlain &&
        isOptionalProperty(object, property) &&
        !isDocumentedNullable(object, property)
      ) {
        errors.push({ property, value, constraints: { [NOT_NULL]: NOT_NULL }, children: [] });
      }
      continue;
    }
    if (Array.isArray(value)) {
      children = value.flatMap((item, index) => {
        const nested = nullOptionalErrors(item, depth + 1);
        return nested.length > 0
          ? [{ property: String(index), value: item, children: nested }]
          : [];
      });
    } else if (typeof value === 'object' && Object.getPrototypeOf(value) !== Object.prototype) {
      children = nullOptionalErrors(value, depth + 1);
    }
    if (children.length > 0) errors.push({ property, value, children });
  }
  return errors;
}

const UNSTORABLE_CHECKED: ReadonlySet<ArgumentMetadata['type']> = new Set([
  'body',
  'query',
  'param',
]);

/**
 * The global pipe: before any DTO rule, refuses text Postgres cannot store (NUL, lone surrogates)
 * anywhere in the body, query or path parameters, whatever the handler's parameter type (a raw
 * `Record<string, unknown>` form too); then class-validator, with `null` refused for optional
 * fields that are not documented nullable.
 */
export class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (UNSTORABLE_CHECKED.has(metadata.type)) {
      const problems = unstorableTextProblems(value, metadata.data ?? '');
      if (problems.length > 0) throw validationFailed(problems);
    }
    return super.transform(value, metadata);
  }

  protected override async validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    return [...errors, ...nullOptionalErrors(object)];
  }
}

/** Global pipe: unknown fields refused, types converted, every problem reported at once. */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
