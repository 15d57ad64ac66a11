import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class PoolMemberDto {
  @ApiProperty({ description: 'User id of the evaluator (identity module)' })
  @IsUUID()
  userId: string;

  @ApiProperty({ example: 'jan.nowak@example.pl' })
  @IsEmail()
  email: string;

  @ApiProperty({ example: 'Jan Nowak' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: ['pl', 'en'], default: 'pl' })
  @IsIn(['pl', 'en'])
  @IsOptional()
  language?: 'pl' | 'en';

  @ApiProperty({ description: 'A trainer or adviser of the centre (never evaluates)' })
  @IsBoolean()
  trainerOrAdviser: boolean;

  @ApiPropertyOptional({ description: 'Chair of the committee for this call (at most one)' })
  @IsBoolean()
  @IsOptional()
  chair?: boolean;
}

export class SetPoolDto {
  @ApiProperty({ type: [PoolMemberDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PoolMemberDto)
  evaluators: PoolMemberDto[];
}

export class DeclarationDto {
  @ApiProperty({
    description: 'true: a conflict of interest (someone else is assigned); false: impartial',
  })
  @IsBoolean()
  conflictOfInterest: boolean;

  @ApiPropertyOptional({ description: 'Required (true) with an impartiality declaration' })
  @ValidateIf((o: DeclarationDto) => o.conflictOfInterest === false)
  @Equals(true, { message: 'isDefined' })
  confidentiality?: boolean;

  @ApiPropertyOptional({ description: 'Required with a conflict of interest' })
  @ValidateIf((o: DeclarationDto) => o.conflictOfInterest === true)
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason?: string;
}

export class CriterionScoreDto {
  @ApiProperty({ example: 'K1' })
  @IsString()
  @MaxLength(20)
  criterionId: string;

  @ApiProperty({
    example: 15,
    description: 'Whole points within 0..max (checked with the other scores)',
  })
  @IsNumber()
  points: number;

  @ApiProperty({ example: 'Biznesplan spójny, rynek zbadany.' })
  @IsString()
  @MaxLength(5000)
  justification: string;
}

export class ScoresDto {
  @ApiProperty({ type: [CriterionScoreDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  scores: CriterionScoreDto[];
}
