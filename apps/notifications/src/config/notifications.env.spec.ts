import { validateEnv } from '@app/common';
import { NotificationsEnv } from './notifications.env.js';

describe('NotificationsEnv', () => {
  it('reads the operators’ mailboxes, the reminder poll and hour, and SMTP TLS settings', () => {
    const env = validateEnv(NotificationsEnv, {
      OPERATOR_EMAILS: ' biuro@owes.example.pl, kierownik@owes.example.pl ',
      REMINDERS_POLL_MS: '30000',
      REMINDER_HOUR: '9',
      SMTP_REQUIRE_TLS: 'true',
      SMTP_TLS_REJECT_UNAUTHORIZED: 'false',
    });
    expect(env.OPERATOR_EMAILS).toEqual(['biuro@owes.example.pl', 'kierownik@owes.example.pl']);
    expect(env).toMatchObject({
      REMINDERS_POLL_MS: 30000,
      REMINDER_HOUR: 9,
      SMTP_REQUIRE_TLS: true,
      SMTP_TLS_REJECT_UNAUTHORIZED: false,
    });
  });

  it('has working defaults: no operators, a minute between reminder runs, reminders at 08:00, a day of SMTP retries, 20 s leases', () => {
    const env = validateEnv(NotificationsEnv, {});
    expect(env).toMatchObject({
      OPERATOR_EMAILS: [],
      REMINDERS_POLL_MS: 60_000,
      REMINDER_HOUR: 8,
      MAIL_RETRY_BASE_MS: 5000,
      MAIL_RETRY_MAX_MS: 600_000,
      MAIL_RETRY_FOR_HOURS: 24,
      MAIL_LEASE_SECONDS: 20,
      MAIL_UNRECORDED_MAX: 5000,
    });
    expect(env.MAIL_MAX_ATTEMPTS).toBeUndefined();
  });

  it('still reads MAIL_MAX_ATTEMPTS as a hard limit on attempts', () => {
    expect(validateEnv(NotificationsEnv, { MAIL_MAX_ATTEMPTS: '4' }).MAIL_MAX_ATTEMPTS).toBe(4);
    expect(() => validateEnv(NotificationsEnv, { MAIL_LEASE_SECONDS: '1' })).toThrow(
      /MAIL_LEASE_SECONDS/,
    );
  });

  it('refuses to start with a bad operator address or hour, naming the variable', () => {
    expect(() =>
      validateEnv(NotificationsEnv, { OPERATOR_EMAILS: 'biuro@owes.example.pl,nie-adres' }),
    ).toThrow(/OPERATOR_EMAILS/);
    expect(() => validateEnv(NotificationsEnv, { REMINDER_HOUR: '24' })).toThrow(/REMINDER_HOUR/);
  });
});
