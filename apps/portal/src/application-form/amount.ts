import { computeRequestedAmount, type FundingModel } from '@app/common/funding/index.js';
import { warsawDate } from '@app/common/time/index.js';

/** The application as the applications service shows it (the parts these pages read). */
export interface ApplicationView {
  id: string;
  callId: string;
  state: string;
  reference: string | null;
  form: Record<string, unknown>;
  amount: { total: number; totalFormatted: string } | null;
  corrections: { deadline?: string } | null;
  submittedAt: string | null;
}

export interface CallView {
  id: string;
  number: string;
  title: string;
  closesAt: string;
  open: boolean;
  fundingModel: unknown;
  maxJobsPerEntity?: number;
}

/**
 * The amount to show: the one the applications service computed (set when the application is
 * submitted), else — for a draft, which the service does not price — the same computation done
 * here on the server with the shared funding rules of `@app/common` (`computeRequestedAmount`,
 * what the service runs at submission) over the call's funding model. Never computed in the
 * browser. Undefined while the jobs do not allow it (no job yet, a working time missing).
 */
export function amountOf(
  application: ApplicationView,
  call: CallView | undefined,
  now: Date,
): number | undefined {
  if (application.amount) return application.amount.total;
  if (!call?.fundingModel) return undefined;
  const jobs = Array.isArray(application.form.jobs) ? application.form.jobs : [];
  const requests = jobs.map((job: any) => {
    const eligibility = job?.person?.eligibility ?? {};
    const request: Record<string, unknown> = {
      workingTime: job?.workingTime,
      severeOrMultipleDisability:
        eligibility.status === 'disability' &&
        (eligibility.disabilityDegree === 'severe' || eligibility.multipleDisability === true),
    };
    for (const key of ['grant', 'bridging', 'bridgingExtension']) {
      if (job?.[key] !== undefined) request[key] = job[key];
    }
    return request;
  });
  try {
    const result = computeRequestedAmount(
      call.fundingModel as FundingModel,
      requests as never,
      warsawDate(now),
      {
        maxJobs: call.maxJobsPerEntity,
        bridgingExtensionRequested: application.form.bridgingExtensionRequested === true,
      },
    );
    return result.ok ? result.value.total : undefined;
  } catch {
    return undefined;
  }
}
