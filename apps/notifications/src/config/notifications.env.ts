import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { BaseEnv } from '@app/common';

const toInt = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => value === true || value === 'true' || value === '1';

export class NotificationsEnv extends BaseEnv {
  override PORT = 3003;

  /** SMTP server; when unset, e-mails are written as .eml files to MAIL_DIR (and the log says so). */
  @IsString()
  @IsOptional()
  SMTP_HOST?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 587;

  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  @Transform(toBool)
  @IsBoolean()
  SMTP_SECURE = false;

  @IsString()
  @IsOptional()
  SMTP_USER?: string;

  @IsString()
  @IsOptional()
  SMTP_PASS?: string;

  @IsString()
  MAIL_FROM = 'OWES Grants <no-reply@owes.local>';

  /** Log the messages instead of sending them. */
  @Transform(toBool)
  @IsBoolean()
  MAIL_DRY_RUN = false;

  @IsString()
  MAIL_DIR = '.data/mail';

  /** Attempts before a delivery ends in the `failed` state. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_MAX_ATTEMPTS = 6;

  /** First retry delay; doubles with every attempt. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  MAIL_RETRY_BASE_MS = 5000;
}
