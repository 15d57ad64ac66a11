import type { Messages } from '../i18n/i18n.js';

/** Texts of the evaluator’s pages (/ocena): assignments, declaration, read-only application, scoring. Keys start with `evaluation.`. */
export const EVALUATION_MESSAGES: Messages = {
  pl: {},
  en: {},
};
