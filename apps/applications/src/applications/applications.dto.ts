import { PageQuery } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { APPLICATION_STATES, type ApplicationState } from './application.entity.js';
import { ApplicationFormDto } from './application-form.dto.js';

export class CreateApplicationDto {
  @ApiProperty({ format: 'uuid', description: 'The call (nabór) the form is for' })
  @IsUUID()
  callId: string;

  @ApiPropertyOptional({
    type: ApplicationFormDto,
    description: 'Partial form data (types are checked)',
  })
  @IsObject()
  @IsOptional()
  form?: Record<string, unknown>;
}

export class UpdateApplicationDto {
  @ApiProperty({
    type: ApplicationFormDto,
    description: 'The whole draft form (partial data allowed)',
  })
  @IsObject()
  form: Record<string, unknown>;
}

export class ListApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the applications of this call' })
  @IsUUID()
  @IsOptional()
  callId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATES, description: 'Only applications in this state' })
  @IsIn(APPLICATION_STATES)
  @IsOptional()
  state?: ApplicationState;

  /** TERYT code of the applicant's seat. */
  @ApiPropertyOptional({
    pattern: '^\\d{4}$',
    example: '1462',
    description: "TERYT county code of the applicant's seat",
  })
  @Matches(/^\d{4}$/, { message: 'isTeryt' })
  @IsOptional()
  county?: string;

  /** Reference number or entity name (part of it, any case). */
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    description: 'Part of the reference number or of the entity name, any case',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsOptional()
  q?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200 })
  override pageSize = 20;
}

export class ExportQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only the applications of this call (all submitted ones when omitted)',
  })
  @IsUUID()
  @IsOptional()
  callId?: string;

  @ApiPropertyOptional({
    enum: APPLICATION_STATES,
    description: 'Only applications in this state (as the list filters them)',
  })
  @IsIn(APPLICATION_STATES)
  @IsOptional()
  state?: ApplicationState;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    description: 'Part of the reference number or of the entity name, any case (as the list)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsOptional()
  q?: string;
}

export class CorrectionIssueDto {
  @ApiPropertyOptional({ example: 'form.jobs[0].person.eligibility.proofKind' })
  @IsString()
  @MaxLength(300)
  @IsOptional()
  path?: string;

  @ApiProperty({ example: 'Brak zaświadczenia z urzędu pracy' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  description: string;
}

export const FORMAL_CHECK_RESULTS = ['accepted', 'corrections', 'rejected'] as const;

export class FormalCheckDto {
  @ApiProperty({ enum: FORMAL_CHECK_RESULTS })
  @IsIn(FORMAL_CHECK_RESULTS)
  result: (typeof FORMAL_CHECK_RESULTS)[number];

  @ApiPropertyOptional({
    type: [CorrectionIssueDto],
    description: 'What to correct (result corrections)',
  })
  @ValidateIf((o: FormalCheckDto) => o.result === 'corrections')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CorrectionIssueDto)
  issues?: CorrectionIssueDto[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Why the form is rejected (result rejected)',
  })
  @ValidateIf((o: FormalCheckDto) => o.result === 'rejected')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(3, { each: true })
  @MaxLength(2000, { each: true })
  reasons?: string[];
}
