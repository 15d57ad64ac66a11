import { formatPln, toWarsawIso } from '@app/common';
import type { Application } from './application.entity.js';

/** An application as the API shows it: moments in Warsaw time, the amount with its PLN text. */
export function applicationView(a: Application) {
  return {
    id: a.id,
    callId: a.callId,
    centreId: a.centreId,
    state: a.state,
    reference: a.reference,
    version: a.submittedVersion,
    applicantKind: a.applicantKind,
    entityName: a.entityName,
    county: a.county,
    form: a.form,
    amount:
      a.requestedTotal === null
        ? null
        : { ...a.amount, totalFormatted: formatPln(a.requestedTotal) },
    corrections: a.corrections,
    decision: a.decidedAt
      ? {
          decidedAt: toWarsawIso(a.decidedAt),
          reasons: a.decisionReasons ?? [],
          automatic: a.decidedBy === null,
        }
      : null,
    submittedAt: a.submittedAt ? toWarsawIso(a.submittedAt) : null,
    withdrawnAt: a.withdrawnAt ? toWarsawIso(a.withdrawnAt) : null,
    createdAt: toWarsawIso(a.createdAt),
    updatedAt: toWarsawIso(a.updatedAt),
  };
}
