import type { Messages } from '../i18n/i18n.js';

/** Texts of centre staff: applications, the formal check, the ranking and its approval. Keys start with `review.`. */
export const STAFF_REVIEW_MESSAGES: Messages = {
  pl: {},
  en: {},
};
