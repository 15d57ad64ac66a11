import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  DISABILITY_DEGREES,
  ELIGIBILITY_STATUSES,
  PROOF_KINDS,
  type DisabilityDegree,
  type EligibilityStatus,
  type ProofKind,
} from '../domain/eligibility.js';

export const TERYT_PATTERN = /^\d{4}$/;
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{7,18}[0-9]$/;

/** Why a person is eligible (Social Economy Act art. 2 pt 6) and what proves it. */
export class EligibilityDto {
  @ApiProperty({ enum: ELIGIBILITY_STATUSES })
  @IsIn(ELIGIBILITY_STATUSES)
  status: EligibilityStatus;

  @ApiProperty({ enum: PROOF_KINDS })
  @IsIn(PROOF_KINDS)
  proofKind: ProofKind;

  @ApiPropertyOptional({ enum: DISABILITY_DEGREES, description: 'For a person with a disability' })
  @IsIn(DISABILITY_DEGREES)
  @IsOptional()
  disabilityDegree?: DisabilityDegree;

  @ApiPropertyOptional({ description: 'Multiple disability (niepełnosprawność sprzężona)' })
  @IsBoolean()
  @IsOptional()
  multipleDisability?: boolean;
}

export function NameField(min = 2, max = 200): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    MinLength(min)(target, key);
    MaxLength(max)(target, key);
  };
}

export function CountyField(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    Matches(TERYT_PATTERN, { message: 'isTeryt' })(target, key);
  };
}

export function IsoDateField(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    Matches(ISO_DATE_PATTERN, { message: 'isIso8601' })(target, key);
  };
}
