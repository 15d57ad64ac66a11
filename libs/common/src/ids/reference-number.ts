/**
 * Human reference of a submitted form: `OWES/<year>/<5 digits>`, e.g. `OWES/2026/00042`.
 * The sequence number comes from a per-year counter row locked in the submission's transaction
 * (see the applications service), which makes it unique and gap-free; this module only formats
 * and parses it.
 */
const PATTERN = /^OWES\/(\d{4})\/(\d{5,})$/;

export function formatReferenceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) {
    throw new RangeError(`Invalid reference year: ${year}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new RangeError(`Invalid reference sequence: ${sequence}`);
  }
  return `OWES/${year}/${String(sequence).padStart(5, '0')}`;
}

export function parseReferenceNumber(reference: string): { year: number; sequence: number } | null {
  const match = PATTERN.exec(reference);
  if (!match) return null;
  return { year: Number(match[1]), sequence: Number(match[2]) };
}
