import { isAllZeros, weightedSum } from './checksum.js';

/**
 * NIP: the Polish tax identification number (10 digits), often written with dashes,
 * e.g. 856-734-62-15 (persons) or 856-73-46-215 (companies).
 */
const WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

/** Digit groups separated by single dashes or spaces; no leading/trailing separator. */
const WRITTEN_FORM = /^\d+(?:[- ]\d+)*$/;

/**
 * Removes surrounding whitespace and the dashes/spaces between digit groups.
 * Does not validate: an input that is not a NIP comes back stripped but otherwise unchanged,
 * so a DTO transform followed by `@IsNip()` still reports it.
 */
export function normalizeNip(value: string): string {
  const trimmed = value.trim();
  return WRITTEN_FORM.test(trimmed) ? trimmed.replace(/[- ]/g, '') : trimmed;
}

/** True for a valid NIP, with or without dashes (or spaces) between digit groups. */
export function isValidNip(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (!WRITTEN_FORM.test(value)) return false;
  const digits = value.replace(/[- ]/g, '');
  if (digits.length !== 10 || isAllZeros(digits)) return false;
  const remainder = weightedSum(digits, WEIGHTS) % 11;
  // A remainder of 10 cannot be a check digit: such numbers are never issued.
  return remainder !== 10 && remainder === Number(digits[9]);
}
