import type { Messages } from '../i18n/i18n.js';

export const STATUS_MESSAGES: Messages = {
  pl: {},
  en: {},
};
