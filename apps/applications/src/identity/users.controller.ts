import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CurrentUser, Roles, type AuthUser, UuidPipe } from '@app/common';
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
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly listUsers: ListUsersUseCase,
    private readonly changeRole: ChangeRoleUseCase,
    private readonly setDisabled: SetDisabledUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Accounts, by e-mail address (filter by role or part of e-mail/name)' })
  @ApiOkResponse({ type: UsersPage })
  async list(@Query() query: UsersQuery): Promise<UsersPage> {
    const page = await this.listUsers.execute({
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
  @ApiErrors(IdentityErrors.OWN_ACCOUNT)
  async role(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<UserView> {
    return userView(
      await this.changeRole.execute({ actorId: caller.id, userId: id, role: dto.role }),
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
    return userView(
      await this.setDisabled.execute({ actorId: caller.id, userId: id, disabled: false }),
    );
  }
}
