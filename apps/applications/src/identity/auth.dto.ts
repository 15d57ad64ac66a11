import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

const normalizeEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/**
 * At least 12 characters (ASVS 2.1.1) and no composition rule (ASVS 2.1.9: a long passphrase of
 * words is stronger than `Haslo1!`); guessability is judged by the strength estimator.
 */
export const PASSWORD_RULE = /^.{12,}$/su;

export class RegisterDto {
  @ApiProperty({ example: 'anna.kowalska@example.pl' })
  @Transform(normalizeEmail)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({
    description:
      'At least 12 characters, not common or guessable (any characters, no composition rule)',
  })
  @IsString()
  @Matches(PASSWORD_RULE, { message: 'isStrongPassword' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Anna Kowalska' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ enum: ['pl', 'en'], default: 'pl' })
  @IsIn(['pl', 'en'])
  @IsOptional()
  language?: 'pl' | 'en';
}

export class LoginDto {
  @ApiProperty()
  @Transform(normalizeEmail)
  @IsEmail()
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password: string;
}

export class TokenResponse {
  @ApiProperty({ description: 'Short-lived ES256 JWT (claims sub, roles, sid, tv)' })
  accessToken: string;
  @ApiProperty({ example: 'Bearer' })
  tokenType: string;
  @ApiProperty({ description: 'Seconds the access token lives (JWT_TTL_SECONDS)' })
  expiresIn: number;
  @ApiPropertyOptional({
    description:
      'Opaque refresh token, valid once: POST /api/auth/refresh gives a new pair. Keep it server-side (the portal keeps it in its HttpOnly cookie session).',
  })
  refreshToken?: string;
  @ApiPropertyOptional({ description: 'When the session ends (SESSION_TTL_HOURS after login)' })
  refreshExpiresAt?: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token of the last login or refresh' })
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({
    description: 'The session to end when the access token has expired (else the bearer token’s)',
  })
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  @IsOptional()
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({
    description:
      'At least 12 characters, not common or guessable (any characters, no composition rule)',
  })
  @IsString()
  @Matches(PASSWORD_RULE, { message: 'isStrongPassword' })
  @MaxLength(200)
  newPassword: string;
}

export class ForgotPasswordDto {
  @ApiProperty()
  @Transform(normalizeEmail)
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The token from the forgotten-password link' })
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  token: string;

  @ApiProperty({
    description:
      'At least 12 characters, not common or guessable (any characters, no composition rule)',
  })
  @IsString()
  @Matches(PASSWORD_RULE, { message: 'isStrongPassword' })
  @MaxLength(200)
  password: string;
}

export class AcceptedResponse {
  @ApiProperty({ example: true })
  accepted: true;
}

export class MeResponse {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ['applicant', 'operator', 'evaluator', 'admin'] }) role: string;
  @ApiProperty({ enum: ['pl', 'en'] }) language: string;
}

export class VerifyEmailDto {
  @ApiProperty({ description: 'The token from the verification link' })
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  token: string;
}

export class ResendVerificationDto {
  @ApiProperty()
  @Transform(normalizeEmail)
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class LanguageDto {
  @ApiProperty({ enum: ['pl', 'en'] })
  @IsIn(['pl', 'en'])
  language: 'pl' | 'en';
}

export class RegisteredResponse extends MeResponse {
  @ApiProperty({ description: 'The e-mail address still has to be verified' })
  emailVerified: boolean;
}
