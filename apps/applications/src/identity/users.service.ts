import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { ApiError, type Role } from '@app/common';
import { User } from './user.entity.js';

const UNIQUE_VIOLATION = '23505';

/**
 * Accounts. Passwords are hashed with argon2id, which runs on libuv's thread pool, never on the
 * event loop.
 */
@Injectable()
export class UsersService {
  private dummyHash?: Promise<string>;

  constructor(private readonly dataSource: DataSource) {}

  async create(input: {
    email: string;
    password: string;
    fullName: string;
    role: Role;
    language?: 'pl' | 'en';
    verified?: boolean;
  }): Promise<User> {
    const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
    try {
      const repo = this.dataSource.getRepository(User);
      return await repo.save(
        repo.create({
          email: input.email.trim().toLowerCase(),
          passwordHash,
          fullName: input.fullName,
          role: input.role,
          language: input.language ?? 'pl',
          emailVerifiedAt: input.verified ? new Date() : null,
        }),
      );
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw ApiError.conflict('EMAIL_TAKEN', {
          pl: 'Konto z tym adresem e-mail już istnieje',
          en: 'An account with this e-mail address already exists',
        });
      }
      throw error;
    }
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

  findById(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOne({ where: { id } });
  }
}
