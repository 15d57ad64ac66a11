import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { NotificationsEnv } from '../config/notifications.env.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The delivery's id (names the files of the file mode). */
  deliveryId: string;
  /**
   * The Message-ID header, the same on every attempt (`<delivery id@sender's domain>`), so a
   * message sent again is the same message to mail stores and readers.
   */
  messageId: string;
  /** The From header (the delivery's frozen sender). */
  from: string;
  /** The Reply-To header, if any. */
  replyTo: string | null;
}

/**
 * Sends e-mail over SMTP (nodemailer). Without SMTP_HOST, messages are written as .eml files to
 * MAIL_DIR; with MAIL_DRY_RUN they are only logged. The log says at start-up where mail goes.
 */
@Injectable()
export class MailerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Mailer');
  private transporter: Transporter;
  private mode: 'smtp' | 'files' | 'dry-run';

  constructor(private readonly env: NotificationsEnv) {}

  onModuleInit(): void {
    if (this.env.MAIL_DRY_RUN) {
      this.mode = 'dry-run';
      this.transporter = nodemailer.createTransport({ jsonTransport: true });
      this.logger.warn('MAIL_DRY_RUN is on: e-mails are logged, not sent');
    } else if (this.env.SMTP_HOST) {
      this.mode = 'smtp';
      this.transporter = nodemailer.createTransport({
        host: this.env.SMTP_HOST,
        port: this.env.SMTP_PORT,
        secure: this.env.SMTP_SECURE,
        auth: this.env.SMTP_USER
          ? { user: this.env.SMTP_USER, pass: this.env.SMTP_PASS ?? '' }
          : undefined,
        requireTLS: this.env.SMTP_REQUIRE_TLS,
        tls: { rejectUnauthorized: this.env.SMTP_TLS_REJECT_UNAUTHORIZED },
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
        pool: true,
        maxConnections: 5,
      });
      this.logger.log(`E-mails go to SMTP ${this.env.SMTP_HOST}:${this.env.SMTP_PORT}`);
    } else {
      this.mode = 'files';
      this.transporter = nodemailer.createTransport({
        streamTransport: true,
        buffer: true,
        newline: 'unix',
      });
      this.logger.warn(
        `SMTP_HOST is not set: e-mails are written as .eml files (and readable .txt copies) to ${resolve(this.env.MAIL_DIR)}`,
      );
    }
  }

  /** After the sender has finished what it had in flight (it waits in beforeApplicationShutdown). */
  onApplicationShutdown(): void {
    this.transporter?.close();
  }

  async send(mail: OutgoingMail): Promise<string> {
    const info = await this.transporter.sendMail({
      from: mail.from,
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    });
    if (this.mode === 'files') {
      await mkdir(this.env.MAIL_DIR, { recursive: true });
      await writeFile(join(this.env.MAIL_DIR, `${mail.deliveryId}.eml`), info.message as Buffer);
      // A readable copy beside the raw message (the .eml is quoted-printable): what a person
      // trying the system without a mail server opens, links included.
      await writeFile(
        join(this.env.MAIL_DIR, `${mail.deliveryId}.txt`),
        `To: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`,
      );
    } else if (this.mode === 'dry-run') {
      this.logger.log({ to: mail.to, subject: mail.subject }, 'Dry run: e-mail not sent');
    }
    return info.messageId;
  }
}
