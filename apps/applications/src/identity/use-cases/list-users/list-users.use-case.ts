import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@app/common';
import { User } from '../../user.entity.js';

export interface ListUsersQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly role?: Role;
  /** Part of the e-mail address or name (case-insensitive). */
  readonly q?: string;
  /** Only the staff of these centres (a centre admin's view); every account when absent. */
  readonly centres?: readonly string[];
}

/** Accounts for the administrator, by e-mail address (docs/product.md#accounts). */
@Injectable()
export class ListUsersUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: ListUsersQuery) {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u');
    if (query.centres) {
      qb.andWhere(
        'u.id IN (SELECT s.user_id FROM applications.centre_staff s WHERE s.centre_id = ANY(:centres))',
        { centres: [...query.centres] },
      );
    }
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.q) {
      const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(u.email LIKE :like OR lower(u.fullName) LIKE :like)', { like });
    }
    const [items, total] = await qb
      .orderBy('u.email', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
