import { formatEur, formatPln, toWarsawIso } from '@app/common';
import type { JobReport, RefundClaimRecord } from '../monitoring/monitoring.entities.js';
import type { Award, AwardJob, BridgingExtensionRequest, Payment } from './award.entities.js';

// How the API shows an award and what belongs to it: amounts with their PLN text, Warsaw times.

export function awardView(a: Award) {
  return {
    id: a.id,
    callId: a.callId,
    applicationId: a.applicationId,
    decisionId: a.decisionId,
    reference: a.reference,
    status: a.status,
    amount: a.amount,
    amountFormatted: formatPln(a.amount),
    paidTotal: a.paidTotal,
    paidTotalFormatted: formatPln(a.paidTotal),
    remaining: a.amount - a.paidTotal,
    signedOn: a.signedOn,
    security: a.security,
    deMinimisCertificateNumber: a.deMinimisCertificateNumber,
    deMinimisCertificate: a.deMinimisCertificate
      ? {
          ...a.deMinimisCertificate,
          amountPlnFormatted: formatPln(a.deMinimisCertificate.amountPln),
          amountEurFormatted: formatEur(a.deMinimisCertificate.amountEur),
        }
      : null,
    agreementPreparation: a.agreementPreparedAt
      ? {
          signingOn: a.agreementSigningOn,
          place: a.agreementPlace,
          preparedAt: toWarsawIso(a.agreementPreparedAt),
        }
      : null,
    bridgingExtensionGranted: a.bridgingExtensionGranted,
    grantedAt: toWarsawIso(a.grantedAt),
    settledOn: a.settledOn,
    givenUp: a.givenUpAt
      ? { at: toWarsawIso(a.givenUpAt), by: a.givenUpBy, reason: a.givenUpReason }
      : null,
  };
}

export function extensionView(r: BridgingExtensionRequest) {
  return {
    id: r.id,
    awardId: r.awardId,
    status: r.status,
    months: r.months,
    monthlyAmount: r.monthlyAmount,
    monthlyAmountFormatted: formatPln(r.monthlyAmount),
    jobIds: r.jobIds,
    amount: r.amount,
    amountFormatted: formatPln(r.amount),
    justification: r.justification,
    requestedAt: toWarsawIso(r.requestedAt),
    decidedAt: r.decidedAt ? toWarsawIso(r.decidedAt) : null,
    reason: r.reason,
    awardIncrease: r.awardIncrease,
  };
}

export function jobView(j: AwardJob) {
  return {
    id: j.id,
    jobId: j.jobKey,
    position: j.position,
    workingTime: j.workingTime,
    eligiblePerson: j.eligiblePerson,
    county: j.county,
    startDate: j.startDate,
    fundedEndDate: j.fundedEndDate,
    endDate: j.endDate,
    status: j.status,
    vacancyDate: j.vacancyDate,
    refillDeadline: j.refillDeadline,
    refilledOn: j.refilledOn,
  };
}

export function paymentView(p: Payment) {
  return {
    id: p.id,
    kind: p.kind,
    amount: p.amount,
    amountFormatted: formatPln(p.amount),
    paidOn: p.paidOn,
    jobId: p.jobId,
    month: p.month,
  };
}

export function reportView(r: JobReport) {
  return {
    id: r.id,
    jobId: r.jobId,
    period: r.period,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    dueDate: r.dueDate,
    status: r.status,
    jobExists: r.jobExists,
    evidenceReference: r.evidenceReference,
    submittedAt: r.submittedAt ? toWarsawIso(r.submittedAt) : null,
  };
}

export function refundView(r: RefundClaimRecord) {
  return {
    id: r.id,
    jobId: r.jobId,
    principal: r.principal,
    interest: r.interest,
    total: r.total,
    totalFormatted: formatPln(r.total),
    calculatedOn: r.calculatedOn,
    demandDate: r.demandDate,
    dueDate: r.dueDate,
    periods: r.periods,
  };
}
