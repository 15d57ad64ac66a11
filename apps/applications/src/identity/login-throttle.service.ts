import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError, Clock, PLATFORM_ERRORS } from '@app/common';
import { ApplicationsEnv } from '../config/applications.env.js';
import {
  liveFailures,
  secondsUntilAllowed,
  type ThrottlePolicy,
} from '../domain/login-throttle.js';

/** 429 TOO_MANY_REQUESTS carrying how long to wait (the controller sets `Retry-After`). */
export class TooManyAttempts extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(PLATFORM_ERRORS.TOO_MANY_REQUESTS, {
      pl: `Zbyt wiele nieudanych prób logowania; spróbuj ponownie za ${retryAfterSeconds} s albo ustaw nowe hasło`,
      en: `Too many failed login attempts; try again in ${retryAfterSeconds} s or reset your password`,
    });
  }
}

/**
 * Login throttling shared by replicas (ASVS 2.2.1; docs/architecture.md#login-throttling): the
 * failures per account (the e-mail named, whether or not it exists) and per client address
 * (whatever the accounts) are rows of `applications.login_throttle`. An attempt first takes both
 * rows' locks (account before address, so no two attempts deadlock), is refused while either
 * must wait (domain/login-throttle.ts), and otherwise counts as a failure until it succeeds — so
 * parallel guesses cannot slip between the check and the count. Time comes from the Clock.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: ApplicationsEnv,
    private readonly clock: Clock,
  ) {}

  private policy(kind: 'account' | 'address'): ThrottlePolicy {
    return {
      freeFailures:
        kind === 'account'
          ? this.env.LOGIN_ACCOUNT_FREE_FAILURES
          : this.env.LOGIN_ADDRESS_FREE_FAILURES,
      maxDelaySeconds: this.env.LOGIN_MAX_DELAY_SECONDS,
      forgetAfterSeconds: this.env.LOGIN_FAILURES_TTL_SECONDS,
    };
  }

  private keys(email: string, address: string) {
    return { account: `account:${email}`, address: `address:${address}` };
  }

  /** Refuses the attempt with TooManyAttempts, or counts it as a failure until `succeeded`. */
  async attempt(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO applications.login_throttle (key, failures, last_failure_at)
         VALUES ($1, 0, $3), ($2, 0, $3) ON CONFLICT (key) DO NOTHING`,
        [keys.account, keys.address, now],
      );
      const rows: { key: string; failures: number; last_failure_at: Date }[] = await manager.query(
        `SELECT key, failures, last_failure_at FROM applications.login_throttle
          WHERE key = ANY($1) ORDER BY key FOR UPDATE`,
        [[keys.account, keys.address]],
      );
      let wait = 0;
      for (const row of rows) {
        const policy = this.policy(row.key === keys.account ? 'account' : 'address');
        const state = { failures: row.failures, lastFailureAt: new Date(row.last_failure_at) };
        wait = Math.max(wait, secondsUntilAllowed(state, now, policy));
        row.failures = liveFailures(state, now, policy) + 1;
      }
      if (wait > 0) throw new TooManyAttempts(wait);
      for (const row of rows) {
        await manager.query(
          `UPDATE applications.login_throttle SET failures = $2, last_failure_at = $3 WHERE key = $1`,
          [row.key, row.failures, now],
        );
      }
    });
  }

  /** The attempt succeeded: the account's failures are cleared, the address's attempt uncounted. */
  async succeeded(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    await this.dataSource.query(`DELETE FROM applications.login_throttle WHERE key = $1`, [
      keys.account,
    ]);
    await this.dataSource.query(
      `UPDATE applications.login_throttle SET failures = GREATEST(failures - 1, 0) WHERE key = $1`,
      [keys.address],
    );
  }

  /** A password reset clears the account's failures (the owner proved the mailbox). */
  async clearAccount(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM applications.login_throttle WHERE key = $1`, [
      this.keys(email, '').account,
    ]);
  }
}
