import { Injectable } from '@nestjs/common';
import { AuditService, Clock } from '@app/common';
import { fundFromReserve } from '../../../domain/index.js';
import type { Call } from '../../../calls/call.entity.js';
import { GrantApplication } from '../../../applications/application.entity.js';
import type { Tx } from '../../../shared/tx.js';
import { extensionsOf } from '../../budget.js';
import { candidateOf, standingOf } from '../../candidates.js';
import { Decision } from '../../decision.entity.js';
import { rankingPublishedPayload } from '../../decision-payloads.js';
import { GrantAward } from '../grant-award/grant-award.use-case.js';

export interface FundReserveInput {
  /** The call, its row locked by the caller. */
  readonly call: Call;
  /** Once after the appeal terms, or whenever a given-up award frees money after that. */
  readonly why: 'after-appeals' | 'money-freed';
}

/**
 * Funds the reserve list from what is left of the call's budget, in ranking order (domain
 * `fundFromReserve`: funded stay funded, no skipping down to a cheaper one), publishes the
 * ranking list again (a new version) and tells every newly funded applicant. What is left is
 * the budget less every live award (approved bridging extensions included); given-up awards
 * free their money. The caller holds the call's row lock.
 */
@Injectable()
export class FundReserve {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly grantAward: GrantAward,
  ) {}

  async execute(tx: Tx, { call, why }: FundReserveInput): Promise<void> {
    const { manager, emit } = tx;
    const now = this.clock.now();
    const decisions = await manager.find(Decision, { where: { callId: call.id } });
    const applications = await manager.find(GrantApplication, {
      where: { callId: call.id, state: 'formally-accepted' },
    });
    const byApp = new Map(applications.map((a) => [a.id, a]));
    const live = decisions.filter((d) => byApp.has(d.applicationId) && d.standing !== 'given-up');
    const extensions = await extensionsOf(manager, call.id);
    const result = fundFromReserve(
      live.map((d) => ({
        candidate: candidateOf(byApp.get(d.applicationId)!),
        funded: d.standing === 'funded',
      })),
      call.budget - extensions,
    );
    const byAppDecision = new Map(live.map((d) => [d.applicationId, d]));
    const newly = new Set(result.newlyFunded);
    for (const entry of result.entries) {
      const decision = byAppDecision.get(entry.candidate.id)!;
      const standing = standingOf(entry.status);
      const changed =
        decision.standing !== standing ||
        decision.rank !== entry.rank ||
        decision.score !== entry.candidate.finalScore;
      if (!changed) continue;
      const before = decision.standing;
      decision.standing = standing;
      decision.rank = entry.rank;
      decision.score = entry.candidate.finalScore;
      decision.updatedAt = now;
      await manager.save(decision);
      await this.audit.record(manager, {
        actorId: null,
        entityType: 'decision',
        entityId: decision.id,
        action: why === 'after-appeals' ? 'ranking-republished' : 'funded-from-freed-budget',
        fromState: before,
        toState: standing,
        changes: { rank: entry.rank, score: decision.score },
      });
      if (newly.has(entry.candidate.id)) {
        await this.grantAward.execute(tx, {
          call,
          application: entry.candidate.application,
          decision,
          afterAppeal: true,
          fromReserve: why === 'money-freed',
        });
      }
    }
    call.rankingVersion += 1;
    call.updatedAt = now;
    await manager.save(call);
    await this.audit.record(manager, {
      actorId: null,
      entityType: 'call',
      entityId: call.id,
      action:
        why === 'after-appeals'
          ? 'ranking-published-after-appeals'
          : 'ranking-published-after-freed-budget',
      changes: { version: call.rankingVersion, newlyFunded: result.newlyFunded },
    });
    await emit(
      'grants.ranking.published',
      rankingPublishedPayload(
        call,
        result.entries.map((e) => e.status),
        result.fundedTotal + extensions,
        true,
        this.clock.now(),
      ),
    );
  }
}
