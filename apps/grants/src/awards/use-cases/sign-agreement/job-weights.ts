import {
  computeRequestedAmount,
  warsawDate,
  type JobFundingRequest,
  type WorkingTime,
} from '@app/common';
import type { Call } from '../../../calls/call.entity.js';
import type { GrantApplication } from '../../../applications/application.entity.js';

/**
 * Each job's share of the award: its own amount under the unit-rate model (the rates in force
 * on the submission day); equal shares otherwise (the grant-bridging amounts per job are not
 * part of the formal acceptance).
 */
export function jobWeights(call: Call, application: GrantApplication): number[] {
  if (call.fundingModel.kind === 'unit-rates') {
    const requests: JobFundingRequest[] = application.jobs.map((j) => ({
      workingTime: j.workingTime as WorkingTime,
      severeOrMultipleDisability: j.workingTime === '1/4',
    }));
    const computed = computeRequestedAmount(
      call.fundingModel,
      requests,
      warsawDate(application.submittedAt),
      {
        maxJobs: Math.max(call.maxJobsPerEntity, requests.length),
      },
    );
    if (computed.ok) return computed.value.perJob.map((j) => j.total);
  }
  return application.jobs.map(() => 1);
}
