import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  IsObject,
} from 'class-validator';

export class YearlyBudgetDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ description: 'Grosze', example: 42_388_633 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount: number;
}

export class TargetsDto {
  @ApiProperty({ example: 20 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  groupsSupported: number;

  @ApiProperty({ example: 14 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  enterprisesStrengthened: number;

  @ApiProperty({ example: 8 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  enterprisesCreated: number;

  @ApiProperty({ example: 60 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  jobsCreated: number;

  @ApiPropertyOptional({
    example: 400,
    description:
      "People trained: kept with the programme for the centre's own records; trainings are not recorded in OWES Grants, so it has no indicator here",
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  @IsOptional()
  peopleTrained?: number;

  @ApiPropertyOptional({
    example: 400,
    description: 'People supported: a target only (no indicator is computed for it)',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  @IsOptional()
  peopleSupported?: number;

  @ApiPropertyOptional({
    example: 12,
    description: 'NGOs supported: a target only (no indicator is computed for it)',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  @IsOptional()
  organisationsSupported?: number;

  @ApiPropertyOptional({
    example: 24,
    description: 'Joint ventures: a target only (no indicator is computed for it)',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  @IsOptional()
  jointVentures?: number;
}

export class CreateProgrammeDto {
  @ApiPropertyOptional({
    description:
      "The centre the programme belongs to; when omitted, the caller's only centre (400 when the caller works for several)",
    example: '00000000-0000-4000-8000-000000000001',
  })
  @IsOptional()
  @IsUUID()
  centreId?: string;

  @ApiProperty({ example: 'OWES Płock 2024–2027' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: ['1462', '1419', '1427', '1404'] })
  @IsArray()
  @ArrayMinSize(1)
  @Matches(/^\d{4}$/, { each: true })
  counties: string[];

  @ApiProperty({ type: [YearlyBudgetDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => YearlyBudgetDto)
  yearlyBudgets: YearlyBudgetDto[];

  @ApiProperty({ type: TargetsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TargetsDto)
  targets: TargetsDto;
}

export class UpdateProgrammeDto extends PartialType(OmitType(CreateProgrammeDto, ['centreId'])) {}
