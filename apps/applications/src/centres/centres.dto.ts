import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class CreateCentreDto {
  @ApiPropertyOptional({ minimum: 1, description: 'The centre number (default: the next free)' })
  @IsInt()
  @Min(1)
  @IsOptional()
  number?: number;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  name: string;

  @ApiProperty({ maxLength: 100, description: 'Accreditation number (unique)' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  accreditationNumber: string;

  @ApiProperty({ example: '08', description: 'TERYT voivodeship code' })
  @IsString()
  @Matches(/^\d{2}$/)
  voivodeship: string;

  @ApiProperty({
    type: [String],
    example: ['0802', '0804'],
    description: 'TERYT county codes, each of the voivodeship',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(/^\d{4}$/, { each: true })
  counties: string[];

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MaxLength(500)
  address: string;

  @ApiProperty({ format: 'email' })
  @IsEmail()
  @MaxLength(254)
  contactEmail: string;

  @ApiProperty({ maxLength: 30 })
  @IsString()
  @MaxLength(30)
  contactPhone: string;

  @ApiProperty({ maxLength: 200, description: 'The name its e-mails are sent with' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  senderName: string;

  @ApiProperty({ format: 'email', description: 'The address its e-mails are sent from' })
  @IsEmail()
  @MaxLength(254)
  senderEmail: string;

  @ApiProperty({ maxLength: 2000, description: 'The signature under its e-mails' })
  @IsString()
  @MaxLength(2000)
  signature: string;

  @ApiProperty({ type: [String], description: "The operators' mailbox for escalations" })
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  operatorsMailbox: string[];

  @ApiPropertyOptional({ default: true })
  @IsBoolean()
  @IsOptional()
  active?: boolean;
}

export class UpdateCentreDto extends PartialType(OmitType(CreateCentreDto, ['number'])) {}

export const STAFF_ROLES = ['operator', 'admin'] as const;

export class AddStaffDto {
  @ApiProperty({ format: 'email', description: 'The existing account to add' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: STAFF_ROLES, description: 'The role the account gets' })
  @IsIn(STAFF_ROLES)
  role: (typeof STAFF_ROLES)[number];
}

export class CoordinatorScopeDto {
  @ApiPropertyOptional({ example: '08', description: 'Every active centre of this voivodeship' })
  @IsString()
  @Matches(/^\d{2}$/)
  @IsOptional()
  voivodeship?: string;

  @ApiPropertyOptional({ type: [String], description: 'These centres (ids)' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  @IsOptional()
  centreIds?: string[];
}
