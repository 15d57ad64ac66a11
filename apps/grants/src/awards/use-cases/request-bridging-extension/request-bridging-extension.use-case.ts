import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  ApiError,
  AuditService,
  Clock,
  OutboxService,
  formatPln,
  type AuthUser,
  type FieldProblem,
  type GrantBridgingFundingModel,
} from '@app/common';
import { Call } from '../../../calls/call.entity.js';
import { field, invalid, isUniqueViolation } from '../../../shared/problems.js';
import { awardFor } from '../../award-access.js';
import { AwardJob, BridgingExtensionRequest } from '../../award.entities.js';
import type { BridgingExtensionRequestDto } from '../../awards.dto.js';
import { AwardsErrors } from '../../awards.errors.js';
import { EXTENSION_EXISTS, awardClosed } from '../../bridging-extensions.js';

export interface RequestBridgingExtensionInput {
  readonly user: AuthUser;
  readonly awardId: string;
  readonly request: BridgingExtensionRequestDto;
}

/**
 * The enterprise asks for the bridging-support extension (grant-bridging model, after the
 * agreement): months ≤ the call's extension months, monthly amount per job ≤ its extension cap,
 * for jobs still kept (all of them when none are named).
 */
@Injectable()
export class RequestBridgingExtension {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async execute({
    user,
    awardId,
    request: dto,
  }: RequestBridgingExtensionInput): Promise<BridgingExtensionRequest> {
    try {
      return await this.outbox.transaction(async (manager, emit) => {
        const award = await awardFor(manager, user, awardId, true);
        const call = await manager.findOneOrFail(Call, { where: { id: award.callId } });
        if (call.fundingModel.kind !== 'grant-bridging') {
          throw ApiError.unprocessable(AwardsErrors.NO_BRIDGING_SUPPORT, {
            pl: 'Model finansowania naboru nie przewiduje wsparcia pomostowego',
            en: "The call's funding model has no bridging support",
          });
        }
        if (award.status === 'granted') {
          throw ApiError.unprocessable(AwardsErrors.AGREEMENT_NOT_SIGNED, {
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
        if (open) throw ApiError.conflict(AwardsErrors.BRIDGING_EXTENSION_EXISTS, EXTENSION_EXISTS);

        const caps = (call.fundingModel as GrantBridgingFundingModel).bridging;
        const problems: FieldProblem[] = [];
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
          centreId: award.centreId,
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
      if (isUniqueViolation(error))
        throw ApiError.conflict(AwardsErrors.BRIDGING_EXTENSION_EXISTS, EXTENSION_EXISTS);
      throw error;
    }
  }
}
