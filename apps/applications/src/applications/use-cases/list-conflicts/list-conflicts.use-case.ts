import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError, isStaff, type AuthUser } from '@app/common';
import type { CrossApplicationConflict } from '../../../domain/cross-application.js';
import { findVisibleApplication, NO_SUCH_APPLICATION } from '../../application-access.js';
import { crossApplicationConflictsOf } from '../../cross-application.query.js';

export interface ListConflictsQuery {
  readonly user: AuthUser;
  readonly applicationId: string;
}

/**
 * Conflicts with other applications (docs/product.md#rules-across-applications), for the staff
 * only: to anyone else the list does not exist (404, as for an application they cannot see).
 */
@Injectable()
export class ListConflictsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ user, applicationId }: ListConflictsQuery): Promise<CrossApplicationConflict[]> {
    if (!isStaff(user)) throw ApiError.notFound(NO_SUCH_APPLICATION);
    const manager = this.dataSource.manager;
    const application = await findVisibleApplication(manager, user, applicationId);
    return crossApplicationConflictsOf(manager, application);
  }
}
