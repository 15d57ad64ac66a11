/** Shared helpers for the weighted-checksum identifiers (PESEL, NIP, REGON). */

/** Sum of `digits[i] * weights[i]` over the weights' length. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += (digits.charCodeAt(i) - 48) * weights[i];
  }
  return sum;
}

/** True when every character is the digit 0 (a pattern no real registry number has). */
export function isAllZeros(digits: string): boolean {
  return /^0+$/.test(digits);
}
