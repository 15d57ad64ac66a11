import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CriterionScore } from '../domain/index.js';
import { dateTransformer } from '../shared/transformers.js';

/** A member of a call's evaluation committee (KOW). */
@Entity({ name: 'call_evaluators', schema: 'grants' })
@Index('call_evaluators_user_idx', ['userId'])
export class CallEvaluator {
  @PrimaryColumn('uuid', { name: 'call_id' })
  callId: string;

  /** The centre the row belongs to (row-level policy `centre_wall`; docs/tenancy.md). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text')
  language: 'pl' | 'en';

  /**
   * A trainer or adviser of the centre: never evaluates
   * (docs/product.md#evaluation-ranking-and-appeal).
   */
  @Column('boolean', { name: 'trainer_or_adviser' })
  trainerOrAdviser: boolean;

  @Column('boolean')
  chair: boolean;

  @Column('timestamptz', { name: 'added_at' })
  addedAt: Date;
}

export type EvaluationRound = 'first' | 'third' | 'appeal';
export type EvaluationStatus = 'assigned' | 'declared' | 'submitted' | 'conflict' | 'cancelled';

/** One evaluator's assignment to (and scores of) one application. */
@Entity({ name: 'evaluations', schema: 'grants' })
@Index('evaluations_evaluator_idx', ['evaluatorId', 'assignedAt'])
export class Evaluation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The centre the row belongs to (row-level policy `centre_wall`; docs/tenancy.md). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('uuid', { name: 'application_id' })
  applicationId: string;

  @Column('uuid', { name: 'call_id' })
  callId: string;

  @Column('uuid', { name: 'evaluator_id' })
  evaluatorId: string;

  @Column('text')
  round: EvaluationRound;

  /** Assignment order within the application (1, 2, …). */
  @Column('int')
  seq: number;

  @Column('text')
  status: EvaluationStatus;

  @Column('timestamptz', { name: 'assigned_at' })
  assignedAt: Date;

  @Column('date', { name: 'due_date', transformer: dateTransformer })
  dueDate: string;

  @Column('timestamptz', { name: 'declared_at', nullable: true })
  declaredAt: Date | null;

  @Column('text', { name: 'conflict_reason', nullable: true })
  conflictReason: string | null;

  @Column('jsonb', { nullable: true })
  scores: CriterionScore[] | null;

  @Column('int', { nullable: true })
  total: number | null;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column('timestamptz', { name: 'overdue_notified_at', nullable: true })
  overdueNotifiedAt: Date | null;
}
