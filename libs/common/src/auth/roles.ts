export const ROLES = ['applicant', 'operator', 'evaluator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller, taken from a verified bearer token. */
export interface AuthUser {
  id: string;
  email: string;
  roles: Role[];
  language: 'pl' | 'en';
  /** The session the token belongs to (`sid`), when the identity module issued it. */
  sessionId?: string;
  /** The account's token version when the token was issued (`tv`; 0 when absent). */
  tokenVersion?: number;
}

/** Operators and admins (the centre's staff) see everything; others only what is theirs. */
export function isStaff(user: AuthUser): boolean {
  return user.roles.includes('operator') || user.roles.includes('admin');
}
