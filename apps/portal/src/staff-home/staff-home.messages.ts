import type { Messages } from '../i18n/i18n.js';

/** Texts of the centre staff’s start page (/biuro): the to-do list. Keys start with `staffHome.`. */
export const STAFF_HOME_MESSAGES: Messages = {
  pl: {},
  en: {},
};
