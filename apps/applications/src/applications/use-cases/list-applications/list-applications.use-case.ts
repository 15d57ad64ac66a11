import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isStaff, type AuthUser } from '@app/common';
import type { Page } from '../../../shared/access.js';
import { Application, type ApplicationState } from '../../application.entity.js';

export interface ListApplicationsCriteria {
  readonly user: AuthUser;
  readonly callId?: string;
  readonly state?: ApplicationState;
  /** TERYT code of the applicant's seat. */
  readonly county?: string;
  /** Reference number or entity name (part of it, any case). */
  readonly q?: string;
  readonly page: number;
  readonly pageSize: number;
}

/** An applicant's own applications, or all of them for the staff; newest first, filtered, paged. */
@Injectable()
export class ListApplicationsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: ListApplicationsCriteria): Promise<Page<Application>> {
    const { user } = query;
    const qb = this.dataSource.getRepository(Application).createQueryBuilder('a');
    if (!isStaff(user)) qb.andWhere('a.applicant_id = :me', { me: user.id });
    if (query.callId) qb.andWhere('a.call_id = :callId', { callId: query.callId });
    if (query.state) qb.andWhere('a.state = :state', { state: query.state });
    if (query.county) qb.andWhere('a.county = :county', { county: query.county });
    if (query.q) {
      const pattern = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(a.reference ILIKE :q OR a.entity_name ILIKE :q)', { q: pattern });
    }
    const [items, total] = await qb
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
