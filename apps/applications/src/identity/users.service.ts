import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock, type Role } from '@app/common';
import { Centre, CentreStaff } from '../centres/centre.entity.js';
import { activeCentres } from '../centres/centres.store.js';
import { User } from './user.entity.js';

const UNIQUE_VIOLATION = '23505';

/** A staff account needs its centre(s) named (several active centres) or named one unknown. */
export class CentreRequiredError extends Error {}

/** An account with the address exists already (registration answers as if it did not). */
export class EmailTakenError extends Error {}

/**
 * Accounts. Passwords are hashed with argon2id, which runs on libuv's thread pool, never on the
 * event loop.
 */
@Injectable()
export class UsersService {
  private dummyHash?: Promise<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates an account. Give `passwordHash` (from `hash()`) to keep the hashing out of a
   * transaction; `manager` to create it in the caller's transaction.
   */
  async create(
    input: {
      email: string;
      password?: string;
      passwordHash?: string;
      fullName: string;
      role: Role;
      language?: 'pl' | 'en';
      verified?: boolean;
      /**
       * The centres (ids) an operator or admin works for; when absent, the only active centre of
       * the installation (several active centres: an error, the centre must be named).
       */
      centres?: string[];
    },
    manager?: EntityManager,
  ): Promise<User> {
    const passwordHash = input.passwordHash ?? (await this.hash(input.password ?? ''));
    if (!manager)
      return this.dataSource.transaction((m) => this.create({ ...input, passwordHash }, m));
    const staff = input.role === 'operator' || input.role === 'admin';
    const centres = staff ? await this.staffCentres(manager, input.centres) : [];
    try {
      const repo = manager.getRepository(User);
      const user = await repo.save(
        repo.create({
          email: input.email.trim().toLowerCase(),
          passwordHash,
          fullName: input.fullName,
          role: input.role,
          language: input.language ?? 'pl',
          emailVerifiedAt: input.verified ? this.clock.now() : null,
        }),
      );
      for (const centreId of centres)
        await manager.insert(CentreStaff, { centreId, userId: user.id });
      return user;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new EmailTakenError('An account with this e-mail address already exists');
      }
      throw error;
    }
  }

  /** The centres a new staff account joins: those named (must exist), else the only active one. */
  private async staffCentres(manager: EntityManager, named?: string[]): Promise<string[]> {
    if (named && named.length > 0) {
      const known = await manager.find(Centre, { where: { id: In(named) } });
      const missing = named.filter((id) => !known.some((c) => c.id === id));
      if (missing.length > 0)
        throw new CentreRequiredError(`No such centre: ${missing.join(', ')}`);
      return [...new Set(named)];
    }
    const active = await activeCentres(manager);
    if (active.length === 1) return [active[0].id];
    throw new CentreRequiredError(
      active.length === 0
        ? 'There is no active centre to join'
        : 'Several centres are active: name the centre(s) of a staff account',
    );
  }

  /** The user when the password matches; otherwise null after the same amount of work. */
  async authenticate(email: string, password: string): Promise<User | null> {
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { email: email.trim().toLowerCase() } });
    if (!user) {
      this.dummyHash ??= argon2.hash('timing-equaliser', { type: argon2.argon2id });
      await argon2.verify(await this.dummyHash, password).catch(() => false);
      return null;
    }
    return (await argon2.verify(user.passwordHash, password)) ? user : null;
  }

  /** Whether the password is the account's (argon2id, off the event loop). */
  verifyPassword(user: User, password: string): Promise<boolean> {
    return argon2.verify(user.passwordHash, password).catch(() => false);
  }

  /** Hashes a password off the event loop (before a transaction opens). */
  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  findById(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOne({ where: { id } });
  }
}
