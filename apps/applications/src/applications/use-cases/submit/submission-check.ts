import { MoreThanOrEqual, type EntityManager } from 'typeorm';
import { addMonths, warsawDate, type FundingModel, type RequestedAmount } from '@app/common';
import type { CallReadModel } from '../../../calls/call.entity.js';
import { ExchangeRateReadModel } from '../../../exchange-rates/exchange-rate.entity.js';
import { checkApplication } from '../../../domain/grant-application.js';
import type { LegalForm } from '../../../domain/initiative-group.js';
import { field, text } from '../../../domain/problems.js';
import { fieldProblems, formProblems, mergeProblems } from '../../../forms/form-validation.js';
import { InitiativeGroup } from '../../../initiative-groups/initiative-group.entity.js';
import type { Application } from '../../application.entity.js';
import { ApplicationFormDto } from '../../application-form.dto.js';
import { isUuid } from '../../draft-form.js';

/**
 * Every problem of the form at once — the DTO rules in `submit` mode and the domain rules of
 * `domain/grant-application.ts` against the call, the applicant's group and the exchange rates —
 * and the amount when it follows. Dates follow the first submission, so answering corrections
 * does not move them.
 */
export async function checkSubmission(
  manager: EntityManager,
  application: Application,
  call: CallReadModel,
  firstSubmission: Date,
  /** The exchange rates from three years and a week back, when the caller has read them. */
  rates?: ExchangeRateReadModel[],
): Promise<{ problems: ReturnType<typeof mergeProblems>; amount?: RequestedAmount }> {
  const groupId = text(field(field(application.form, 'applicant'), 'groupId'));
  let group: { state: string; plannedLegalForm: LegalForm } | null | undefined;
  if (groupId !== undefined) {
    const found = isUuid(groupId)
      ? await manager.findOne(InitiativeGroup, {
          where: { id: groupId, leaderId: application.applicantId },
        })
      : null;
    group = found
      ? { state: found.state, plannedLegalForm: found.plannedLegalForm as LegalForm }
      : null;
  }
  const day = warsawDate(firstSubmission);
  const result = checkApplication(application.form, {
    call: {
      counties: call.counties,
      maxJobsPerEntity: call.maxJobsPerEntity,
      fundingModel: call.fundingModel as FundingModel,
    },
    onDate: day,
    firstSubmissionDate: day,
    group,
    // Only the rows that can be in force in the counted period (three years and a week back).
    exchangeRates:
      rates ??
      (await manager.find(ExchangeRateReadModel, {
        where: { validFrom: MoreThanOrEqual(addMonths(day, -37)) },
      })),
  });
  const problems = mergeProblems(
    await formProblems(ApplicationFormDto, application.form, 'submit'),
    fieldProblems(result.problems),
  );
  return { problems, amount: result.amount };
}
