import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A person's choice of language for messages; it overrides the language an event carries. */
@Entity({ name: 'preferences', schema: 'notifications' })
@Index('preferences_email_idx', ['email'])
export class Preference {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text')
  language: 'pl' | 'en';

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
