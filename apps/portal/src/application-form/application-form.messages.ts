import type { Messages } from '../i18n/i18n.js';

export const FORM_MESSAGES: Messages = {
  pl: {},
  en: {},
};
