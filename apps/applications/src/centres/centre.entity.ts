import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A centre (OWES) of the installation (docs/tenancy.md): the master record, owned by the
 * applications service and published to the others as `applications.centre.changed`.
 */
@Entity({ name: 'centres', schema: 'applications' })
@Index('centres_number_key', ['number'], { unique: true })
@Index('centres_accreditation_key', ['accreditationNumber'], { unique: true })
export class Centre {
  @PrimaryColumn('uuid')
  id: string;

  @Column('int')
  number: number;

  @Column('text')
  name: string;

  @Column('text', { name: 'accreditation_number' })
  accreditationNumber: string;

  /** TERYT voivodeship code (2 digits). */
  @Column('char', { length: 2 })
  voivodeship: string;

  /** TERYT county codes the centre serves. */
  @Column('text', { array: true })
  counties: string[];

  @Column('text')
  address: string;

  @Column('text', { name: 'contact_email' })
  contactEmail: string;

  @Column('text', { name: 'contact_phone' })
  contactPhone: string;

  @Column('text', { name: 'sender_name' })
  senderName: string;

  @Column('text', { name: 'sender_email' })
  senderEmail: string;

  @Column('text')
  signature: string;

  @Column('text', { name: 'operators_mailbox', array: true })
  operatorsMailbox: string[];

  @Column('boolean')
  active: boolean;

  /** Rises with every change; the `version` of `applications.centre.changed`. */
  @Column('int')
  version: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

/** An operator or admin works for a centre (the token's `ctr`). */
@Entity({ name: 'centre_staff', schema: 'applications' })
@Index('centre_staff_user_idx', ['userId'])
export class CentreStaff {
  @PrimaryColumn('uuid', { name: 'centre_id' })
  centreId: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;
}

/** Which centres a regional coordinator reads: those of a voivodeship and/or listed ones. */
@Entity({ name: 'coordinator_scopes', schema: 'applications' })
export class CoordinatorScope {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('char', { length: 2, nullable: true })
  voivodeship: string | null;

  @Column('uuid', { name: 'centre_ids', array: true, default: () => "'{}'" })
  centreIds: string[];
}
