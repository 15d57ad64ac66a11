import type { EntityManager } from 'typeorm';
import { ApiError, type Recipient } from '@app/common';
import { User } from '../identity/user.entity.js';

/** Who an event's messages go to: the account's address, name and language. */
export async function recipientOf(manager: EntityManager, userId: string): Promise<Recipient> {
  const user = await manager.findOne(User, { where: { id: userId } });
  if (!user) throw ApiError.notFound();
  return recipientFromUser(user);
}

/** The recipient of an account already loaded. */
export function recipientFromUser(user: User): Recipient {
  return { userId: user.id, email: user.email, name: user.fullName, language: user.language };
}
