import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  ApiError,
  AuditService,
  Clock,
  OutboxService,
  formatPln,
  type AuthUser,
} from '@app/common';
import { Call } from '../../../calls/call.entity.js';
import { GrantApplication } from '../../../applications/application.entity.js';
import { Award, AwardJob, BridgingExtensionRequest } from '../../award.entities.js';
import type { BridgingExtensionDecisionDto } from '../../awards.dto.js';
import { AwardsErrors } from '../../awards.errors.js';
import { awardClosed } from '../../bridging-extensions.js';

export interface DecideBridgingExtensionInput {
  readonly user: AuthUser;
  readonly awardId: string;
  readonly requestId: string;
  readonly decision: BridgingExtensionDecisionDto;
}

/**
 * An operator approves or rejects a pending extension request. An approval raises the award by
 * what it did not already hold for the extension (an application may have asked for it up front),
 * within what is left of the call's budget, and opens the extension months to bridging payments
 * at the approved monthly amount, for the approved jobs. The call's row is locked first (as the
 * ranking and the reserve funding do), so the budget check cannot race another approval or a
 * reserve funding.
 */
@Injectable()
export class DecideBridgingExtension {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  execute({
    user,
    awardId,
    requestId,
    decision: dto,
  }: DecideBridgingExtensionInput): Promise<{ request: BridgingExtensionRequest; award: Award }> {
    return this.outbox.transaction(async (manager, emit) => {
      const found = await manager.findOne(BridgingExtensionRequest, {
        where: { id: requestId, awardId },
      });
      if (!found) {
        throw ApiError.notFound({
          pl: 'Nie ma takiego wniosku o przedłużenie',
          en: 'No such extension request',
        });
      }
      const preview = await manager.findOneOrFail(Award, { where: { id: awardId } });
      const call = await manager.findOneOrFail(Call, {
        where: { id: preview.callId },
        lock: { mode: 'pessimistic_write' },
      });
      const award = await manager.findOneOrFail(Award, {
        where: { id: awardId },
        lock: { mode: 'pessimistic_write' },
      });
      const request = await manager.findOneOrFail(BridgingExtensionRequest, {
        where: { id: requestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (request.status !== 'pending') {
        throw ApiError.conflict(AwardsErrors.BRIDGING_EXTENSION_DECIDED, {
          pl: 'O tym wniosku już zdecydowano',
          en: 'This request has already been decided',
        });
      }
      if (award.status !== 'agreement-signed') {
        throw awardClosed();
      }
      const now = this.clock.now();
      let increase = 0;
      if (dto.decision === 'approved') {
        increase = Math.max(0, request.amount - (await heldForExtension(manager, award, request)));
        const [row]: { committed: string }[] = await manager.query(
          `SELECT COALESCE(sum(amount), 0)::bigint AS committed FROM grants.awards
            WHERE call_id = $1 AND status <> 'given-up'`,
          [call.id],
        );
        const left = call.budget - Number(row!.committed);
        if (increase > left) {
          throw ApiError.conflict(AwardsErrors.BUDGET_EXCEEDED, {
            pl: `Przedłużenie wymaga ${formatPln(increase)}, a w budżecie naboru pozostało ${formatPln(left)}`,
            en: `The extension needs ${formatPln(increase, 'en')} and the call's budget has ${formatPln(left, 'en')} left`,
          });
        }
        award.amount += increase;
        award.bridgingExtensionGranted = true;
        award.updatedAt = now;
        await manager.save(award);
      }
      request.status = dto.decision;
      request.decidedBy = user.id;
      request.decidedAt = now;
      request.reason = dto.reason ?? null;
      request.awardIncrease = increase;
      await manager.save(request);
      await this.audit.record(manager, {
        entityType: 'bridging-extension',
        entityId: request.id,
        action: dto.decision,
        fromState: 'pending',
        toState: dto.decision,
        changes: {
          awardId,
          reason: dto.reason ?? null,
          awardIncrease: increase,
          awardAmount: award.amount,
        },
      });
      await emit('grants.bridging-extension.decided', {
        centreId: award.centreId,
        requestId: request.id,
        awardId,
        reference: award.reference,
        months: request.months,
        monthlyAmount: request.monthlyAmount,
        jobs: request.jobIds.length,
        amount: request.amount,
        applicant: award.applicant,
        decision: dto.decision,
        ...(dto.reason ? { reason: dto.reason } : {}),
        awardAmount: award.amount,
        decidedAt: now.toISOString(),
      });
      return { request, award };
    });
  }
}

/**
 * What the award already holds for the extension of the requested jobs: the extension the
 * application asked for up front (its amount detail per job), grosze.
 */
async function heldForExtension(
  manager: EntityManager,
  award: Award,
  request: BridgingExtensionRequest,
): Promise<number> {
  const application = await manager.findOne(GrantApplication, {
    where: { id: award.applicationId },
  });
  const perJob = (application?.amountDetail as { perJob?: { extension?: number }[] } | null)
    ?.perJob;
  if (!application || !perJob) return 0;
  const jobs = await manager.find(AwardJob, {
    where: { id: In(request.jobIds) },
  });
  const keys = new Set(jobs.map((j) => j.jobKey));
  return application.jobs.reduce(
    (sum, job, i) => sum + (keys.has(job.jobId) ? (perJob[i]?.extension ?? 0) : 0),
    0,
  );
}
