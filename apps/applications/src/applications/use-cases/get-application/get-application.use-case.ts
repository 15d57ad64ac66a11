import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isStaff, type AuthUser } from '@app/common';
import type { CrossApplicationConflict } from '../../../domain/cross-application.js';
import { findVisibleApplication } from '../../application-access.js';
import type { Application } from '../../application.entity.js';
import { crossApplicationConflictsOf } from '../../cross-application.query.js';

export interface GetApplicationQuery {
  readonly user: AuthUser;
  readonly applicationId: string;
}

export interface ApplicationWithConflicts {
  application: Application;
  /** For the staff only: its conflicts with other applications (never shown to applicants). */
  conflicts?: CrossApplicationConflict[];
}

/** An application the caller may see; the staff's also with its conflicts with other applications. */
@Injectable()
export class GetApplicationUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ user, applicationId }: GetApplicationQuery): Promise<ApplicationWithConflicts> {
    const manager = this.dataSource.manager;
    const application = await findVisibleApplication(manager, user, applicationId);
    if (!isStaff(user)) return { application };
    return { application, conflicts: await crossApplicationConflictsOf(manager, application) };
  }
}
