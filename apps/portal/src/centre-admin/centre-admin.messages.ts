import type { Messages } from '../i18n/i18n.js';

/** Texts of the centre admin: staff accounts and roles, the centre’s settings (/biuro/zespol). Keys start with `centreAdmin.`. */
export const CENTRE_ADMIN_MESSAGES: Messages = {
  pl: {},
  en: {},
};
