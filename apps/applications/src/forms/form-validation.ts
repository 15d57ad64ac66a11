import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import {
  TYPE_CONSTRAINTS,
  constraintMessage,
  flattenValidationErrors,
  type FieldProblem,
} from '@app/common';
import { problemMessage } from '../domain/messages.js';
import type { Problem } from '../domain/problems.js';

/**
 * Constraints a draft must already satisfy: the shape and types of what is there (and size
 * limits), never completeness or business rules. A draft may hold a half-typed PESEL; it may not
 * hold a number where text belongs or a field the form does not know.
 */
const DRAFT_CONSTRAINTS = new Set([
  ...TYPE_CONSTRAINTS,
  'isIn',
  'maxLength',
  'arrayMaxSize',
  'nestedValidation',
  'whitelistValidation',
]);

function onlyDraftConstraints(errors: ValidationError[]): ValidationError[] {
  const kept: ValidationError[] = [];
  for (const error of errors) {
    const constraints = Object.fromEntries(
      Object.entries(error.constraints ?? {}).filter(([name]) => DRAFT_CONSTRAINTS.has(name)),
    );
    const children = onlyDraftConstraints(error.children ?? []);
    if (Object.keys(constraints).length > 0 || children.length > 0) {
      kept.push(
        Object.assign(Object.create(Object.getPrototypeOf(error)), error, {
          constraints,
          children,
        }),
      );
    }
  }
  return kept;
}

export type FormMode = 'draft' | 'submit';

/**
 * Validates a form (stored as jsonb) with its class-validator DTO. `draft`: types only, missing
 * fields allowed; `submit`: everything. Paths are prefixed (`form.jobs[2].workingTime`).
 */
export async function formProblems(
  dto: new () => object,
  plain: unknown,
  mode: FormMode,
  prefix = 'form',
): Promise<FieldProblem[]> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    return [{ path: prefix, message: constraintMessage('isObject') }];
  }
  const instance = plainToInstance(dto, plain);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    skipMissingProperties: mode === 'draft',
    validationError: { target: true, value: true },
  });
  return flattenValidationErrors(mode === 'draft' ? onlyDraftConstraints(errors) : errors, prefix);
}

/** Domain problems as HTTP field problems. */
export function fieldProblems(problems: readonly Problem[], prefix = 'form'): FieldProblem[] {
  return problems.map((p) => ({
    path: p.path ? `${prefix}.${p.path}` : prefix,
    message: problemMessage(p),
  }));
}

/**
 * Every problem once: the DTO's first, then domain problems on fields the DTO found nothing
 * wrong with (a malformed field gets one clear message, not two).
 */
export function mergeProblems(
  typeProblems: FieldProblem[],
  ruleProblems: FieldProblem[],
): FieldProblem[] {
  const flagged = new Set(typeProblems.map((p) => p.path));
  const seen = new Set<string>();
  const merged: FieldProblem[] = [];
  for (const p of [...typeProblems, ...ruleProblems.filter((r) => !flagged.has(r.path))]) {
    const key = `${p.path}\u0000${p.message.pl}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(p);
  }
  return merged;
}
