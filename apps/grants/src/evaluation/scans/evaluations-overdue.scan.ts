import { Injectable } from '@nestjs/common';
import { Clock, OutboxService } from '@app/common';
import type { ScanBatch } from '../../shared/scan-batch.js';

/**
 * Scheduler scan: evaluations not in by their due date (assigned or declared, due before today)
 * are reported overdue once (`grants.evaluation.overdue`, to the evaluator and the operators).
 * They are not taken away. One batch per call; returns how many it reported.
 */
@Injectable()
export class EvaluationsOverdueScan {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  execute({ today, limit }: ScanBatch): Promise<number> {
    return this.outbox.transaction(async (manager, emit) => {
      const rows: {
        id: string;
        application_id: string;
        call_id: string;
        round: 'first' | 'third' | 'appeal';
        due_date: string;
        reference: string;
        number: string;
        email: string;
        name: string;
        language: 'pl' | 'en';
        evaluator_id: string;
        centre_id: string;
      }[] = await manager.query(
        `SELECT e.id, e.application_id, e.call_id, e.round, e.due_date::text AS due_date, e.evaluator_id, e.centre_id,
                a.reference, c.number, p.email, p.name, p.language
           FROM grants.evaluations e
           JOIN grants.applications a ON a.id = e.application_id
           JOIN grants.calls c ON c.id = e.call_id
           JOIN grants.call_evaluators p ON p.call_id = e.call_id AND p.user_id = e.evaluator_id
          WHERE e.status IN ('assigned', 'declared') AND e.overdue_notified_at IS NULL AND e.due_date < $1
          ORDER BY e.due_date LIMIT $2 FOR UPDATE OF e SKIP LOCKED`,
        [today, limit],
      );
      for (const r of rows) {
        await manager.query(
          `UPDATE grants.evaluations SET overdue_notified_at = $2 WHERE id = $1`,
          [r.id, this.clock.now()],
        );
        await emit('grants.evaluation.overdue', {
          centreId: r.centre_id,
          evaluationId: r.id,
          applicationId: r.application_id,
          reference: r.reference,
          callId: r.call_id,
          callNumber: r.number,
          round: r.round,
          dueDate: r.due_date,
          evaluator: { userId: r.evaluator_id, email: r.email, name: r.name, language: r.language },
        });
      }
      return rows.length;
    });
  }
}
