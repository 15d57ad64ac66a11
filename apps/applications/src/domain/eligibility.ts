import { field, text, type Problem } from './problems.js';

/**
 * Why a person is eligible: at risk of social exclusion in the sense of the Social Economy Act
 * of 5 August 2022 (ustawa o ekonomii społecznej), art. 2 pt 6.
 */
export const ELIGIBILITY_STATUSES = [
  'unemployed', // osoba bezrobotna
  'long-term-unemployed', // osoba długotrwale bezrobotna
  'disability', // osoba z niepełnosprawnością
  'mental-disorder', // osoba z zaburzeniami psychicznymi
  'homeless', // osoba bezdomna wychodząca z bezdomności
  'addiction-recovery', // osoba uzależniona po terapii
  'released-from-prison', // osoba zwalniana z zakładu karnego / po karze pozbawienia wolności
  'refugee', // uchodźca realizujący indywidualny program integracji
  'social-assistance', // osoba korzystająca ze świadczeń pomocy społecznej
  'leaving-foster-care', // osoba opuszczająca pieczę zastępczą
  'juvenile-institution', // osoba opuszczająca młodzieżowy ośrodek wychowawczy / zakład poprawczy
  'other-at-risk', // inna osoba zagrożona wykluczeniem społecznym w rozumieniu art. 2 pkt 6
] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

/** The kind of document that proves the status. */
export const PROOF_KINDS = [
  'labour-office-certificate', // zaświadczenie z powiatowego urzędu pracy
  'disability-certificate', // orzeczenie o niepełnosprawności / stopniu niepełnosprawności
  'medical-certificate', // zaświadczenie lekarskie / od specjalisty
  'social-welfare-certificate', // zaświadczenie z ośrodka pomocy społecznej
  'therapy-certificate', // zaświadczenie o ukończeniu terapii
  'prison-release-certificate', // zaświadczenie o zwolnieniu z zakładu karnego
  'integration-programme-certificate', // zaświadczenie o realizacji programu integracji
  'foster-care-certificate', // zaświadczenie o opuszczeniu pieczy zastępczej
  'institution-certificate', // zaświadczenie z placówki
  'self-declaration', // oświadczenie uczestnika
] as const;
export type ProofKind = (typeof PROOF_KINDS)[number];

export const DISABILITY_DEGREES = ['light', 'moderate', 'severe'] as const;
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
