import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { Clock, type Lang, type Recipient } from '@app/common';

/** Recipients' language preferences, stored per user id and e-mail address. */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The language to write to a recipient in: their stored preference, else the event's. */
  async languageFor(manager: EntityManager, recipient: Recipient): Promise<Lang> {
    const rows: { language: Lang }[] = await manager.query(
      `SELECT language FROM notifications.preferences
        WHERE user_id = $1 OR email = $2
        ORDER BY (user_id IS NOT DISTINCT FROM $1) DESC, updated_at DESC
        LIMIT 1`,
      [recipient.userId ?? null, recipient.email.toLowerCase()],
    );
    return rows[0]?.language ?? recipient.language;
  }

  async get(userId: string): Promise<{ language: Lang; updatedAt: Date } | null> {
    const rows: { language: Lang; updated_at: Date }[] = await this.dataSource.query(
      `SELECT language, updated_at FROM notifications.preferences WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ? { language: rows[0].language, updatedAt: rows[0].updated_at } : null;
  }

  async set(
    userId: string,
    email: string | null,
    language: Lang,
  ): Promise<{ language: Lang; updatedAt: Date }> {
    const now = this.clock.now();
    await this.dataSource.query(
      `INSERT INTO notifications.preferences (user_id, email, language, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, language = EXCLUDED.language, updated_at = EXCLUDED.updated_at`,
      [userId, email ? email.toLowerCase() : null, language, now],
    );
    return { language, updatedAt: now };
  }
}
