import type { Messages } from '../i18n/i18n.js';

export const GROUPS_MESSAGES: Messages = {
  pl: {},
  en: {},
};
