import type { Messages } from '../i18n/i18n.js';

/** Texts of the regional coordinator’s view of every centre (/region). Keys start with `region.`. */
export const REGION_MESSAGES: Messages = {
  pl: {},
  en: {},
};
