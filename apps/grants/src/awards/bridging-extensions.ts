import { ApiError } from '@app/common';
import { AwardsErrors } from './awards.errors.js';

/**
 * The bridging-support extension (grant-bridging model, docs/product.md#funding-models): after
 * the agreement, the enterprise asks for up to the call's extension months at most at its
 * extension cap per job and month; the centre approves or rejects it. One request per award is
 * pending or approved at a time.
 */
export const EXTENSION_EXISTS = {
  pl: 'Wniosek o przedłużenie wsparcia pomostowego już złożono (oczekuje na decyzję lub został zatwierdzony)',
  en: 'A bridging-support extension request already exists (pending or approved)',
};

/** The award is no longer under a signed agreement (settled, or given up). */
export const awardClosed = () =>
  ApiError.conflict(AwardsErrors.AWARD_CLOSED, {
    pl: 'Wsparcie zostało rozliczone lub z niego zrezygnowano',
    en: 'The award is settled or was given up',
  });
