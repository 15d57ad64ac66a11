import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { IsCalendarDate, IsCalendarMonth } from '../shared/dates.js';

export class SecurityDto {
  @ApiProperty({ enum: ['blank-promissory-note', 'aval', 'guarantors'] })
  @IsIn(['blank-promissory-note', 'aval', 'guarantors'])
  kind: 'blank-promissory-note' | 'aval' | 'guarantors';

  @ApiPropertyOptional({
    description: 'Blank promissory note: its declaration (deklaracja wekslowa) is signed',
  })
  @ValidateIf((o: SecurityDto) => o.kind === 'blank-promissory-note')
  @Equals(true, { message: 'isDefined' })
  declarationSigned?: boolean;

  @ApiPropertyOptional({ description: 'Aval: who gave it' })
  @ValidateIf((o: SecurityDto) => o.kind === 'aval')
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  avalist?: string;

  @ApiPropertyOptional({ description: 'Guarantors: their names' })
  @ValidateIf((o: SecurityDto) => o.kind === 'guarantors')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  guarantors?: string[];
}

export class JobStartDto {
  @ApiProperty({ description: "The job's id in the application" })
  @IsString()
  @MaxLength(100)
  jobId: string;

  @ApiProperty({ example: '2027-03-01' })
  @IsCalendarDate()
  startDate: string;
}

export class AgreementDto {
  @ApiProperty({ example: '2027-02-15' })
  @IsCalendarDate()
  signedOn: string;

  @ApiProperty({ type: SecurityDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SecurityDto)
  security: SecurityDto;

  @ApiProperty({
    example: 'DM/2027/0001',
    description: 'Number of the de minimis certificate issued with the agreement',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  deMinimisCertificateNumber: string;

  @ApiPropertyOptional({
    type: [JobStartDto],
    description: 'Actual start of each job (the planned start otherwise)',
  })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => JobStartDto)
  @IsOptional()
  jobStarts?: JobStartDto[];
}

export class AgreementPreparationDto {
  @ApiProperty({ example: '2027-02-15', description: 'Planned signing day (not in the past)' })
  @IsCalendarDate()
  signingOn: string;

  @ApiPropertyOptional({ example: 'Biuro OWES, ul. Tumska 5, Płock, pok. 12, godz. 10:00' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  @IsOptional()
  place?: string;

  @ApiPropertyOptional({ description: "The operator's notes (not sent to the applicant)" })
  @IsString()
  @MaxLength(2000)
  @IsOptional()
  notes?: string;
}

export class PaymentDto {
  @ApiProperty({ enum: ['tranche', 'bridging'] })
  @IsIn(['tranche', 'bridging'])
  kind: 'tranche' | 'bridging';

  @ApiProperty({ description: 'Grosze', example: 5_000_000 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amount: number;

  @ApiProperty({ example: '2027-02-20' })
  @IsCalendarDate()
  paidOn: string;

  @ApiPropertyOptional({ description: 'Bridging support: the job (award job id)' })
  @ValidateIf((o: PaymentDto) => o.kind === 'bridging')
  @IsUUID()
  jobId?: string;

  @ApiPropertyOptional({ description: "Bridging support: the month it is for, 'YYYY-MM'" })
  @ValidateIf((o: PaymentDto) => o.kind === 'bridging')
  @IsCalendarMonth()
  month?: string;
}

export class GiveUpDto {
  @ApiProperty({
    example: 'Grupa nie założy spółdzielni socjalnej: dwie osoby podjęły inną pracę',
    description: 'Why the award is given up (kept with the award and told to the applicant)',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class BridgingExtensionRequestDto {
  @ApiProperty({
    example: 6,
    description:
      "Extension months asked for, after the base bridging months (at most the call's extension months)",
  })
  @IsInt()
  @Min(1)
  @Max(60)
  months: number;

  @ApiProperty({
    description:
      "Bridging support per job and month in the extension, grosze (at most the call's extension cap)",
    example: 120_000,
  })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  monthlyAmount: number;

  @ApiPropertyOptional({
    type: [String],
    description: 'Award job ids the extension is for; every job still active when omitted',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  @IsOptional()
  jobIds?: string[];

  @ApiProperty({ description: 'Why the enterprise still needs bridging support' })
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  justification: string;
}

export class BridgingExtensionDecisionDto {
  @ApiProperty({ enum: ['approved', 'rejected'] })
  @IsIn(['approved', 'rejected'])
  decision: 'approved' | 'rejected';

  @ApiPropertyOptional({ description: 'Why (required for a rejection); told to the applicant' })
  @ValidateIf(
    (o: BridgingExtensionDecisionDto) => o.decision === 'rejected' || o.reason !== undefined,
  )
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason?: string;
}
