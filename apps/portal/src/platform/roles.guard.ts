import {
  applyDecorators,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { SignedInGuard } from './signed-in.guard.js';

const PORTAL_ROLES = 'owes:portal-roles';

/** Staff roles of a centre: operators, and centre admins who can do what operators do. */
export const CENTRE_STAFF = ['operator', 'admin'] as const;

/**
 * Checks the person's role before a staff page renders (a 403 page otherwise). The services
 * decide again on every call — this only spares a person a page they cannot use.
 */
@Injectable()
export class PortalRolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(PORTAL_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles?.length) return true;
    const user = context.switchToHttp().getRequest<Request>().session?.user;
    if (!user?.roles.some((role) => roles.includes(role))) throw new ForbiddenException();
    return true;
  }
}

/** `@PortalRoles('evaluator')` on a controller or handler: signed in, and with one of the roles. */
export function PortalRoles(...roles: string[]): ClassDecorator & MethodDecorator {
  return applyDecorators(
    SetMetadata(PORTAL_ROLES, roles),
    UseGuards(SignedInGuard, PortalRolesGuard),
  );
}
