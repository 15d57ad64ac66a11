/**
 * `operator` and `admin` are a centre's staff (of the centres in the token's `ctr`); `coordinator`
 * reads the figures of the centres of a region; `platform-admin` runs the installation (creates
 * centres). See docs/tenancy.md#roles.
 */
export const ROLES = [
  'applicant',
  'operator',
  'evaluator',
  'admin',
  'coordinator',
  'platform-admin',
] as const;
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
  /**
   * The centres the caller works for (`ctr`): a staff member's centres, a coordinator's region;
   * empty for everyone else.
   */
  centres: string[];
}

/** Operators and admins (the centre's staff) see everything; others only what is theirs. */
export function isStaff(user: AuthUser): boolean {
  return user.roles.includes('operator') || user.roles.includes('admin');
}
