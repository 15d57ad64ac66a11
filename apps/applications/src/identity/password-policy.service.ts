import { Injectable } from '@nestjs/common';
import { ApiError } from '@app/common';
import { ApplicationsEnv } from '../config/applications.env.js';
import { checkPasswordStrength, personalInputs } from '../domain/password-strength.js';
import { IdentityErrors } from './identity.errors.js';

/**
 * Applies the strength rule (domain/password-strength.ts) to a new password at registration,
 * change and reset: below PASSWORD_MIN_SCORE it is refused with 400 PASSWORD_TOO_WEAK, the field
 * named, and the estimator's reason in Polish.
 */
@Injectable()
export class PasswordPolicy {
  constructor(private readonly env: ApplicationsEnv) {}

  assertStrong(password: string, person: { email: string; fullName?: string }, path: string) {
    const verdict = checkPasswordStrength(
      password,
      personalInputs(person.email, person.fullName),
      this.env.PASSWORD_MIN_SCORE,
    );
    if (verdict.ok) return;
    const message = {
      pl: `Hasło jest zbyt łatwe do odgadnięcia: ${verdict.reasonPl}`,
      en: 'The password is too easy to guess: it is a common password, word or name, a keyboard or repeated pattern, or built from your e-mail or name. Use a longer phrase of uncommon words.',
    };
    throw ApiError.badRequest(IdentityErrors.PASSWORD_TOO_WEAK, message, [{ path, message }]);
  }
}
