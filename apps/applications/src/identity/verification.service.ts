import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApiError, Clock, OutboxService, type Emit, AuditService } from '@app/common';
import { ApplicationsEnv } from '../config/applications.env.js';
import { IdentityErrors } from './identity.errors.js';
import { EmailVerification, User } from './user.entity.js';

import { linkWithToken, oneTimeToken, sha256 } from './one-time-token.js';
import { recipientFromUser } from '../shared/recipients.js';

const INVALID_TOKEN = {
  pl: 'Link weryfikacyjny jest nieprawidłowy lub został już użyty',
  en: 'The verification link is invalid or has already been used',
};

/**
 * E-mail verification of new accounts: a one-time random token (only its SHA-256 is
 * stored) that expires; the link goes out as `applications.account.verification-requested`
 * (notifications mails it) in the same transaction as the account.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly env: ApplicationsEnv,
    private readonly clock: Clock,
  ) {}

  /** A new one-time link, e-mailed by notifications (in the caller's transaction). */
  async requestVerification(manager: EntityManager, emit: Emit, user: User): Promise<void> {
    const { token, tokenHash } = oneTimeToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.env.EMAIL_VERIFICATION_TTL_HOURS * 3_600_000);
    await manager.insert(EmailVerification, {
      tokenHash,
      userId: user.id,
      expiresAt,
      usedAt: null,
      createdAt: now,
    });
    await emit('applications.account.verification-requested', {
      userId: user.id,
      verificationUrl: linkWithToken(this.env.PUBLIC_WEB_URL, '/verify-email', token),
      expiresAt: expiresAt.toISOString(),
      recipient: recipientFromUser(user),
    });
  }

  /** Uses a token once: the account's e-mail is verified. */
  async verify(token: string): Promise<User> {
    return this.outbox.transaction(async (manager) => {
      const row = await manager.findOne(EmailVerification, {
        where: { tokenHash: sha256(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || row.usedAt)
        throw ApiError.badRequest(IdentityErrors.VERIFICATION_TOKEN_INVALID, INVALID_TOKEN);
      const now = this.clock.now();
      if (row.expiresAt <= now) {
        throw ApiError.badRequest(IdentityErrors.VERIFICATION_TOKEN_EXPIRED, {
          pl: 'Link weryfikacyjny wygasł; zarejestruj się ponownie lub poproś o nowy link',
          en: 'The verification link has expired; ask for a new one',
        });
      }
      row.usedAt = now;
      await manager.save(row);
      const user = await manager.findOneOrFail(User, { where: { id: row.userId } });
      if (!user.emailVerifiedAt) {
        user.emailVerifiedAt = now;
        await manager.save(user);
        await this.audit.record(manager, {
          actorId: user.id,
          entityType: 'user',
          entityId: user.id,
          action: 'email-verified',
          fromState: 'unverified',
          toState: 'verified',
        });
      }
      return user;
    });
  }

  /**
   * Sends a new link to an unverified account (earlier links stop working). Answers the same
   * whether or not the account exists, so it reveals nothing.
   */
  async resend(email: string): Promise<void> {
    await this.outbox.transaction(async (manager, emit) => {
      const user = await manager.findOne(User, { where: { email: email.trim().toLowerCase() } });
      if (!user || user.emailVerifiedAt) return;
      await manager.query(
        `UPDATE applications.email_verifications SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`,
        [user.id, this.clock.now()],
      );
      await this.requestVerification(manager, emit, user);
    });
  }
}
