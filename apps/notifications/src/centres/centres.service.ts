import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_CENTRE_ID, type EventPayload } from '@app/common';
import { NotificationsEnv } from '../config/notifications.env.js';
import { parseAddress, type CentreRecord } from './letterhead.js';

interface CentreRow {
  id: string;
  number: number;
  name: string;
  sender_name: string;
  sender_email: string;
  signature: string;
  operators_mailbox: string[];
  contact_email: string | null;
  active: boolean;
  version: number;
}

/**
 * The centres read model (`notifications.centres`, from `applications.centre.changed`): whose
 * name each letter goes out in (docs/tenancy.md#letters). Centre no. 1 starts at version 0 and,
 * until applications publishes it, takes its sender and operators' mailbox from this service's
 * env at every start (MAIL_FROM, MAIL_REPLY_TO, OPERATOR_EMAILS).
 */
@Injectable()
export class CentresService implements OnModuleInit {
  private readonly logger = new Logger('Centres');

  constructor(
    private readonly dataSource: DataSource,
    private readonly env: NotificationsEnv,
  ) {}

  async onModuleInit(): Promise<void> {
    const { name, address } = parseAddress(this.env.MAIL_FROM);
    const [, filled] = await this.dataSource.query(
      `UPDATE notifications.centres
          SET sender_name = $2, sender_email = $3, operators_mailbox = $4::text[], contact_email = $5
        WHERE id = $1 AND version = 0`,
      [DEFAULT_CENTRE_ID, name, address, this.env.OPERATOR_EMAILS, this.env.MAIL_REPLY_TO ?? null],
    );
    if (filled > 0) {
      this.logger.log(
        'Centre no. 1 is not published yet: its letters go from MAIL_FROM and its escalations to OPERATOR_EMAILS',
      );
    }
  }

  /** A centre as the read model has it, or null when no event about it has arrived yet. */
  async find(manager: EntityManager, id: string): Promise<CentreRecord | null> {
    const rows: CentreRow[] = await manager.query(
      `SELECT id, number, name, sender_name, sender_email, signature, operators_mailbox, contact_email, active, version
         FROM notifications.centres WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      number: r.number,
      name: r.name,
      senderName: r.sender_name,
      senderEmail: r.sender_email,
      signature: r.signature,
      operatorsMailbox: r.operators_mailbox,
      contactEmail: r.contact_email,
      active: r.active,
      version: r.version,
    };
  }

  /**
   * Applies `applications.centre.changed` in the handler's transaction: the highest version wins,
   * so a redelivered or late older version changes nothing.
   */
  async apply(
    manager: EntityManager,
    p: EventPayload<'applications.centre.changed'>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.centres (id, number, name, sender_name, sender_email, signature, operators_mailbox,
          contact_email, contact_phone, address, active, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10, $11, $12, $13)
       ON CONFLICT (id) DO UPDATE SET
         number = EXCLUDED.number, name = EXCLUDED.name, sender_name = EXCLUDED.sender_name,
         sender_email = EXCLUDED.sender_email, signature = EXCLUDED.signature,
         operators_mailbox = EXCLUDED.operators_mailbox, contact_email = EXCLUDED.contact_email,
         contact_phone = EXCLUDED.contact_phone, address = EXCLUDED.address, active = EXCLUDED.active,
         version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
       WHERE notifications.centres.version < EXCLUDED.version`,
      [
        p.centreId,
        p.number,
        p.name,
        p.mail.senderName,
        p.mail.senderEmail,
        p.mail.signature,
        p.mail.operatorsMailbox.map((e) => e.toLowerCase()),
        p.contact.email,
        p.contact.phone,
        p.address,
        p.active,
        p.version,
        p.changedAt,
      ],
    );
  }
}
