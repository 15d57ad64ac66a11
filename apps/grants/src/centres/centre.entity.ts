import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A centre as grants knows it (read model of `applications.centre.changed`, the highest version
 * kept; docs/tenancy.md). Its own row is walled by `id`: staff and coordinators see the centres
 * of their token only.
 */
@Entity({ name: 'centres', schema: 'grants' })
export class Centre {
  @PrimaryColumn('uuid')
  id: string;

  @Column('int')
  number: number;

  @Column('text')
  name: string;

  @Column('text', { name: 'accreditation_number' })
  accreditationNumber: string;

  /** TERYT voivodeship code ('14' Mazowieckie, '08' Lubuskie). */
  @Column('text')
  voivodeship: string;

  /** TERYT county codes the centre serves; empty: not limited. */
  @Column('text', { array: true })
  counties: string[];

  @Column('boolean')
  active: boolean;

  @Column('int')
  version: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
