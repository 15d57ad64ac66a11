import { Injectable } from '@nestjs/common';
import { AuditService, Clock, OutboxService } from '@app/common';
import { ApplicationsEnv } from '../../../config/applications.env.js';
import { PasswordPolicy } from '../../password-policy.service.js';
import { User } from '../../user.entity.js';
import { EmailTakenError, UsersService } from '../../users.service.js';
import { VerificationService } from '../../verification.service.js';

export interface RegisterCommand {
  readonly email: string;
  readonly password: string;
  readonly fullName: string;
  readonly language?: 'pl' | 'en';
}

/**
 * Applicant registration (docs/product.md#accounts): the password must pass the strength rule;
 * a new address gets an account and a verification link. An address that already has an account
 * gets the same answer, and its owner an e-mail instead (someone tried to register with it: sign
 * in or reset the password), so the answer never tells whether an account exists.
 */
@Injectable()
export class RegisterUseCase {
  constructor(
    private readonly users: UsersService,
    private readonly verification: VerificationService,
    private readonly policy: PasswordPolicy,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly env: ApplicationsEnv,
    private readonly clock: Clock,
  ) {}

  async execute(command: RegisterCommand): Promise<void> {
    this.policy.assertStrong(command.password, command, 'password');
    const passwordHash = await this.users.hash(command.password);
    try {
      await this.outbox.transaction(async (manager, emit) => {
        const existing = await manager.findOne(User, { where: { email: command.email } });
        if (existing) {
          await emit('applications.account.registration-attempted', {
            userId: existing.id,
            loginUrl: new URL('/login', this.env.PUBLIC_WEB_URL).toString(),
            resetUrl: new URL('/forgot-password', this.env.PUBLIC_WEB_URL).toString(),
            attemptedAt: this.clock.now().toISOString(),
            recipient: {
              userId: existing.id,
              email: existing.email,
              name: existing.fullName,
              language: existing.language,
            },
          });
          return;
        }
        const user = await this.users.create(
          {
            email: command.email,
            passwordHash,
            fullName: command.fullName,
            role: 'applicant',
            language: command.language,
          },
          manager,
        );
        await this.audit.record(manager, {
          actorId: user.id,
          entityType: 'user',
          entityId: user.id,
          action: 'registered',
          toState: 'unverified',
        });
        await this.verification.requestVerification(manager, emit, user);
      });
    } catch (error) {
      // Registered a moment ago by a concurrent request: answered alike, nothing more to say.
      if (!(error instanceof EmailTakenError)) throw error;
    }
  }
}
