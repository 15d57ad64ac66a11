import type { Messages } from '../i18n/i18n.js';

/** Texts of centre staff: agreements, payments, bridging support, jobs, refunds, settlement (/biuro/umowy). Keys start with `awards.`. */
export const STAFF_AWARDS_MESSAGES: Messages = {
  pl: {},
  en: {},
};
