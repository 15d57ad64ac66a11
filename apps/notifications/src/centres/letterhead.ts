/**
 * Whose name a letter is written and sent in (docs/tenancy.md#letters) — plain TypeScript.
 *
 * - A letter of the installation (account verification, password reset, registration attempt:
 *   events without a centre) goes from MAIL_FROM, Reply-To MAIL_REPLY_TO, in the generic frame.
 * - A letter of a centre goes from the centre's sender name and address, Reply-To the centre's
 *   contact e-mail, names the centre in its header and footer and ends with the centre's
 *   signature; escalations go to the centre's operators' mailbox (OPERATOR_EMAILS when it has
 *   none).
 * - Centre no. 1 before the applications service published it (version 0) is the installation as
 *   it was before tenancy: MAIL_FROM, MAIL_REPLY_TO, OPERATOR_EMAILS, the generic frame.
 */

/** A centre as the read model keeps it (`notifications.centres`). */
export interface CentreRecord {
  id: string;
  number: number;
  name: string;
  senderName: string;
  senderEmail: string;
  signature: string;
  operatorsMailbox: string[];
  contactEmail: string | null;
  active: boolean;
  version: number;
}

/** What a letter's frame says of the centre (null: the generic frame of the installation). */
export interface CentreFrame {
  name: string;
  signature: string;
}

/** The sender of one letter, frozen on its delivery when it is queued. */
export interface Letterhead {
  /** The centre the letter is of; null for a letter of the installation. */
  centreId: string | null;
  /** The From header, as nodemailer takes it. */
  mailFrom: string;
  replyTo: string | null;
  frame: CentreFrame | null;
}

export interface InstallationMail {
  MAIL_FROM: string;
  MAIL_REPLY_TO?: string;
  OPERATOR_EMAILS: readonly string[];
}

/** The letterhead of a letter of the installation. */
export function installationLetterhead(env: InstallationMail): Letterhead {
  return {
    centreId: null,
    mailFrom: env.MAIL_FROM,
    replyTo: env.MAIL_REPLY_TO ?? null,
    frame: null,
  };
}

/** True while centre no. 1 is still the installation's own identity (not yet published). */
export const isUnpublished = (centre: CentreRecord) => centre.version === 0;

/** The letterhead of a letter of `centre`. */
export function centreLetterhead(centre: CentreRecord, env: InstallationMail): Letterhead {
  if (isUnpublished(centre)) return { ...installationLetterhead(env), centreId: centre.id };
  return {
    centreId: centre.id,
    mailFrom: formatAddress(centre.senderName, centre.senderEmail),
    replyTo: centre.contactEmail || null,
    frame: { name: centre.name, signature: centre.signature },
  };
}

/** Where a centre's escalations go: its operators' mailbox, or OPERATOR_EMAILS when it has none. */
export function operatorsOf(centre: CentreRecord | null, env: InstallationMail): readonly string[] {
  if (centre && centre.operatorsMailbox.length > 0) return centre.operatorsMailbox;
  return env.OPERATOR_EMAILS;
}

/** `Name <address>` for a From header; the name quoted when it needs it, never a line break. */
export function formatAddress(name: string, address: string): string {
  const clean = name.replace(/[\r\n\t]+/g, ' ').trim();
  if (!clean) return address;
  if (/^[\p{L}\p{N} ]+$/u.test(clean)) return `${clean} <${address}>`;
  return `"${clean.replace(/["\\]/g, '\\$&')}" <${address}>`;
}

/**
 * `MAIL_FROM` split into its display name and address ('OWES Grants <no-reply@owes.local>', or a
 * bare address), for centre no. 1's row before it is published.
 */
export function parseAddress(value: string): { name: string; address: string } {
  const match = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(value);
  if (!match) return { name: '', address: value.trim() };
  const name = match[1].replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1');
  return { name, address: match[2].trim() };
}
