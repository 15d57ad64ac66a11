import type { Messages } from '../i18n/i18n.js';

export const INFO_MESSAGES: Messages = {
  pl: {},
  en: {},
};
