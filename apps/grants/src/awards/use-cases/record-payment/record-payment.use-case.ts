import { Injectable } from '@nestjs/common';
import {
  ApiError,
  AuditService,
  Clock,
  OutboxService,
  warsawDate,
  type AuthUser,
  type GrantBridgingFundingModel,
} from '@app/common';
import {
  bridgingPaymentProblem,
  monthOf,
  paymentProblem,
  remainingToPay,
} from '../../../domain/index.js';
import { Call } from '../../../calls/call.entity.js';
import { field, invalid, localize } from '../../../shared/problems.js';
import { assertNotGivenUp, lockAward } from '../../award-access.js';
import { AwardJob, BridgingExtensionRequest, Payment, type Award } from '../../award.entities.js';
import type { PaymentDto } from '../../awards.dto.js';
import { AwardsErrors } from '../../awards.errors.js';

export interface RecordPaymentInput {
  readonly user: AuthUser;
  readonly awardId: string;
  readonly payment: PaymentDto;
}

/**
 * A payment after the agreement: a tranche, or (grant-bridging model) a month of bridging support
 * for a job within its bridging months and the monthly cap (the approved extension months at the
 * approved amount included). The paid total never exceeds the award.
 */
@Injectable()
export class RecordPayment {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  execute({
    user,
    awardId: id,
    payment: dto,
  }: RecordPaymentInput): Promise<{ award: Award; payment: Payment }> {
    return this.outbox.transaction(async (manager, emit) => {
      const award = await lockAward(manager, id);
      assertNotGivenUp(award);
      if (award.status === 'granted') {
        throw ApiError.unprocessable(AwardsErrors.AGREEMENT_NOT_SIGNED, {
          pl: 'Wypłata możliwa po zawarciu umowy',
          en: 'Payments are made once the agreement is signed',
        });
      }
      const today = warsawDate(this.clock.now());
      if (dto.paidOn > today)
        throw invalid([field('paidOn', 'Data z przyszłości', 'A date in the future')]);
      if (award.signedOn && dto.paidOn < award.signedOn) {
        throw invalid([
          field('paidOn', 'Wypłata przed zawarciem umowy', 'A payment before the agreement'),
        ]);
      }
      const overall = paymentProblem(award.amount, award.paidTotal, dto.amount);
      if (overall) {
        throw ApiError.unprocessable(
          AwardsErrors.EXCEEDS_AWARD,
          {
            pl: `${localize(overall).pl}; pozostało do wypłaty ${remainingToPay(award.amount, award.paidTotal)} gr`,
            en: `${localize(overall).en}; ${remainingToPay(award.amount, award.paidTotal)} grosze remain to be paid`,
          },
          [{ path: 'amount', message: localize(overall) }],
        );
      }
      let job: AwardJob | null = null;
      if (dto.kind === 'bridging') {
        const call = await manager.findOneOrFail(Call, { where: { id: award.callId } });
        if (call.fundingModel.kind !== 'grant-bridging') {
          throw ApiError.unprocessable(AwardsErrors.NO_BRIDGING_SUPPORT, {
            pl: 'Model finansowania naboru nie przewiduje wsparcia pomostowego',
            en: "The call's funding model has no bridging support",
          });
        }
        job = await manager.findOne(AwardJob, { where: { id: dto.jobId!, awardId: id } });
        if (!job) throw invalid([field('jobId', 'Nie ma takiego miejsca pracy', 'No such job')]);
        const [paid]: { total: string }[] = await manager.query(
          `SELECT COALESCE(sum(amount), 0)::bigint AS total FROM grants.payments
            WHERE job_id = $1 AND month = $2 AND kind = 'bridging'`,
          [job.id, dto.month],
        );
        // The extension months are open at the approved monthly amount, for the approved jobs.
        const caps = (call.fundingModel as GrantBridgingFundingModel).bridging;
        const extension = await manager.findOne(BridgingExtensionRequest, {
          where: { awardId: id, status: 'approved' },
        });
        const problem = bridgingPaymentProblem(
          {
            startMonth: monthOf(job.startDate),
            limits: extension
              ? {
                  ...caps,
                  extensionMonths: extension.months,
                  extensionMonthlyCap: extension.monthlyAmount,
                }
              : caps,
            extensionGranted: extension?.jobIds.includes(job.id) ?? false,
          },
          dto.month!,
          Number(paid!.total),
          dto.amount,
        );
        if (problem) {
          throw ApiError.unprocessable(AwardsErrors.BRIDGING_NOT_ALLOWED, localize(problem), [
            { path: 'month', message: localize(problem) },
          ]);
        }
      }
      const now = this.clock.now();
      const payment = await manager.save(
        manager.create(Payment, {
          awardId: id,
          kind: dto.kind,
          amount: dto.amount,
          paidOn: dto.paidOn,
          jobId: job?.id ?? null,
          month: dto.kind === 'bridging' ? dto.month! : null,
          recordedBy: user.id,
          recordedAt: now,
        }),
      );
      award.paidTotal += dto.amount;
      award.updatedAt = now;
      await manager.save(award);
      await this.audit.record(manager, {
        entityType: 'award',
        entityId: id,
        action: 'payment-recorded',
        changes: {
          paymentId: payment.id,
          kind: dto.kind,
          amount: dto.amount,
          paidOn: dto.paidOn,
          paidTotal: award.paidTotal,
        },
      });
      await emit('grants.payment.made', {
        centreId: award.centreId,
        paymentId: payment.id,
        awardId: id,
        reference: award.reference,
        kind: dto.kind,
        amount: dto.amount,
        paidOn: dto.paidOn,
        ...(job ? { jobId: job.id, month: dto.month! } : {}),
        paidTotal: award.paidTotal,
        remaining: remainingToPay(award.amount, award.paidTotal),
        applicant: award.applicant,
      });
      return { award, payment };
    });
  }
}
