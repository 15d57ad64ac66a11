import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  ApiError,
  Clock,
  OutboxService,
  formatPln,
  type AuthUser,
  type GrantBridgingFundingModel,
  AuditService,
} from '@app/common';
import { Call } from '../calls/call.entity.js';
import { GrantApplication } from '../applications/application.entity.js';
import { field, invalid, isUniqueViolation } from '../shared/problems.js';
import { Award, AwardJob, BridgingExtensionRequest } from './award.entities.js';
import { AwardsService } from './awards.service.js';
import type { BridgingExtensionDecisionDto, BridgingExtensionRequestDto } from './awards.dto.js';

const EXISTS = {
  pl: 'Wniosek o przedłużenie wsparcia pomostowego już złożono (oczekuje na decyzję lub został zatwierdzony)',
  en: 'A bridging-support extension request already exists (pending or approved)',
};

const awardClosed = () =>
  ApiError.conflict('AWARD_CLOSED', {
    pl: 'Wsparcie zostało rozliczone lub z niego zrezygnowano',
    en: 'The award is settled or was given up',
  });

/**
 * The separate request for the bridging-support extension (grant-bridging model,
 * docs/product.md#funding-models): after the agreement, the enterprise asks for up to the call's
 * extension months at most at its extension cap per job and month; the centre approves or rejects
 * it. An approval raises the award by what the award did not already hold for the extension (an
 * application may have asked for it up front), within what is left of the call's budget, and opens
 * the extension months to bridging payments at the approved monthly amount, for the approved jobs.
 */
@Injectable()
export class BridgingExtensionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly awards: AwardsService,
  ) {}

  async list(user: AuthUser, awardId: string): Promise<BridgingExtensionRequest[]> {
    await this.awards.awardFor(user, awardId);
    return this.dataSource.getRepository(BridgingExtensionRequest).find({
      where: { awardId },
      order: { requestedAt: 'ASC' },
    });
  }

  async request(
    user: AuthUser,
    awardId: string,
    dto: BridgingExtensionRequestDto,
  ): Promise<BridgingExtensionRequest> {
    try {
      return await this.outbox.transaction(async (manager, emit) => {
        const award = await this.awards.awardFor(user, awardId, manager, true);
        const call = await manager.findOneOrFail(Call, { where: { id: award.callId } });
        if (call.fundingModel.kind !== 'grant-bridging') {
          throw ApiError.unprocessable('NO_BRIDGING_SUPPORT', {
            pl: 'Model finansowania naboru nie przewiduje wsparcia pomostowego',
            en: "The call's funding model has no bridging support",
          });
        }
        if (award.status === 'granted') {
          throw ApiError.unprocessable('AGREEMENT_NOT_SIGNED', {
            pl: 'O przedłużenie wsparcia pomostowego można wnioskować po zawarciu umowy',
            en: 'The extension can be requested once the agreement is signed',
          });
        }
        if (award.status !== 'agreement-signed') {
          throw awardClosed();
        }
        const open = await manager.findOne(BridgingExtensionRequest, {
          where: { awardId, status: In(['pending', 'approved']) },
        });
        if (open) throw ApiError.conflict('BRIDGING_EXTENSION_EXISTS', EXISTS);

        const caps = (call.fundingModel as GrantBridgingFundingModel).bridging;
        const problems = [];
        if (dto.months > caps.extensionMonths) {
          problems.push(
            field(
              'months',
              `Najwyżej ${caps.extensionMonths} mies. przedłużenia w tym naborze`,
              `At most ${caps.extensionMonths} extension months in this call`,
            ),
          );
        }
        if (dto.monthlyAmount > caps.extensionMonthlyCap) {
          problems.push(
            field(
              'monthlyAmount',
              `Najwyżej ${formatPln(caps.extensionMonthlyCap)} miesięcznie na miejsce pracy`,
              `At most ${formatPln(caps.extensionMonthlyCap, 'en')} a month per job`,
            ),
          );
        }
        const jobs = await manager.find(AwardJob, { where: { awardId } });
        let chosen: AwardJob[];
        if (dto.jobIds) {
          chosen = [];
          dto.jobIds.forEach((id, i) => {
            const job = jobs.find((j) => j.id === id);
            if (!job) {
              problems.push(
                field(`jobIds[${i}]`, 'Nie ma takiego miejsca pracy', 'No such job of this award'),
              );
            } else if (chosen.includes(job)) {
              problems.push(
                field(`jobIds[${i}]`, 'Miejsce pracy powtarza się', 'The job is repeated'),
              );
            } else if (job.status !== 'active' && job.status !== 'vacant') {
              problems.push(
                field(
                  `jobIds[${i}]`,
                  'Miejsce pracy nie jest już utrzymywane',
                  'The job is no longer kept',
                ),
              );
            } else chosen.push(job);
          });
        } else {
          chosen = jobs.filter((j) => j.status === 'active' || j.status === 'vacant');
          if (chosen.length === 0) {
            problems.push(
              field('jobIds', 'Brak utrzymywanych miejsc pracy', 'No job is still kept'),
            );
          }
        }
        if (problems.length > 0) throw invalid(problems);

        const now = this.clock.now();
        const amount = dto.months * dto.monthlyAmount * chosen.length;
        const request = await manager.save(
          manager.create(BridgingExtensionRequest, {
            awardId,
            months: dto.months,
            monthlyAmount: dto.monthlyAmount,
            jobIds: chosen.map((j) => j.id),
            amount,
            justification: dto.justification,
            status: 'pending',
            requestedBy: user.id,
            requestedAt: now,
            decidedBy: null,
            decidedAt: null,
            reason: null,
            awardIncrease: 0,
          }),
        );
        await this.audit.record(manager, {
          entityType: 'bridging-extension',
          entityId: request.id,
          action: 'requested',
          toState: 'pending',
          changes: { awardId, months: dto.months, monthlyAmount: dto.monthlyAmount, amount },
        });
        await emit('grants.bridging-extension.requested', {
          requestId: request.id,
          awardId,
          reference: award.reference,
          months: dto.months,
          monthlyAmount: dto.monthlyAmount,
          jobs: chosen.length,
          amount,
          justification: dto.justification,
          requestedAt: now.toISOString(),
          applicant: award.applicant,
        });
        return request;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw ApiError.conflict('BRIDGING_EXTENSION_EXISTS', EXISTS);
      throw error;
    }
  }

  /**
   * Approves or rejects a pending request. The call's row is locked first (as the ranking and
   * the reserve funding do), so the budget check cannot race another approval or a reserve
   * funding.
   */
  async decide(
    user: AuthUser,
    awardId: string,
    requestId: string,
    dto: BridgingExtensionDecisionDto,
  ): Promise<{ request: BridgingExtensionRequest; award: Award }> {
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
        throw ApiError.conflict('BRIDGING_EXTENSION_DECIDED', {
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
        increase = Math.max(
          0,
          request.amount - (await this.heldForExtension(manager, award, request)),
        );
        const [row] = await manager.query(
          `SELECT COALESCE(sum(amount), 0)::bigint AS committed FROM grants.awards
            WHERE call_id = $1 AND status <> 'given-up'`,
          [call.id],
        );
        const left = call.budget - Number(row.committed);
        if (increase > left) {
          throw ApiError.conflict('BUDGET_EXCEEDED', {
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

  /**
   * What the award already holds for the extension of the requested jobs: the extension the
   * application asked for up front (its amount detail per job), grosze.
   */
  private async heldForExtension(
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
}
