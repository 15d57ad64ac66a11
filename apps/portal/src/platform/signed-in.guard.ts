import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { SignInRequired } from './errors.js';

/** A page for signed-in people: anyone else is sent to sign in and brought back. */
@Injectable()
export class SignedInGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.session?.user) throw new SignInRequired();
    return true;
  }
}
