import type { Messages } from '../i18n/i18n.js';

export const ACCOUNT_MESSAGES: Messages = {
  pl: {
    'account.signIn.title': 'Zaloguj się',
    'account.signIn.email': 'Adres e-mail',
    'account.signIn.password': 'Hasło',
    'account.signIn.submit': 'Zaloguj się',
    'account.signIn.ended':
      'Sesja zakończyła się z powodu braku aktywności. Zapisane dane nie zostały utracone — prosimy zalogować się ponownie.',
    'account.signIn.noAccount': 'Nie masz konta?',
    'account.signIn.register': 'Załóż konto',
    'account.signIn.forgot': 'Nie pamiętam hasła',
    'account.signIn.error.emailMissing': 'Wpisz adres e-mail',
    'account.signIn.error.passwordMissing': 'Wpisz hasło',
    'account.signIn.error.wrong': 'Adres e-mail lub hasło są nieprawidłowe',
    'account.signIn.error.notVerified':
      'Adres e-mail nie został jeszcze potwierdzony — prosimy kliknąć link z wiadomości wysłanej po rejestracji',
    'account.signIn.error.disabled': 'To konto zostało zablokowane — prosimy o kontakt z ośrodkiem',
    'account.signIn.error.throttled':
      'Zbyt wiele nieudanych prób logowania — prosimy odczekać chwilę i spróbować ponownie',
    'account.signOut.done': 'Wylogowano.',
    'account.password.show': 'Pokaż',
    'account.password.hide': 'Ukryj',
    'account.password.showAria': 'Pokaż hasło',
    'account.password.hideAria': 'Ukryj hasło',
    'account.password.shown': 'Hasło jest widoczne',
    'account.password.hidden': 'Hasło jest ukryte',
  },
  en: {
    'account.signIn.title': 'Sign in',
    'account.signIn.email': 'Email address',
    'account.signIn.password': 'Password',
    'account.signIn.submit': 'Sign in',
    'account.signIn.ended':
      'Your session ended because you were inactive. What you saved has not been lost — please sign in again.',
    'account.signIn.noAccount': 'No account yet?',
    'account.signIn.register': 'Create an account',
    'account.signIn.forgot': 'I have forgotten my password',
    'account.signIn.error.emailMissing': 'Enter your email address',
    'account.signIn.error.passwordMissing': 'Enter your password',
    'account.signIn.error.wrong': 'The email address or password is wrong',
    'account.signIn.error.notVerified':
      'Your email address is not confirmed yet — please follow the link in the message we sent when you registered',
    'account.signIn.error.disabled': 'This account has been disabled — please contact the centre',
    'account.signIn.error.throttled':
      'Too many failed attempts — please wait a moment and try again',
    'account.signOut.done': 'You have signed out.',
    'account.password.show': 'Show',
    'account.password.hide': 'Hide',
    'account.password.showAria': 'Show password',
    'account.password.hideAria': 'Hide password',
    'account.password.shown': 'Your password is visible',
    'account.password.hidden': 'Your password is hidden',
  },
};
