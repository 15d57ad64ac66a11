import { Injectable } from '@nestjs/common';
import { ApiError, AuditService, OutboxService } from '@app/common';
import { User } from '../../user.entity.js';

export interface ChangeLanguageCommand {
  readonly userId: string;
  /** The language of messages and e-mails. */
  readonly language: 'pl' | 'en';
}

/** The account's language for messages and e-mails; a change is audited, the same one is a no-op. */
@Injectable()
export class ChangeLanguageUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async execute({ userId, language }: ChangeLanguageCommand): Promise<User> {
    return this.outbox.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw ApiError.notFound();
      if (user.language !== language) {
        await this.audit.record(manager, {
          actorId: user.id,
          entityType: 'user',
          entityId: user.id,
          action: 'language-changed',
          changes: { from: user.language, to: language },
        });
        user.language = language;
        await manager.save(user);
      }
      return user;
    });
  }
}
