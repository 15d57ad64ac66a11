import type { IsoMoment, Messages } from './message.js';

/**
 * Accounts (applications): confirming the e-mail address of a new account; telling an owner
 * that someone tried to register with their address; a forgotten-password link.
 */
export interface AccountTemplates {
  'account-verification': {
    email: string;
    verificationUrl: string;
    /** When the link stops working. */
    expiresAt: IsoMoment;
  };
  'account-registration-attempted': {
    email: string;
    loginUrl: string;
    resetUrl: string;
    attemptedAt: IsoMoment;
  };
  'account-password-reset': {
    email: string;
    resetUrl: string;
    /** When the link stops working. */
    expiresAt: IsoMoment;
  };
}

export const ACCOUNT_MESSAGES: Messages<AccountTemplates> = {
  'account-verification': {
    pl: {
      subject: 'Potwierdź adres e-mail w systemie OWES Grants',
      intro:
        'dziękujemy za założenie konta w systemie OWES Grants. Aby z niego korzystać, potwierdź swój adres e-mail {{email}}.',
      action: { url: '{{verificationUrl}}', label: 'Potwierdź adres e-mail' },
      facts: [{ label: 'Link ważny do', value: '{{datetime expiresAt}}' }],
      next: 'otwórz link powyżej najpóźniej {{datetime expiresAt}}. Dopóki adres nie zostanie potwierdzony, nie zalogujesz się do systemu. Jeśli to nie Ty zakładałeś konto, zignoruj tę wiadomość.',
    },
    en: {
      subject: 'Confirm your e-mail address for OWES Grants',
      intro:
        'thank you for creating an OWES Grants account. To use it, please confirm your e-mail address {{email}}.',
      action: { url: '{{verificationUrl}}', label: 'Confirm e-mail address' },
      facts: [{ label: 'Link valid until', value: '{{datetime expiresAt}}' }],
      next: 'open the link above by {{datetime expiresAt}}. Until the address is confirmed you cannot log in. If you did not create the account, ignore this message.',
    },
  },
  'account-registration-attempted': {
    pl: {
      subject: 'Próba rejestracji na Twój adres e-mail w systemie OWES Grants',
      intro:
        'ktoś próbował założyć nowe konto w systemie OWES Grants na adres {{email}}, do którego masz już konto. Nowego konta nie założyliśmy.',
      facts: [{ label: 'Kiedy', value: '{{datetime attemptedAt}}' }],
      paragraphs: ['Jeśli nie pamiętasz hasła, ustaw nowe: {{resetUrl}}'],
      action: { url: '{{loginUrl}}', label: 'Zaloguj się' },
      next: 'jeśli to Ty, zaloguj się na swoje konto albo ustaw nowe hasło. Jeśli to nie Ty, zignoruj tę wiadomość: Twoje konto i hasło się nie zmieniły.',
    },
    en: {
      subject: 'Someone tried to register with your e-mail address at OWES Grants',
      intro:
        'someone tried to create a new OWES Grants account with {{email}}, which already has an account. No new account was created.',
      facts: [{ label: 'When', value: '{{datetime attemptedAt}}' }],
      paragraphs: ['If you do not remember your password, set a new one: {{resetUrl}}'],
      action: { url: '{{loginUrl}}', label: 'Log in' },
      next: 'if it was you, log in to your account or reset your password. If it was not you, ignore this message: your account and password have not changed.',
    },
  },
  'account-password-reset': {
    pl: {
      subject: 'Ustaw nowe hasło w systemie OWES Grants',
      intro:
        'otrzymaliśmy prośbę o ustawienie nowego hasła do konta {{email}} w systemie OWES Grants.',
      action: { url: '{{resetUrl}}', label: 'Ustaw nowe hasło' },
      facts: [{ label: 'Link ważny do', value: '{{datetime expiresAt}}' }],
      paragraphs: [
        'Link działa jeden raz. Po zmianie hasła wylogujemy Cię ze wszystkich urządzeń.',
      ],
      next: 'otwórz link powyżej najpóźniej {{datetime expiresAt}} i ustaw nowe hasło. Jeśli to nie Ty prosiłeś o zmianę, zignoruj tę wiadomość: hasło pozostanie bez zmian.',
    },
    en: {
      subject: 'Set a new password for OWES Grants',
      intro: 'we received a request to set a new password for the OWES Grants account {{email}}.',
      action: { url: '{{resetUrl}}', label: 'Set a new password' },
      facts: [{ label: 'Link valid until', value: '{{datetime expiresAt}}' }],
      paragraphs: ['The link works once. After the change you will be logged out on every device.'],
      next: 'open the link above by {{datetime expiresAt}} and set a new password. If you did not ask for it, ignore this message: your password stays as it is.',
    },
  },
};
