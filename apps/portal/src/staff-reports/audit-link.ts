/**
 * The kinds of record whose history `/biuro/historia` shows: those of the applications service
 * (an application's and a group's own life) and of the grants service (evaluation, decisions,
 * awards…). An application's history joins both services' entries.
 */
export const AUDITED_KINDS = [
  'application',
  'initiative-group',
  'call',
  'programme',
  'evaluation',
  'decision',
  'appeal',
  'award',
  'award-job',
  'job-report',
  'bridging-extension',
] as const;

export type AuditedKind = (typeof AUDITED_KINDS)[number];

export function isAuditedKind(value: unknown): value is AuditedKind {
  return typeof value === 'string' && (AUDITED_KINDS as readonly string[]).includes(value);
}

/**
 * The link to a record's history (who changed what, when), for any staff page:
 * `auditLink('application', app.id)` → `/biuro/historia?typ=application&id=…`.
 */
export function auditLink(entity: AuditedKind, id: string): string {
  return `/biuro/historia?typ=${encodeURIComponent(entity)}&id=${encodeURIComponent(id)}`;
}
