/**
 * Ranking list (*lista rankingowa*) within a call's budget.
 *
 * - Applications below the threshold are rejected.
 * - The rest are ordered by final score (highest first); ties go to more jobs for eligible
 *   persons, then to the earlier submission, and, should even the submission moments be equal
 *   to the millisecond, to the lower id, so the order is always the same.
 * - They are funded top-down. The FIRST application that does not fit in what is left, and every
 *   one below it, goes to the reserve list (*lista rezerwowa*: "pozytywnie oceniony,
 *   nierekomendowany do dofinansowania", positively evaluated, not recommended for funding):
 *   no skipping down to a cheaper one. An application fits when its amount is at most what is
 *   left, so one taking exactly the rest of the budget is funded. The budget is never exceeded.
 */

export interface RankingCandidate {
  readonly id: string;
  /** Exact final score (see scoring.ts). */
  readonly finalScore: number;
  /** Passed the threshold (see threshold.ts). */
  readonly passed: boolean;
  /** Jobs for eligible persons (the first tie-breaker). */
  readonly eligibleJobs: number;
  /** ISO 8601 moment with offset (the second tie-breaker). */
  readonly submittedAt: string;
  /** Amount awarded if funded, grosze. */
  readonly amount: number;
}

export type RankingStatus = 'funded' | 'reserve' | 'rejected';

export interface RankingEntry<C extends RankingCandidate = RankingCandidate> {
  readonly candidate: C;
  readonly status: RankingStatus;
  /** Position on the ranking list (1 = best); null for a rejected application. */
  readonly rank: number | null;
  /**
   * Budget left after this row, walking the list top-down, grosze. In `fundFromReserve` the
   * applications funded earlier are counted up front (their money is spent whatever their row).
   */
  readonly remainingBudget: number;
}

export interface RankingResult<C extends RankingCandidate = RankingCandidate> {
  /** Ranked applications in rank order, then the rejected ones (best score first). */
  readonly entries: readonly RankingEntry<C>[];
  readonly budget: number;
  readonly fundedTotal: number;
  /** What is left of the budget: shown with the list. */
  readonly remainingBudget: number;
}

/** Order of the ranking list: negative when `a` ranks above `b`. */
export function compareForRanking(a: RankingCandidate, b: RankingCandidate): number {
  if (a.finalScore !== b.finalScore) return b.finalScore - a.finalScore;
  if (a.eligibleJobs !== b.eligibleJobs) return b.eligibleJobs - a.eligibleJobs;
  const submitted = momentOf(a) - momentOf(b);
  if (submitted !== 0) return submitted;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first ranking of a call. */
export function rankApplications<C extends RankingCandidate>(
  candidates: readonly C[],
  budget: number,
): RankingResult<C> {
  return allocate(
    candidates.map((candidate) => ({ candidate, funded: false })),
    budget,
  );
}

export interface ReserveCandidate<C extends RankingCandidate = RankingCandidate> {
  readonly candidate: C;
  /** Already funded: stays funded whatever the new order, and its amount stays spent. */
  readonly funded: boolean;
}

export interface ReserveFundingResult<
  C extends RankingCandidate = RankingCandidate,
> extends RankingResult<C> {
  /** Ids funded by this run, in ranking order. */
  readonly newlyFunded: readonly string[];
}

/**
 * Funding from the reserve after appeals or when money is freed. `candidates` are the call's
 * applications with their current scores (raised by appeals) and whether they are funded;
 * applications whose award was given up are left out, which frees their money. `budget` is the
 * call's budget (possibly increased).
 *
 * The list is ranked again; walking it top-down, funded applications stay funded (never
 * un-funded), and the others are funded while they fit, with the same no-skipping rule: the
 * first one that does not fit and every unfunded one below it stay on the reserve list.
 * Throws when the already funded applications exceed the budget.
 */
export function fundFromReserve<C extends RankingCandidate>(
  candidates: readonly ReserveCandidate<C>[],
  budget: number,
): ReserveFundingResult<C> {
  const result = allocate(candidates, budget);
  const before = new Map(candidates.map((c) => [c.candidate.id, c.funded]));
  const newlyFunded = result.entries
    .filter((entry) => entry.status === 'funded' && before.get(entry.candidate.id) === false)
    .map((entry) => entry.candidate.id);
  return { ...result, newlyFunded };
}

function allocate<C extends RankingCandidate>(
  candidates: readonly ReserveCandidate<C>[],
  budget: number,
): RankingResult<C> {
  assertGrosze(budget, 'budget');
  const ids = new Set<string>();
  for (const { candidate } of candidates) {
    if (ids.has(candidate.id)) throw new RangeError(`Duplicate application ${candidate.id}`);
    ids.add(candidate.id);
    assertGrosze(candidate.amount, `amount of ${candidate.id}`);
    if (candidate.amount === 0) throw new RangeError(`Zero amount for ${candidate.id}`);
    if (!Number.isFinite(candidate.finalScore)) {
      throw new RangeError(`Invalid final score for ${candidate.id}`);
    }
    if (!Number.isSafeInteger(candidate.eligibleJobs) || candidate.eligibleJobs < 0) {
      throw new RangeError(`Invalid number of eligible jobs for ${candidate.id}`);
    }
    momentOf(candidate);
  }

  const alreadyFunded = candidates
    .filter((c) => c.funded)
    .reduce((sum, c) => sum + BigInt(c.candidate.amount), 0n);
  if (alreadyFunded > BigInt(budget)) {
    throw new RangeError(`Funded applications (${alreadyFunded}) exceed the budget (${budget})`);
  }

  const ranked = candidates
    .filter((c) => c.funded || c.candidate.passed)
    .sort((a, b) => compareForRanking(a.candidate, b.candidate));
  const rejected = candidates
    .filter((c) => !c.funded && !c.candidate.passed)
    .sort((a, b) => compareForRanking(a.candidate, b.candidate));

  let remaining = budget - Number(alreadyFunded);
  let stopped = false;
  const entries: RankingEntry<C>[] = [];
  ranked.forEach(({ candidate, funded }, i) => {
    let status: RankingStatus;
    if (funded) {
      status = 'funded';
    } else if (!stopped && candidate.amount <= remaining) {
      status = 'funded';
      remaining -= candidate.amount;
    } else {
      stopped = true;
      status = 'reserve';
    }
    entries.push({ candidate, status, rank: i + 1, remainingBudget: remaining });
  });
  for (const { candidate } of rejected) {
    entries.push({ candidate, status: 'rejected', rank: null, remainingBudget: remaining });
  }
  return { entries, budget, fundedTotal: budget - remaining, remainingBudget: remaining };
}

function momentOf(candidate: RankingCandidate): number {
  const moment = Date.parse(candidate.submittedAt);
  if (Number.isNaN(moment)) {
    throw new RangeError(`Invalid submission moment for ${candidate.id}: ${candidate.submittedAt}`);
  }
  return moment;
}

function assertGrosze(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be whole grosze, got ${value}`);
  }
}
