import { Injectable } from '@nestjs/common';
import { ApiError, AuditService, Clock, OutboxService, isStaff, type AuthUser } from '@app/common';
import { Call } from '../../../calls/call.entity.js';
import { Decision } from '../../../ranking/decision.entity.js';
import { FundReserve } from '../../../ranking/use-cases/fund-reserve/fund-reserve.use-case.js';
import { AWARD_NOT_FOUND } from '../../award-access.js';
import { Award } from '../../award.entities.js';
import { AwardsErrors } from '../../awards.errors.js';

export interface GiveUpAwardInput {
  readonly user: AuthUser;
  readonly awardId: string;
  readonly reason: string;
}

/**
 * The applicant (their own award) or an operator gives up an award before the agreement is
 * signed (*rezygnacja*). The decision leaves the ranking list and its money is freed: once the
 * ranking was published after the appeals, the reserve list is funded from it at once, in
 * ranking order (`FundReserve`); before that, the settlement after the appeals counts it. After
 * the agreement the award cannot be given up here (that is a termination of the agreement, with
 * a refund): 409.
 */
@Injectable()
export class GiveUpAward {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly fundReserve: FundReserve,
  ) {}

  execute({ user, awardId, reason }: GiveUpAwardInput): Promise<Award> {
    return this.outbox.transaction(async (manager, emit) => {
      const staff = isStaff(user);
      const found = await manager.findOne(Award, { where: { id: awardId } });
      if (!found || (!staff && found.applicantUserId !== user.id)) {
        throw ApiError.notFound(AWARD_NOT_FOUND);
      }
      // The call first, then the award: the order the reserve funding takes its locks in.
      const call = await manager.findOneOrFail(Call, {
        where: { id: found.callId },
        lock: { mode: 'pessimistic_write' },
      });
      const award = await manager.findOneOrFail(Award, {
        where: { id: awardId },
        lock: { mode: 'pessimistic_write' },
      });
      if (award.status === 'given-up') {
        throw ApiError.conflict(AwardsErrors.AWARD_GIVEN_UP, {
          pl: 'Z tego wsparcia już zrezygnowano',
          en: 'This award has already been given up',
        });
      }
      if (award.status !== 'granted') {
        throw ApiError.conflict(AwardsErrors.AGREEMENT_ALREADY_SIGNED, {
          pl: 'Umowa została już zawarta: rezygnacja oznacza jej rozwiązanie i zwrot środków, skontaktuj się z OWES',
          en: 'The agreement is already signed: giving up now means terminating it and refunding, contact the centre',
        });
      }
      const now = this.clock.now();
      const decision = await manager.findOneOrFail(Decision, { where: { id: award.decisionId } });
      award.status = 'given-up';
      award.givenUpAt = now;
      award.givenUpBy = user.id;
      award.givenUpReason = reason;
      award.updatedAt = now;
      await manager.save(award);
      const before = decision.standing;
      const rankBefore = decision.rank;
      // Off the ranking list: the applications below it move up when it is published again.
      decision.standing = 'given-up';
      decision.rank = null;
      decision.updatedAt = now;
      await manager.save(decision);
      await this.audit.record(manager, {
        entityType: 'award',
        entityId: award.id,
        action: 'given-up',
        fromState: 'granted',
        toState: 'given-up',
        changes: {
          reason,
          amount: award.amount,
          decisionStanding: { from: before, to: 'given-up' },
          rankBefore,
        },
      });
      await emit('grants.award.given-up', {
        centreId: award.centreId,
        awardId: award.id,
        applicationId: award.applicationId,
        reference: award.reference,
        callId: call.id,
        callNumber: call.number,
        amount: award.amount,
        reason,
        by: staff && award.applicantUserId !== user.id ? 'operator' : 'applicant',
        givenUpAt: now.toISOString(),
        applicant: award.applicant,
      });
      if (call.appealsSettledAt)
        await this.fundReserve.execute({ manager, emit }, { call, why: 'money-freed' });
      return award;
    });
  }
}
