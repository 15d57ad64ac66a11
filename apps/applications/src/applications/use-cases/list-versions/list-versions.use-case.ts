import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toWarsawIso, type AuthUser } from '@app/common';
import { diffForms } from '../../../domain/form-diff.js';
import { findVisibleApplication } from '../../application-access.js';
import { ApplicationVersion } from '../../application.entity.js';

export interface ListVersionsQuery {
  readonly user: AuthUser;
  readonly applicationId: string;
}

/** The submitted versions of an application the caller may see, each with what changed since the one before. */
@Injectable()
export class ListVersionsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ user, applicationId }: ListVersionsQuery) {
    const application = await findVisibleApplication(this.dataSource.manager, user, applicationId);
    const versions = await this.dataSource.getRepository(ApplicationVersion).find({
      where: { applicationId: application.id },
      order: { version: 'ASC' },
    });
    return {
      items: versions.map((v, i) => ({
        version: v.version,
        submittedAt: toWarsawIso(v.submittedAt),
        amount: v.amount,
        form: v.form,
        changes: i === 0 ? null : diffForms(versions[i - 1].form, v.form),
      })),
    };
  }
}
