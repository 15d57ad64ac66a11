import { backoffMs } from '@app/common';

/** The SMTP retry schedule's settings (docs/runbook.md#notifications). */
export interface RetrySchedule {
  /** The wait after the first failed attempt (MAIL_RETRY_BASE_MS); doubles with each. */
  baseMs: number;
  /** The longest wait between two attempts (MAIL_RETRY_MAX_MS). */
  maxMs: number;
  /** How long after its schedule started a delivery is still retried (MAIL_RETRY_FOR_HOURS). */
  forMs: number;
  /** A hard limit on attempts (MAIL_MAX_ATTEMPTS), when set; by default only time limits. */
  maxAttempts?: number;
}

/** What becomes of a delivery after a failed attempt. */
export type AfterFailure =
  | { kind: 'retry'; at: Date; delayMs: number }
  | { kind: 'fail'; reason: 'permanent' | 'attempts' | 'schedule' };

/** SMTP 5xx is permanent (the address or the message is refused), except 552 (mailbox full). */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600 && code !== 552;
}

/** The wait after the `attempt`-th failed send: base × 2^(attempt−1), capped (the shared `backoffMs`). */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  return backoffMs(attempt, { baseMs, maxMs });
}

/**
 * After the `attempts`-th failed attempt of a schedule that started at `startedAt`: a permanent
 * refusal fails at once; otherwise the next attempt comes after the capped exponential delay,
 * unless that would be past the schedule's end (`forMs` after its start) or the attempts are
 * used up — then the delivery fails. An SMTP outage shorter than `forMs` therefore loses nothing.
 */
export function afterFailure(
  failure: { attempts: number; startedAt: Date; now: Date; permanent: boolean },
  schedule: RetrySchedule,
): AfterFailure {
  if (failure.permanent) return { kind: 'fail', reason: 'permanent' };
  if (schedule.maxAttempts !== undefined && failure.attempts >= schedule.maxAttempts) {
    return { kind: 'fail', reason: 'attempts' };
  }
  const delayMs = retryDelayMs(failure.attempts, schedule.baseMs, schedule.maxMs);
  const at = new Date(failure.now.getTime() + delayMs);
  if (at.getTime() - failure.startedAt.getTime() > schedule.forMs) {
    return { kind: 'fail', reason: 'schedule' };
  }
  return { kind: 'retry', at, delayMs };
}

/**
 * The Message-ID of a delivery, the same on every attempt: `<delivery id@sender's domain>` (the
 * domain of MAIL_FROM's address), so a copy sent again after a crash is the same message to mail
 * stores and readers, which collapse it.
 */
export function messageIdFor(deliveryId: string, mailFrom: string): string {
  const address = /<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = /@([A-Za-z0-9.-]+)\s*$/.exec(address.trim())?.[1]?.toLowerCase();
  return `<${deliveryId}@${domain || 'owes-grants'}>`;
}
