import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { ApiError, type FieldProblem } from './api-error.js';
import { PLATFORM_ERRORS } from './error-codes.js';
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
      !('whitelistValidation' in (error.constraints ?? {}))
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

/** Global pipe: unknown fields refused, types converted, every problem reported at once. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
