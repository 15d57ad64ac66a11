import { Injectable } from '@nestjs/common';
import { ApiError, Clock, OutboxService, type AuthUser } from '@app/common';
import { isEditable } from '../../../domain/application-lifecycle.js';
import { findOwnApplication } from '../../application-access.js';
import type { Application } from '../../application.entity.js';
import { ApplicationsErrors } from '../../applications.errors.js';
import { assertDraftTypes, copyListColumns } from '../../draft-form.js';

export interface UpdateDraftCommand {
  readonly user: AuthUser;
  readonly applicationId: string;
  /** The whole working copy of the form (partial data allowed: only the types are checked). */
  readonly form: Record<string, unknown>;
}

/** The applicant saves the draft, or the correction being prepared. */
@Injectable()
export class UpdateDraftUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async execute({ user, applicationId, form }: UpdateDraftCommand): Promise<Application> {
    await assertDraftTypes(form);
    return this.outbox.transaction(async (manager) => {
      const application = await findOwnApplication(manager, user, applicationId);
      if (!isEditable(application.state)) {
        throw ApiError.conflict(ApplicationsErrors.NOT_A_DRAFT, {
          pl: 'Złożonego wniosku nie można zmieniać (chyba że ośrodek wezwał do uzupełnienia braków)',
          en: 'A submitted application cannot be changed (unless the centre asked for corrections)',
        });
      }
      application.form = form;
      await copyListColumns(manager, application);
      application.updatedAt = this.clock.now();
      return manager.save(application);
    });
  }
}
