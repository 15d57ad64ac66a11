import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Money of the programme in one year, grosze. */
export interface YearlyBudget {
  year: number;
  amount: number;
}

/** The programme's targets (what the centre reports progress against). */
export interface ProgrammeTargets {
  /** Initiative groups supported. */
  groupsSupported: number;
  /** Social enterprises (PS) strengthened. */
  enterprisesStrengthened: number;
  /** New social enterprises created. */
  enterprisesCreated: number;
  /** Jobs created for people at risk of poverty or social exclusion. */
  jobsCreated: number;
  /** People trained (the centre's own record: trainings are not tracked here). */
  peopleTrained?: number;
  /** People supported (a target only: not tracked here). */
  peopleSupported?: number;
  /** NGOs supported (a target only: not tracked here). */
  organisationsSupported?: number;
  /** Joint ventures (a target only: not tracked here). */
  jointVentures?: number;
}

/** The centre's programme: its subregion, money per year and targets. */
@Entity({ name: 'programmes', schema: 'grants' })
@Index('programmes_centre_name_key', ['centreId', 'name'], { unique: true })
export class Programme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The centre the row belongs to (row-level policy `centre_wall`; docs/tenancy.md). */
  @Column('uuid', { name: 'centre_id' })
  centreId: string;

  @Column('text')
  name: string;

  @Column('text', { array: true })
  counties: string[];

  @Column('jsonb', { name: 'yearly_budgets' })
  yearlyBudgets: YearlyBudget[];

  @Column('jsonb')
  targets: ProgrammeTargets;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
