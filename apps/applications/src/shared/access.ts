import type { EntityManager } from 'typeorm';
import { ApiError, type Recipient } from '@app/common';
import { User } from '../identity/user.entity.js';

export const FORM_INVALID = {
  pl: 'Formularz zawiera błędy: popraw wskazane pola',
  en: 'The form has errors: correct the fields listed',
};

export async function recipientOf(manager: EntityManager, userId: string): Promise<Recipient> {
  const user = await manager.findOne(User, { where: { id: userId } });
  if (!user) throw ApiError.notFound();
  return { userId: user.id, email: user.email, name: user.fullName, language: user.language };
}

/** Pagination shared by the lists. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
