import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApplicationsEnv } from '../config/applications.env.js';

/**
 * Express's `trust proxy` value from `TRUST_PROXY`: unset or `false` = off, `true` = any proxy
 * (never wise on an open port), a whole number = that many hops, anything else as Express reads
 * it (`loopback`, `10.0.0.0/8, 127.0.0.1`).
 */
export function trustProxySetting(value: string | undefined): boolean | number | string {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '' || trimmed === 'false') return false;
  if (trimmed === 'true') return true;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

/**
 * Applies `TRUST_PROXY` to the service's Express app, so that behind a trusted proxy (the web
 * portal, which forwards its visitor's address) `req.ip` — the address login throttling and the
 * rate limits count — is the client's, not the proxy's. Off by default: then `X-Forwarded-For`
 * is ignored, and nobody can pick their own address by sending it.
 */
@Injectable()
export class TrustProxy implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly env: ApplicationsEnv,
  ) {}

  onModuleInit(): void {
    const instance = this.adapterHost.httpAdapter?.getInstance?.() as
      { set?: (name: string, value: unknown) => void } | undefined;
    instance?.set?.('trust proxy', trustProxySetting(this.env.TRUST_PROXY));
  }
}
