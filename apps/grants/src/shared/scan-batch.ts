/** One batch of a scheduler scan: rows due before `today` (a Warsaw calendar day), `limit` at most. */
export interface ScanBatch {
  readonly today: string;
  readonly limit: number;
}
