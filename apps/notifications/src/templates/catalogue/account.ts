import type { IsoMoment, Messages } from './message.js';

/** Accounts (applications): confirming the e-mail address of a new account. */
export interface AccountTemplates {
  'account-verification': {
    email: string;
    verificationUrl: string;
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
};
