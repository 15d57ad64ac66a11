import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { BaseEnv, envBoolean, envInteger } from '@app/common';

const toList = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value
    : String(value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);

export class NotificationsEnv extends BaseEnv {
  override PORT = 3003;

  /** SMTP server; when unset, e-mails are written as .eml files to MAIL_DIR (and the log says so). */
  @IsString()
  @IsOptional()
  SMTP_HOST?: string;

  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 587;

  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  @Transform(envBoolean)
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
  @Transform(envBoolean)
  @IsBoolean()
  MAIL_DRY_RUN = false;

  @IsString()
  MAIL_DIR = '.data/mail';

  /**
   * A hard limit on the attempts of one retry schedule, when set (1–1000). Unset (the default):
   * only MAIL_RETRY_FOR_HOURS ends the schedule.
   */
  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(1000)
  @IsOptional()
  MAIL_MAX_ATTEMPTS?: number;

  /** First retry delay; doubles with every attempt. */
  @Transform(envInteger)
  @IsInt()
  @Min(10)
  MAIL_RETRY_BASE_MS = 5000;

  /** Upper bound of the retry delay (the doubling stops there). */
  @Transform(envInteger)
  @IsInt()
  @Min(10)
  MAIL_RETRY_MAX_MS = 10 * 60 * 1000;

  /**
   * How long a delivery is retried after its schedule started (queued, or re-sent by an
   * operator) before it ends `failed` (1–720 hours): outlasts any real SMTP outage.
   */
  @Transform(envInteger)
  @IsInt()
  @Min(1)
  @Max(720)
  MAIL_RETRY_FOR_HOURS = 24;

  /**
   * The lease a sender takes on a claimed delivery (database time), renewed every third of it
   * while the message is in flight: a replacement replica takes over a dead process's
   * deliveries after at most this long (2–300 s).
   */
  @Transform(envInteger)
  @IsInt()
  @Min(2)
  @Max(300)
  MAIL_LEASE_SECONDS = 20;

  /**
   * How many accepted-but-unrecorded e-mails (the database did not answer) a sender holds in
   * memory before it stops claiming new ones (50–100000).
   */
  @Transform(envInteger)
  @IsInt()
  @Min(50)
  @Max(100_000)
  MAIL_UNRECORDED_MAX = 5000;

  /** Refuse to send unless the server offers STARTTLS (ignored with SMTP_SECURE). */
  @Transform(envBoolean)
  @IsBoolean()
  SMTP_REQUIRE_TLS = false;

  /** Verify the SMTP server's certificate (turn off only for a self-signed test server). */
  @Transform(envBoolean)
  @IsBoolean()
  SMTP_TLS_REJECT_UNAUTHORIZED = true;

  /** Reply-To of every message (e.g. the centre's office), when set. */
  @IsEmail()
  @IsOptional()
  MAIL_REPLY_TO?: string;

  /**
   * The operators' mailbox(es), comma-separated: escalations (an overdue evaluation or job
   * report) and requests operators must decide (a bridging-support extension) go there, as the
   * events carry no operator recipient. Empty: no escalation e-mails
   * (the start-up log warns).
   */
  @Transform(toList)
  @IsEmail({}, { each: true })
  OPERATOR_EMAILS: string[] = [];

  /** How often the reminder scheduler looks for due reminders (it also runs once at start-up). */
  @Transform(envInteger)
  @IsInt()
  @Min(100)
  REMINDERS_POLL_MS = 60_000;

  /** The Warsaw hour at which reminders go out on their day (0–23). */
  @Transform(envInteger)
  @IsInt()
  @Min(0)
  @Max(23)
  REMINDER_HOUR = 8;
}
