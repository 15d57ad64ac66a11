import type { Messages } from '../i18n/i18n.js';

export const CALLS_MESSAGES: Messages = {
  pl: {},
  en: {},
};
