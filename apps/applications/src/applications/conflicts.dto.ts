import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CROSS_APPLICATION_RULES } from '../domain/cross-application.js';

/** OpenAPI shapes of `GET /api/applications/:id/conflicts` (responses only). */
export class LocalizedTextDto {
  @ApiProperty({ example: 'Ta sama osoba (ten sam PESEL) jest już pracownikiem…' })
  pl: string;

  @ApiProperty({ example: 'The same person (the same PESEL) is already the employee…' })
  en: string;
}

export class ConflictingApplicationDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;

  @ApiProperty({ example: 'OWES/2026/00041' })
  reference: string;

  @ApiProperty({
    example: '/api/applications/3f1c…',
    description: 'The application, for the staff',
  })
  href: string;

  @ApiProperty({ format: 'uuid' })
  callId: string;

  @ApiProperty({
    enum: ['call', 'programme'],
    description:
      '`call`: an earlier active application of the same call; `programme`: an application of another call of the same programme whose award is still granted',
  })
  scope: 'call' | 'programme';

  @ApiPropertyOptional({ description: 'max-jobs-per-entity: the jobs of that application' })
  jobs?: number;

  @ApiPropertyOptional({
    example: 'jobs[0].person.pesel',
    description: 'person-in-another-job: where the same person is in that form',
  })
  path?: string;
}

export class CrossApplicationConflictDto {
  @ApiProperty({ enum: CROSS_APPLICATION_RULES })
  rule: string;

  @ApiProperty({
    example: 'jobs[1].person.pesel',
    description: 'The field of this form the conflict is about (`jobs` for the jobs limit)',
  })
  path: string;

  @ApiProperty({ type: LocalizedTextDto })
  message: LocalizedTextDto;

  @ApiProperty({ type: [ConflictingApplicationDto], description: 'Earliest first' })
  conflictsWith: ConflictingApplicationDto[];

  @ApiPropertyOptional({
    description: "max-jobs-per-entity: the entity's jobs in all, this application's included",
  })
  jobs?: number;

  @ApiPropertyOptional({ description: "max-jobs-per-entity: the call's maxJobsPerEntity" })
  limit?: number;
}

export class ConflictsResponseDto {
  @ApiProperty({ type: [CrossApplicationConflictDto] })
  items: CrossApplicationConflictDto[];
}
