import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addOutboxSequence, dropOutboxSequence } from '@app/common';

/** The relay publishes in commit order (events of one transaction share a timestamp). */
export class OutboxSequence1700000000003 implements MigrationInterface {
  name = 'OutboxSequence1700000000003';

  async up(q: QueryRunner): Promise<void> {
    await addOutboxSequence(q, 'applications');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxSequence(q, 'applications');
  }
}
