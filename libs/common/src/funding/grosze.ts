/**
 * Internal helpers: money is always an integer number of grosze (1 PLN = 100 grosze), kept
 * within JavaScript's safe integers; sums are done in BigInt and checked on the way back.
 */
export type Grosze = number;

/** A non-negative whole number of grosze that is a safe integer. */
export function isGrosze(value: unknown): value is Grosze {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function sumGrosze(amounts: readonly Grosze[]): Grosze {
  let total = 0n;
  for (const amount of amounts) total += BigInt(amount);
  return toSafeGrosze(total);
}

export function multiplyGrosze(amount: Grosze, factor: number): Grosze {
  return toSafeGrosze(BigInt(amount) * BigInt(factor));
}

function toSafeGrosze(value: bigint): Grosze {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Amount of ${value} grosze is beyond the safe integer range`);
  }
  return Number(value);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written as 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
