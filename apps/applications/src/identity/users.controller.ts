import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ApiError, ApiErrors, CurrentUser, Roles, type AuthUser, UuidPipe } from '@app/common';

const isPlatformAdmin = (user: AuthUser) => user.roles.includes('platform-admin');
import { CentresErrors } from '../centres/centres.errors.js';
import { IdentityErrors } from './identity.errors.js';
import type { User } from './user.entity.js';
import { ChangeRoleDto, UsersPage, UsersQuery, UserView } from './users.dto.js';
import { ChangeRoleUseCase } from './use-cases/change-role/change-role.use-case.js';
import { ListUsersUseCase } from './use-cases/list-users/list-users.use-case.js';
import { SetDisabledUseCase } from './use-cases/set-disabled/set-disabled.use-case.js';

/** An account as the administrator sees it (never the password hash). */
export function userView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    language: user.language,
    emailVerified: user.emailVerifiedAt !== null,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

/**
 * Account administration (docs/product.md#accounts), admins only. A role change or disable takes
 * effect at once here and within seconds in the other services
 * (docs/architecture.md#sessions-and-revocation).
 */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin', 'platform-admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly listUsers: ListUsersUseCase,
    private readonly changeRole: ChangeRoleUseCase,
    private readonly setDisabled: SetDisabledUseCase,
  ) {}

  /**
   * A centre admin manages only the staff of its centres (docs/tenancy.md#roles): any other
   * account is answered 404, as if it did not exist; the platform administrator manages every one.
   */
  private async assertManages(caller: AuthUser, userId: string): Promise<void> {
    if (isPlatformAdmin(caller)) return;
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM applications.centre_staff WHERE user_id = $1 AND centre_id = ANY($2::uuid[]) LIMIT 1`,
      [userId, caller.centres],
    );
    if (rows.length === 0) throw ApiError.notFound();
  }

  @Get()
  @ApiOperation({ summary: 'Accounts, by e-mail address (filter by role or part of e-mail/name)' })
  @ApiOkResponse({ type: UsersPage })
  async list(@CurrentUser() caller: AuthUser, @Query() query: UsersQuery): Promise<UsersPage> {
    const page = await this.listUsers.execute({
      centres: isPlatformAdmin(caller) ? undefined : caller.centres,
      page: query.page,
      pageSize: query.pageSize,
      role: query.role,
      q: query.q,
    });
    return { ...page, items: page.items.map(userView) };
  }

  @Put(':id/role')
  @ApiOperation({ summary: 'Change an account’s role (audited; its old tokens are refused)' })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(IdentityErrors.OWN_ACCOUNT, CentresErrors.CENTRE_REQUIRED)
  async role(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<UserView> {
    await this.assertManages(caller, id);
    // Installation-wide roles are given only by the platform administrator.
    if (!isPlatformAdmin(caller) && (dto.role === 'platform-admin' || dto.role === 'coordinator'))
      throw ApiError.forbidden();
    return userView(
      await this.changeRole.execute({
        actorId: caller.id,
        userId: id,
        role: dto.role,
        actorCentres: isPlatformAdmin(caller) ? [] : caller.centres,
      }),
    );
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account: every session ends, no login (audited)' })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(IdentityErrors.OWN_ACCOUNT)
  async disable(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<UserView> {
    await this.assertManages(caller, id);
    return userView(
      await this.setDisabled.execute({ actorId: caller.id, userId: id, disabled: true }),
    );
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account again (audited)' })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(IdentityErrors.OWN_ACCOUNT)
  async enable(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<UserView> {
    await this.assertManages(caller, id);
    return userView(
      await this.setDisabled.execute({ actorId: caller.id, userId: id, disabled: false }),
    );
  }
}
