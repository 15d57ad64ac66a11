import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as polish from '@zxcvbn-ts/language-pl';

/**
 * Refusing common and guessable passwords (ASVS 2.1.7; docs/product.md#accounts) with zxcvbn-ts,
 * a maintained strength estimator: its common dictionary (leaked passwords, diceware words,
 * keyboard patterns) and the Polish one (common words, first names and surnames, Wikipedia), plus
 * what the estimator is told of the person (e-mail local part and name). Its Polish feedback
 * names the reason; the English answer explains it in general terms.
 */
const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...polish.dictionary },
  graphs: common.adjacencyGraphs,
  translations: polish.translations,
});

export interface PasswordVerdict {
  ok: boolean;
  score: number;
  /** Why it is refused, in Polish (the estimator's own warning and suggestions). */
  reasonPl: string;
}

/** Words of the person that the password must not lean on: the e-mail and its parts, the name. */
export function personalInputs(email: string, fullName?: string): string[] {
  const local = email.split('@')[0] ?? '';
  return [email, local, ...local.split(/[._+-]+/), ...(fullName ?? '').split(/\s+/), fullName ?? '']
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word.length >= 3);
}

/** Scores a password 0–4 (zxcvbn); below `minScore` it is refused, with the estimator's reason. */
export function checkPasswordStrength(
  password: string,
  personal: string[],
  minScore: number,
): PasswordVerdict {
  // zxcvbn's work grows with the length; 200 characters is the API's cap anyway.
  const result = estimator.check(password.slice(0, 200), personal);
  const ok = result.score >= minScore;
  const parts = [result.feedback.warning, ...result.feedback.suggestions].filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  );
  return {
    ok,
    score: result.score,
    reasonPl: parts.length > 0 ? parts.join(' ') : 'Dodaj więcej mniej popularnych słów.',
  };
}
