import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class CriterionDto {
  @ApiProperty({ example: 'K1' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,20}$/)
  id: string;

  @ApiProperty({ example: 'Spójność i realność biznesplanu' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name: string;

  @ApiProperty({ example: 20 })
  @IsInt()
  @Min(1)
  @Max(1000)
  maxPoints: number;

  @ApiPropertyOptional({ description: 'Minimum mean points in this criterion to pass' })
  @IsInt()
  @Min(0)
  @IsOptional()
  minPoints?: number;
}

export class CreateCallDto {
  @ApiPropertyOptional({
    description:
      "The centre the call belongs to (a programme's call: the programme's centre); when omitted, the caller's only centre (400 when the caller works for several)",
    example: '00000000-0000-4000-8000-000000000001',
  })
  @IsOptional()
  @IsUUID()
  centreId?: string;

  @ApiProperty({ example: 'NAB/1/2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  number: string;

  @ApiProperty({
    example: 'Nabór wniosków o przyznanie wsparcia finansowego na utworzenie miejsc pracy',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: '2026-12-01T08:00:00+01:00' })
  @IsISO8601({ strict: true })
  opensAt: string;

  @ApiProperty({ example: '2026-12-15T16:00:00+01:00' })
  @IsISO8601({ strict: true })
  closesAt: string;

  @ApiProperty({ description: 'Budget in grosze', example: 42388633 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  budget: number;

  @ApiProperty({ example: ['1462', '1419', '1427', '1404'], description: 'TERYT county codes' })
  @IsArray()
  @ArrayMinSize(1)
  @Matches(/^\d{4}$/, { each: true })
  counties: string[];

  @ApiPropertyOptional({
    description: 'Funding model; the unit-rate model with the current rates when omitted',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  @IsOptional()
  fundingModel?: Record<string, unknown>;

  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria: CriterionDto[];

  @ApiPropertyOptional({ default: 60 })
  @IsInt()
  @Min(1)
  @Max(100)
  @IsOptional()
  passThresholdPercent?: number;

  @ApiPropertyOptional({ default: 30 })
  @IsInt()
  @Min(1)
  @Max(100)
  @IsOptional()
  divergencePercent?: number;

  @ApiPropertyOptional({ default: 5 })
  @IsInt()
  @Min(1)
  @Max(60)
  @IsOptional()
  correctionTermWorkingDays?: number;

  @ApiPropertyOptional({ default: 5 })
  @IsInt()
  @Min(1)
  @Max(60)
  @IsOptional()
  appealTermWorkingDays?: number;

  @ApiPropertyOptional({ default: 10 })
  @IsInt()
  @Min(1)
  @Max(1000)
  @IsOptional()
  maxJobsPerEntity?: number;

  @ApiPropertyOptional({ description: 'The programme the call belongs to' })
  @IsUUID()
  @IsOptional()
  programmeId?: string;

  @ApiPropertyOptional({ default: 10, description: 'Working days an evaluator has to score' })
  @IsInt()
  @Min(1)
  @Max(60)
  @IsOptional()
  evaluationTermWorkingDays?: number;

  @ApiPropertyOptional({ default: 12, description: 'Funded months of each job' })
  @IsInt()
  @Min(1)
  @Max(120)
  @IsOptional()
  fundedMonths?: number;

  @ApiPropertyOptional({ default: 6, description: 'Durability months after the funded ones' })
  @IsInt()
  @Min(0)
  @Max(120)
  @IsOptional()
  durabilityMonths?: number;

  @ApiPropertyOptional({
    default: 7,
    description: 'Days after a month ends when its job report is due',
  })
  @IsInt()
  @Min(0)
  @Max(60)
  @IsOptional()
  reportDueDays?: number;

  @ApiPropertyOptional({ default: 3, description: 'Months to fill a vacancy' })
  @IsInt()
  @Min(0)
  @Max(24)
  @IsOptional()
  refillMonths?: number;

  @ApiPropertyOptional({ default: 30, description: 'Days to refund after the demand' })
  @IsInt()
  @Min(1)
  @Max(365)
  @IsOptional()
  refundDueDays?: number;
}

/** Every setting may change until the first form is submitted. */
export class UpdateCallDto extends PartialType(OmitType(CreateCallDto, ['centreId'])) {}
