import { field, text, type Problem } from './problems.js';
import {
  ELIGIBILITY_STATUSES,
  PROOF_KINDS,
  DISABILITY_DEGREES,
} from '@app/common/reference/form-codes.js';
export { ELIGIBILITY_STATUSES, PROOF_KINDS, DISABILITY_DEGREES };

export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

export type ProofKind = (typeof PROOF_KINDS)[number];

export type DisabilityDegree = (typeof DISABILITY_DEGREES)[number];

/** Which documents prove which status (a self-declaration only where no register exists). */
export const ACCEPTED_PROOFS: Record<EligibilityStatus, readonly ProofKind[]> = {
  unemployed: ['labour-office-certificate'],
  'long-term-unemployed': ['labour-office-certificate'],
  disability: ['disability-certificate'],
  'mental-disorder': ['disability-certificate', 'medical-certificate'],
  homeless: ['social-welfare-certificate', 'institution-certificate'],
  'addiction-recovery': ['therapy-certificate', 'medical-certificate'],
  'released-from-prison': ['prison-release-certificate'],
  refugee: ['integration-programme-certificate', 'social-welfare-certificate'],
  'social-assistance': ['social-welfare-certificate'],
  'leaving-foster-care': ['foster-care-certificate', 'social-welfare-certificate'],
  'juvenile-institution': ['institution-certificate'],
  'other-at-risk': ['social-welfare-certificate', 'institution-certificate', 'self-declaration'],
};

export interface Eligibility {
  status?: EligibilityStatus;
  proofKind?: ProofKind;
  disabilityDegree?: DisabilityDegree;
  multipleDisability?: boolean;
}

/**
 * Problems of an eligibility statement beyond its types (which the DTO checks): the proof must
 * fit the status, and a disability needs its degree.
 */
export function eligibilityProblems(eligibility: unknown, path: string): Problem[] {
  const problems: Problem[] = [];
  const status = text(field(eligibility, 'status')) as EligibilityStatus | undefined;
  const proof = text(field(eligibility, 'proofKind')) as ProofKind | undefined;
  const degree = field(eligibility, 'disabilityDegree');
  if (status && proof && ACCEPTED_PROOFS[status] && !ACCEPTED_PROOFS[status].includes(proof)) {
    problems.push({
      path: `${path}.proofKind`,
      code: 'proofNotAccepted',
      params: { accepted: ACCEPTED_PROOFS[status].join(', ') },
    });
  }
  if (status === 'disability' && (degree === undefined || degree === null)) {
    problems.push({ path: `${path}.disabilityDegree`, code: 'disabilityDegreeRequired' });
  }
  if (status !== undefined && status !== 'disability' && degree !== undefined && degree !== null) {
    problems.push({ path: `${path}.disabilityDegree`, code: 'disabilityDegreeUnexpected' });
  }
  return problems;
}

/** Severe or multiple disability (*stopień znaczny lub niepełnosprawność sprzężona*): ¼ time allowed. */
export function hasSevereOrMultipleDisability(eligibility: unknown): boolean {
  if (field(eligibility, 'status') !== 'disability') return false;
  return (
    field(eligibility, 'disabilityDegree') === 'severe' ||
    field(eligibility, 'multipleDisability') === true
  );
}
