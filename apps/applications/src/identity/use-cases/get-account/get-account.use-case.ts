import { Injectable } from '@nestjs/common';
import { ApiError } from '@app/common';
import type { User } from '../../user.entity.js';
import { UsersService } from '../../users.service.js';

export interface GetAccountQuery {
  readonly userId: string;
}

/** The caller's own account (404 when it no longer exists). */
@Injectable()
export class GetAccountUseCase {
  constructor(private readonly users: UsersService) {}

  async execute({ userId }: GetAccountQuery): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw ApiError.notFound();
    return user;
  }
}
