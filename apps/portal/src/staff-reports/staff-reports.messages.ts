import type { Messages } from '../i18n/i18n.js';

/** Texts of centre staff: indicators, the delivery log, reminders, the audit trail. Keys start with `staffReports.`. */
export const STAFF_REPORTS_MESSAGES: Messages = {
  pl: {},
  en: {},
};
