import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsKrs, IsNip, IsPesel, IsRegon, PageQuery } from '@app/common';
import {
  GROUP_STATES,
  LEGAL_FORMS,
  MEMBER_KINDS,
  type GroupState,
  type LegalForm,
  type MemberKind,
} from '../domain/initiative-group.js';
import { CountyField, EligibilityDto, NameField, PHONE_PATTERN } from '../forms/person.dto.js';

type Member = { kind?: unknown };
/** A natural person's field: checked for natural persons (and while the kind is not chosen yet). */
const natural = (o: Member, v: unknown) =>
  o.kind === 'natural' || (o.kind !== 'legal' && v !== undefined);
const legal = (o: Member, v: unknown) =>
  o.kind === 'legal' || (o.kind !== 'natural' && v !== undefined);

/**
 * A member of an initiative group: a natural person or a legal person
 * (docs/product.md#initiative-groups).
 */
export class GroupMemberDto {
  @ApiProperty({ enum: MEMBER_KINDS })
  @IsIn(MEMBER_KINDS)
  kind: MemberKind;

  @ApiPropertyOptional({ description: 'Natural person: full name' })
  @ValidateIf(natural)
  @NameField(3)
  fullName?: string;

  @ApiPropertyOptional({ description: 'Natural person: PESEL' })
  @ValidateIf(natural)
  @IsString()
  @IsPesel()
  pesel?: string;

  @ApiPropertyOptional({ description: 'Natural person: e-mail' })
  @ValidateIf(natural)
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ description: 'Natural person: phone' })
  @ValidateIf(natural)
  @IsString()
  @MaxLength(30)
  @Matches(PHONE_PATTERN, { message: 'isPhoneNumber' })
  phone?: string;

  @ApiPropertyOptional({
    type: EligibilityDto,
    description: 'Natural person: status that makes them eligible',
  })
  @ValidateIf(natural)
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;

  @ApiPropertyOptional({
    description: 'Natural person: consent to processing personal data (must be true)',
  })
  @ValidateIf(natural)
  @IsBoolean()
  consent?: boolean;

  @ApiPropertyOptional({ description: 'Legal person: name' })
  @ValidateIf(legal)
  @NameField(2, 300)
  name?: string;

  @ApiPropertyOptional({ description: 'Legal person: KRS' })
  @ValidateIf(legal)
  @IsString()
  @IsKrs()
  krs?: string;

  @ApiPropertyOptional({ description: 'Legal person: NIP' })
  @ValidateIf(legal)
  @IsString()
  @IsNip()
  nip?: string;

  @ApiPropertyOptional({ description: 'Legal person: REGON' })
  @ValidateIf(legal)
  @IsString()
  @IsRegon()
  regon?: string;

  @ApiProperty({
    description: 'TERYT code of the county of residence (natural) or seat (legal)',
    example: '1462',
  })
  @CountyField()
  county: string;
}

/** The enrolment form of an initiative group. */
export class InitiativeGroupFormDto {
  @ApiProperty({ example: 'Grupa „Zielony Płock”' })
  @NameField(3, 200)
  name: string;

  @ApiProperty({ enum: LEGAL_FORMS })
  @IsIn(LEGAL_FORMS)
  plannedLegalForm: LegalForm;

  @ApiProperty({ description: 'The business idea' })
  @IsString()
  @MinLength(20)
  @MaxLength(10_000)
  businessIdea: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100)
  plannedJobs: number;

  @ApiProperty({ type: [GroupMemberDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => GroupMemberDto)
  members: GroupMemberDto[];
}

export class GroupFormBody {
  @ApiProperty({ type: InitiativeGroupFormDto, description: 'The form (a draft may be partial)' })
  @IsObject()
  form: Record<string, unknown>;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The centre the group enrols with (on creation only). When absent: the only active centre, or the active centre whose counties include the first member’s county.',
  })
  @IsUUID()
  @IsOptional()
  centreId?: string;
}

export class GroupDecisionDto {
  @ApiProperty({ enum: ['qualified', 'rejected'] })
  @IsIn(['qualified', 'rejected'])
  decision: 'qualified' | 'rejected';

  @ApiProperty({ description: 'Why (required; the recruitment committee’s reasoning)' })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  reason: string;
}

export class ListGroupsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: GROUP_STATES, description: 'Only groups in this state' })
  @IsIn(GROUP_STATES)
  @IsOptional()
  state?: GroupState;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200 })
  override pageSize = 20;
}
