/**
 * Choosing evaluators (docs/product.md#evaluation-ranking-and-appeal, "Assignment"): each
 * application gets the evaluators it lacks from the call's pool, spread evenly — the member with
 * the fewest evaluations in the call first, then the one added to the pool first (then the lower
 * user id, so the choice is always the same). Never chosen:
 * - the centre's trainers and advisers;
 * - whoever recruited the applicant (decided on its initiative group);
 * - anyone who has or had an evaluation of the application, in any round and whatever became of
 *   it (a declared conflict included): an evaluator never scores the same application twice.
 *
 * The needs are served in the order given, one evaluator at a time, and each choice counts in the
 * load the next choice sees. A need nobody left in the pool may serve stays short: it is served
 * when the pool changes.
 */

export interface PoolMember {
  readonly userId: string;
  /** ISO 8601 moment the member was added to the call's pool (the tie-breaker). */
  readonly addedAt: string;
  /** A trainer or adviser of the centre: never an evaluator. */
  readonly trainerOrAdviser: boolean;
}

export interface EvaluatorNeed {
  readonly applicationId: string;
  /** How many more evaluators the application needs now. */
  readonly missing: number;
  /** Who recruited the applicant: never its evaluator. */
  readonly recruitedBy: readonly string[];
}

export interface EvaluatorLoad {
  /** Per evaluator, the evaluations in the call that count (assigned, declared or scored). */
  readonly load: ReadonlyMap<string, number>;
  /** Per application, everyone who has or had an evaluation of it, in any status. */
  readonly evaluatedBy: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface EvaluatorChoice<N extends EvaluatorNeed, M extends PoolMember> {
  readonly need: N;
  readonly evaluator: M;
}

/** Who evaluates what, in the order chosen (a need missing two evaluators appears twice). */
export function chooseEvaluators<N extends EvaluatorNeed, M extends PoolMember>(
  pool: readonly M[],
  needs: readonly N[],
  current: EvaluatorLoad,
): EvaluatorChoice<N, M>[] {
  const eligible = pool.filter((member) => !member.trainerOrAdviser).sort(byAddition);
  const load = new Map(current.load);
  const evaluatedBy = new Map<string, Set<string>>();
  const choices: EvaluatorChoice<N, M>[] = [];
  for (const need of needs) {
    if (!Number.isSafeInteger(need.missing) || need.missing < 0) {
      throw new RangeError(`Invalid number of missing evaluators for ${need.applicationId}`);
    }
    let excluded = evaluatedBy.get(need.applicationId);
    if (!excluded) {
      excluded = new Set(current.evaluatedBy.get(need.applicationId) ?? []);
      evaluatedBy.set(need.applicationId, excluded);
    }
    for (let i = 0; i < need.missing; i++) {
      const [chosen] = eligible
        .filter((m) => !excluded.has(m.userId) && !need.recruitedBy.includes(m.userId))
        // stable: equal loads keep the pool's order
        .sort((a, b) => (load.get(a.userId) ?? 0) - (load.get(b.userId) ?? 0));
      if (!chosen) break;
      excluded.add(chosen.userId);
      load.set(chosen.userId, (load.get(chosen.userId) ?? 0) + 1);
      choices.push({ need, evaluator: chosen });
    }
  }
  return choices;
}

function byAddition(a: PoolMember, b: PoolMember): number {
  const added = momentOf(a) - momentOf(b);
  if (added !== 0) return added;
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}

function momentOf(member: PoolMember): number {
  const moment = Date.parse(member.addedAt);
  if (Number.isNaN(moment)) {
    throw new RangeError(`Invalid moment ${member.addedAt} for pool member ${member.userId}`);
  }
  return moment;
}
