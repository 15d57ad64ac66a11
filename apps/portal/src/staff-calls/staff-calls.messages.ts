import type { Messages } from '../i18n/i18n.js';

/** Texts of centre staff: programmes and calls, publication, the evaluator pool (/biuro/nabory). Keys start with `staffCalls.`. */
export const STAFF_CALLS_MESSAGES: Messages = {
  pl: {},
  en: {},
};
