import type { MeResponse } from './auth.dto.js';
import type { User } from './user.entity.js';

/** An account as its owner sees it (never the password hash). */
export function accountView(user: User): MeResponse & { emailVerified: boolean } {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    language: user.language,
    emailVerified: user.emailVerifiedAt !== null,
  };
}
