import { isAllZeros, weightedSum } from './checksum.js';

/**
 * REGON: the Polish statistical number of a business entity: 9 digits for an entity,
 * 14 digits for a local unit (its first 9 digits are the parent entity's REGON).
 */
const WEIGHTS_9 = [8, 9, 2, 3, 4, 5, 6, 7] as const;
const WEIGHTS_14 = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8] as const;

function checkDigit(digits: string, weights: readonly number[]): number {
  const remainder = weightedSum(digits, weights) % 11;
  return remainder === 10 ? 0 : remainder;
}

function isValidRegon9(digits: string): boolean {
  return checkDigit(digits, WEIGHTS_9) === Number(digits[8]);
}

/** True for a valid 9- or 14-digit REGON (digits only; a REGON-14 must start with a valid REGON-9). */
export function isValidRegon(value: unknown): boolean {
  if (typeof value !== 'string' || isAllZeros(value)) return false;
  if (/^\d{9}$/.test(value)) return isValidRegon9(value);
  if (/^\d{14}$/.test(value)) {
    return isValidRegon9(value.slice(0, 9)) && checkDigit(value, WEIGHTS_14) === Number(value[13]);
  }
  return false;
}
