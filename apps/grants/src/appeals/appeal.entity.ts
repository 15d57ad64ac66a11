import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { scoreTransformer } from '../shared/transformers.js';

export type AppealStatus = 'pending' | 'upheld' | 'dismissed';

/** An appeal (odwołanie) against a decision, naming the contested criteria. */
@Entity({ name: 'appeals', schema: 'grants' })
@Index('appeals_decision_key', ['decisionId'], { unique: true })
@Index('appeals_call_idx', ['callId', 'status'])
export class Appeal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The centre the row belongs to (row-level policy `centre_wall`; docs/tenancy.md). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('uuid', { name: 'decision_id' })
  decisionId: string;

  @Column('uuid', { name: 'application_id' })
  applicationId: string;

  @Column('uuid', { name: 'call_id' })
  callId: string;

  @Column('text', { array: true })
  criteria: string[];

  @Column('text')
  justification: string;

  @Column('uuid', { name: 'filed_by' })
  filedBy: string;

  @Column('timestamptz', { name: 'filed_at' })
  filedAt: Date;

  @Column('text')
  status: AppealStatus;

  @Column('uuid', { name: 'evaluation_id', nullable: true })
  evaluationId: string | null;

  @Column('numeric', { name: 'score_before', transformer: scoreTransformer })
  scoreBefore: number;

  @Column('numeric', { name: 'score_after', nullable: true, transformer: scoreTransformer })
  scoreAfter: number | null;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;
}
