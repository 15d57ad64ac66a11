import { Column, Entity, PrimaryColumn } from 'typeorm';

export type InitiativeGroupStatus = 'submitted' | 'qualified' | 'rejected';

/**
 * An initiative group (*grupa inicjatywna*) as the applications service reports it: enough for
 * the "groups supported" indicator (a qualified group is supported by the centre). `county` is
 * the first member's county (members are listed leader first), `counties` all of them.
 */
@Entity({ name: 'initiative_groups', schema: 'grants' })
export class InitiativeGroup {
  @PrimaryColumn('uuid')
  id: string;

  /** The centre the row belongs to (row-level policy `centre_wall`; docs/tenancy.md). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  county: string | null;

  @Column('text', { array: true })
  counties: string[];

  @Column('text')
  status: InitiativeGroupStatus;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
