import { isAllZeros } from './checksum.js';

/**
 * KRS: the number in the National Court Register (Krajowy Rejestr Sądowy), 10 digits,
 * zero-padded on the left (e.g. 0000123456). It has no check digit.
 */

/** True for exactly 10 digits that are not all zeros. */
export function isValidKrs(value: unknown): boolean {
  return typeof value === 'string' && /^\d{10}$/.test(value) && !isAllZeros(value);
}

/**
 * Trims and left-pads a shorter all-digit input with zeros to 10 digits ('123456' →
 * '0000123456'). Any other input comes back trimmed but otherwise unchanged (not validated).
 */
export function normalizeKrs(value: string): string {
  const trimmed = value.trim();
  return /^\d{1,10}$/.test(trimmed) ? trimmed.padStart(10, '0') : trimmed;
}
