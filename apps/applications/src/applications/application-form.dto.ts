import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsKrs, IsNip, IsPesel, IsRegon, WORKING_TIMES, type WorkingTime } from '@app/common';
import {
  APPLICANT_KINDS,
  BUDGET_CATEGORIES,
  type ApplicantKind,
} from '../domain/grant-application.js';
import { LEGAL_FORMS, type LegalForm } from '../domain/initiative-group.js';
import { CountyField, EligibilityDto, IsoDateField, NameField } from '../forms/person.dto.js';

const MAX_GROSZE = Number.MAX_SAFE_INTEGER;

export class ApplicantDto {
  @ApiProperty({ enum: APPLICANT_KINDS })
  @IsIn(APPLICANT_KINDS)
  kind: ApplicantKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The qualified initiative group (kind initiative-group)',
  })
  @IsUUID()
  @IsOptional()
  groupId?: string;

  @ApiProperty({ description: 'Name of the enterprise (planned, for a group)' })
  @NameField(3, 300)
  name: string;

  @ApiProperty({ enum: LEGAL_FORMS })
  @IsIn(LEGAL_FORMS)
  legalForm: LegalForm;

  @ApiProperty({ description: 'TERYT code of the seat', example: '1462' })
  @CountyField()
  county: string;

  @ApiProperty()
  @NameField(5, 500)
  address: string;

  @ApiPropertyOptional({ description: 'Required for an existing PS or PES' })
  @IsString()
  @IsNip()
  @IsOptional()
  nip?: string;

  @ApiPropertyOptional({ description: 'Required for an existing PS or PES' })
  @IsString()
  @IsRegon()
  @IsOptional()
  regon?: string;

  @ApiPropertyOptional()
  @IsString()
  @IsKrs()
  @IsOptional()
  krs?: string;

  @ApiPropertyOptional({
    description: 'A PES commits to obtain PS status within 6 months (must be true for a PES)',
  })
  @IsBoolean()
  @IsOptional()
  psStatusCommitment?: boolean;
}

export class EmploymentDto {
  @ApiProperty({ description: 'Headcount before the new jobs' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  headcountBefore: number;

  @ApiProperty({ description: 'Headcount after the new jobs' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  headcountAfter: number;
}

export class JobPersonDto {
  @ApiProperty()
  @NameField(3)
  fullName: string;

  @ApiProperty()
  @IsString()
  @IsPesel()
  pesel: string;

  @ApiProperty({ description: 'TERYT code of the county of residence' })
  @CountyField()
  county: string;

  @ApiProperty({ type: EligibilityDto })
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility: EligibilityDto;
}

export class BridgingDto {
  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(120)
  months: number;

  @ApiProperty({ description: 'Grosze per month' })
  @IsInt()
  @Min(0)
  @Max(MAX_GROSZE)
  monthlyAmount: number;
}

export class JobDto {
  @ApiProperty({ example: 'Kucharz' })
  @NameField(2, 200)
  position: string;

  @ApiProperty({ enum: WORKING_TIMES })
  @IsIn(WORKING_TIMES)
  workingTime: WorkingTime;

  @ApiProperty({ example: '2027-02-01' })
  @IsoDateField()
  plannedStart: string;

  @ApiProperty({ type: JobPersonDto })
  @ValidateNested()
  @Type(() => JobPersonDto)
  person: JobPersonDto;

  @ApiPropertyOptional({
    description: 'Grant-bridging calls only: grant asked for this job, grosze',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_GROSZE)
  @IsOptional()
  grant?: number;

  @ApiPropertyOptional({ type: BridgingDto })
  @ValidateNested()
  @Type(() => BridgingDto)
  @IsOptional()
  bridging?: BridgingDto;

  @ApiPropertyOptional({ type: BridgingDto })
  @ValidateNested()
  @Type(() => BridgingDto)
  @IsOptional()
  bridgingExtension?: BridgingDto;
}

export class BudgetItemDto {
  @ApiProperty({ enum: BUDGET_CATEGORIES })
  @IsIn(BUDGET_CATEGORIES)
  category: string;

  @ApiProperty()
  @NameField(3, 1000)
  description: string;

  @ApiProperty({ description: 'Grosze' })
  @IsInt()
  @Min(1)
  @Max(MAX_GROSZE)
  amount: number;
}

const section = (): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  MinLength(20)(target, key);
  MaxLength(20_000)(target, key);
};

/** Business plan sections scored by evaluators. */
export class BusinessPlanDto {
  @ApiProperty({ description: 'Opis przedsięwzięcia' }) @section() summary: string;
  @ApiProperty({ description: 'Analiza rynku i konkurencji' }) @section() market: string;
  @ApiProperty({ description: 'Strategia marketingowa' }) @section() marketing: string;
  @ApiProperty({ description: 'Zasoby, organizacja, kadra' }) @section() organisation: string;
  @ApiProperty({ description: 'Plan finansowy' }) @section() finances: string;
  @ApiProperty({ description: 'Reintegracja społeczna i zawodowa' })
  @section()
  socialImpact: string;
}

export class DeMinimisItemDto {
  @ApiProperty()
  @NameField(2, 300)
  grantor: string;

  @ApiProperty({ example: '2025-04-01' })
  @IsoDateField()
  grantedOn: string;

  @ApiProperty({ description: 'Grosze' })
  @IsInt()
  @Min(1)
  @Max(MAX_GROSZE)
  amount: number;

  @ApiPropertyOptional()
  @IsString()
  @MaxLength(500)
  @IsOptional()
  legalBasis?: string;
}

export class DeMinimisDto {
  @ApiProperty({ description: 'De minimis aid received in the last 3 years' })
  @IsBoolean()
  received: boolean;

  @ApiProperty({ type: [DeMinimisItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DeMinimisItemDto)
  items: DeMinimisItemDto[];
}

export class DeclarationsDto {
  @ApiProperty() @IsBoolean() truthful: boolean;
  @ApiProperty() @IsBoolean() noDoubleFunding: boolean;
  @ApiProperty() @IsBoolean() noPublicLevies: boolean;
  @ApiProperty() @IsBoolean() deMinimisComplete: boolean;
  @ApiProperty() @IsBoolean() personalDataConsent: boolean;
}

/**
 * The job-creation grant application (docs/product.md#the-grant-application). No totals: the server
 * computes the amount from the call's funding model (an unknown field such as `total` is refused).
 */
export class ApplicationFormDto {
  @ApiProperty({ type: ApplicantDto })
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant: ApplicantDto;

  @ApiPropertyOptional({
    type: EmploymentDto,
    description: 'Existing PS/PES: headcount before and after',
  })
  @ValidateNested()
  @Type(() => EmploymentDto)
  @IsOptional()
  employment?: EmploymentDto;

  @ApiProperty({ type: [JobDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => JobDto)
  jobs: JobDto[];

  @ApiPropertyOptional({
    description: 'Grant-bridging calls: the separate request to extend bridging support',
  })
  @IsBoolean()
  @IsOptional()
  bridgingExtensionRequested?: boolean;

  @ApiProperty({ type: [BudgetItemDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => BudgetItemDto)
  budget: BudgetItemDto[];

  @ApiProperty({ type: BusinessPlanDto })
  @ValidateNested()
  @Type(() => BusinessPlanDto)
  businessPlan: BusinessPlanDto;

  @ApiProperty({ type: DeMinimisDto })
  @ValidateNested()
  @Type(() => DeMinimisDto)
  deMinimis: DeMinimisDto;

  @ApiProperty({ type: DeclarationsDto })
  @ValidateNested()
  @Type(() => DeclarationsDto)
  declarations: DeclarationsDto;
}
