import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { GroupState } from '../domain/initiative-group.js';

/**
 * An initiative group (grupa inicjatywna) enrolling for support
 * (docs/product.md#initiative-groups).
 */
@Entity({ name: 'initiative_groups', schema: 'applications' })
@Index('initiative_groups_leader_idx', ['leaderId', 'createdAt'])
@Index('initiative_groups_state_idx', ['state', 'createdAt'])
export class InitiativeGroup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The centre whose data this is (docs/tenancy.md); walled by row-level security. */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  /** The applicant account that leads the group. */
  @Column('uuid', { name: 'leader_id' })
  leaderId: string;

  @Column('text')
  state: GroupState;

  @Column('text', { nullable: true })
  name: string | null;

  @Column('text', { name: 'planned_legal_form', nullable: true })
  plannedLegalForm: string | null;

  /** Members, business idea, planned jobs: validated by the DTOs and the domain rules. */
  @Column('jsonb')
  form: Record<string, unknown>;

  @Column('text', { array: true, default: () => "'{}'" })
  counties: string[];

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('uuid', { name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
