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
    'account.signIn.resendLink': 'Nie dotarła wiadomość z linkiem? Wyślij nowy link',
    'account.signOut.done': 'Wylogowano.',
    'account.password.show': 'Pokaż',
    'account.password.hide': 'Ukryj',
    'account.password.showAria': 'Pokaż hasło',
    'account.password.hideAria': 'Ukryj hasło',
    'account.password.shown': 'Hasło jest widoczne',
    'account.password.hidden': 'Hasło jest ukryte',
    'account.password.rules':
      'Co najmniej 12 znaków. Hasło nie może być łatwe do odgadnięcia — dobrym hasłem jest kilka niepowiązanych ze sobą słów.',

    'account.register.title': 'Załóż konto',
    'account.register.lead':
      'Konto pozwala złożyć wniosek w naborze i śledzić jego rozpatrywanie. Po założeniu konta należy potwierdzić adres e-mail, klikając link z wiadomości.',
    'account.register.fullName': 'Imię i nazwisko',
    'account.register.email': 'Adres e-mail',
    'account.register.emailHint': 'Na ten adres wyślemy link do potwierdzenia konta.',
    'account.register.password': 'Hasło',
    'account.register.consent.legend': 'Informacja o przetwarzaniu danych osobowych',
    'account.register.consent.hint': 'Przed założeniem konta należy zapoznać się z {link}.',
    'account.register.consent.link': 'informacją o przetwarzaniu danych osobowych',
    'account.register.consent.label':
      'Potwierdzam zapoznanie się z informacją o przetwarzaniu danych osobowych',
    'account.register.submit': 'Załóż konto',
    'account.register.haveAccount': 'Masz już konto?',
    'account.register.signIn': 'Zaloguj się',
    'account.register.error.fullNameMissing': 'Wpisz imię i nazwisko',
    'account.register.error.emailMissing': 'Wpisz adres e-mail',
    'account.register.error.passwordMissing': 'Wpisz hasło',
    'account.register.error.consentMissing':
      'Potwierdź zapoznanie się z informacją o przetwarzaniu danych osobowych',
    'account.register.error.throttled':
      'Zbyt wiele prób z tego adresu — prosimy spróbować ponownie później',

    'account.checkInbox.title': 'Sprawdź skrzynkę e-mail',
    'account.checkInbox.sentTo': 'Wiadomość została wysłana na adres {email}.',
    'account.checkInbox.sent': 'Wiadomość została wysłana na podany adres e-mail.',
    'account.checkInbox.body':
      'Aby aktywować konto, należy kliknąć link w wiadomości. Link jest ważny przez 48 godzin. Jeśli konto z tym adresem już istnieje, wiadomość zawiera wskazówki, jak się zalogować.',
    'account.checkInbox.notReceived': 'Wiadomość nie dotarła?',
    'account.checkInbox.spam':
      'Prosimy sprawdzić folder z niechcianą pocztą (spam). Jeśli tam jej nie ma, można wysłać nowy link.',
    'account.checkInbox.resend': 'Wyślij nowy link',

    'account.resend.title': 'Wyślij nowy link potwierdzający',
    'account.resend.lead':
      'Wpisz adres e-mail podany przy zakładaniu konta. Jeśli konto z tym adresem czeka na potwierdzenie, wyślemy na niego nowy link.',
    'account.resend.email': 'Adres e-mail',
    'account.resend.submit': 'Wyślij nowy link',
    'account.resend.done':
      'Jeśli konto z tym adresem czeka na potwierdzenie, wysłaliśmy nowy link.',

    'account.verify.title': 'Potwierdź adres e-mail',
    'account.verify.lead':
      'Aby aktywować konto, prosimy potwierdzić adres e-mail przyciskiem poniżej.',
    'account.verify.submit': 'Potwierdź adres e-mail',
    'account.verified.title': 'Adres e-mail został potwierdzony',
    'account.verified.body': 'Konto jest aktywne. Można się teraz zalogować.',
    'account.verified.signIn': 'Zaloguj się',

    'account.badLink.verifyTitle': 'Link potwierdzający jest nieprawidłowy lub wygasł',
    'account.badLink.verifyExpired':
      'Link potwierdzający wygasł. Linki są ważne przez 48 godzin — prosimy wysłać nowy.',
    'account.badLink.verifyInvalid':
      'Ten link nie działa: mógł już zostać użyty albo nie został skopiowany w całości. Jeśli adres jest już potwierdzony, można się zalogować.',
    'account.badLink.verifyAction': 'Wyślij nowy link',
    'account.badLink.resetTitle': 'Link do ustawienia hasła jest nieprawidłowy lub wygasł',
    'account.badLink.resetExpired':
      'Link do ustawienia nowego hasła wygasł. Linki są ważne przez godzinę — prosimy wysłać nowy.',
    'account.badLink.resetInvalid':
      'Ten link nie działa: mógł już zostać użyty albo nie został skopiowany w całości.',
    'account.badLink.resetAction': 'Wyślij nowy link',
    'account.badLink.signIn': 'Przejdź do logowania',

    'account.forgot.title': 'Nie pamiętam hasła',
    'account.forgot.lead':
      'Wpisz adres e-mail konta. Wyślemy na niego link do ustawienia nowego hasła, ważny przez godzinę.',
    'account.forgot.email': 'Adres e-mail',
    'account.forgot.submit': 'Wyślij link',
    'account.forgot.error.emailMissing': 'Wpisz adres e-mail',
    'account.forgot.error.throttled':
      'Zbyt wiele prób dla tego adresu — prosimy spróbować ponownie później',
    'account.forgotSent.title': 'Sprawdź skrzynkę e-mail',
    'account.forgotSent.body':
      'Jeśli adres {email} należy do konta w serwisie, wysłaliśmy na niego link do ustawienia nowego hasła. Link jest ważny przez godzinę i można go użyć tylko raz.',
    'account.forgotSent.bodyNoEmail':
      'Jeśli podany adres należy do konta w serwisie, wysłaliśmy na niego link do ustawienia nowego hasła. Link jest ważny przez godzinę i można go użyć tylko raz.',
    'account.forgotSent.again': 'Wiadomość nie dotarła? Wyślij link ponownie',

    'account.reset.title': 'Ustaw nowe hasło',
    'account.reset.password': 'Nowe hasło',
    'account.reset.submit': 'Ustaw hasło',
    'account.reset.error.passwordMissing': 'Wpisz nowe hasło',
    'account.resetDone.title': 'Hasło zostało zmienione',
    'account.resetDone.body':
      'Nowe hasło obowiązuje od teraz. Ze względów bezpieczeństwa nastąpiło wylogowanie na wszystkich urządzeniach.',
    'account.resetDone.signIn': 'Zaloguj się',

    'account.page.title': 'Moje konto',
    'account.page.details': 'Dane konta',
    'account.page.name': 'Imię i nazwisko',
    'account.page.email': 'Adres e-mail',
    'account.page.language.legend': 'Język serwisu',
    'account.page.language.hint': 'W tym języku wyświetlane są strony serwisu.',
    'account.page.language.submit': 'Zapisz język serwisu',
    'account.page.language.saved': 'Zapisano język serwisu.',
    'account.page.emails.legend': 'Język wiadomości e-mail',
    'account.page.emails.hint': 'W tym języku wysyłamy powiadomienia o naborach i wnioskach.',
    'account.page.emails.submit': 'Zapisz język wiadomości',
    'account.page.emails.saved': 'Zapisano język wiadomości e-mail.',
    'account.page.pl': 'polski',
    'account.page.en': 'angielski (English)',
    'account.page.error.languageMissing': 'Wybierz język',
    'account.page.password.title': 'Hasło',
    'account.page.password.body': 'Zmiana hasła kończy sesje na wszystkich innych urządzeniach.',
    'account.page.password.change': 'Zmień hasło',

    'account.changePassword.title': 'Zmień hasło',
    'account.changePassword.current': 'Obecne hasło',
    'account.changePassword.new': 'Nowe hasło',
    'account.changePassword.submit': 'Zmień hasło',
    'account.changePassword.error.currentMissing': 'Wpisz obecne hasło',
    'account.changePassword.error.newMissing': 'Wpisz nowe hasło',
    'account.changePassword.error.currentWrong': 'Obecne hasło jest nieprawidłowe',
    'account.changePassword.error.throttled':
      'Zbyt wiele nieudanych prób — prosimy odczekać chwilę i spróbować ponownie',
    'account.changePassword.done':
      'Hasło zostało zmienione. Sesje na innych urządzeniach zostały zakończone.',
    'account.changePassword.signInAgain.title': 'Hasło zostało zmienione',
    'account.changePassword.signInAgain.body':
      'Nowe hasło obowiązuje od teraz. Ze względów bezpieczeństwa prosimy zalogować się ponownie.',
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
    'account.signIn.resendLink': 'Did the message with the link not arrive? Send a new link',
    'account.signOut.done': 'You have signed out.',
    'account.password.show': 'Show',
    'account.password.hide': 'Hide',
    'account.password.showAria': 'Show password',
    'account.password.hideAria': 'Hide password',
    'account.password.shown': 'Your password is visible',
    'account.password.hidden': 'Your password is hidden',
    'account.password.rules':
      'At least 12 characters. It must not be easy to guess — a few unrelated words make a good password.',

    'account.register.title': 'Create an account',
    'account.register.lead':
      'With an account you can apply in a call and follow your application. After creating it, confirm your email address with the link we send you.',
    'account.register.fullName': 'Full name',
    'account.register.email': 'Email address',
    'account.register.emailHint': 'We will send a link to confirm your account to this address.',
    'account.register.password': 'Password',
    'account.register.consent.legend': 'Privacy notice',
    'account.register.consent.hint': 'Before creating an account, read the {link}.',
    'account.register.consent.link': 'privacy notice',
    'account.register.consent.label': 'I have read the privacy notice',
    'account.register.submit': 'Create account',
    'account.register.haveAccount': 'Already have an account?',
    'account.register.signIn': 'Sign in',
    'account.register.error.fullNameMissing': 'Enter your full name',
    'account.register.error.emailMissing': 'Enter your email address',
    'account.register.error.passwordMissing': 'Enter a password',
    'account.register.error.consentMissing': 'Confirm that you have read the privacy notice',
    'account.register.error.throttled':
      'Too many attempts from this address — please try again later',

    'account.checkInbox.title': 'Check your email',
    'account.checkInbox.sentTo': 'We have sent a message to {email}.',
    'account.checkInbox.sent': 'We have sent a message to the email address you gave.',
    'account.checkInbox.body':
      'To activate your account, follow the link in the message. The link works for 48 hours. If an account with this address already exists, the message tells you how to sign in.',
    'account.checkInbox.notReceived': 'Did the message not arrive?',
    'account.checkInbox.spam':
      'Check your spam folder. If it is not there either, you can send a new link.',
    'account.checkInbox.resend': 'Send a new link',

    'account.resend.title': 'Send a new confirmation link',
    'account.resend.lead':
      'Enter the email address you registered with. If an account with this address is waiting for confirmation, we will send a new link to it.',
    'account.resend.email': 'Email address',
    'account.resend.submit': 'Send a new link',
    'account.resend.done':
      'If an account with this address is waiting for confirmation, we have sent a new link.',

    'account.verify.title': 'Confirm your email address',
    'account.verify.lead':
      'To activate your account, confirm your email address with the button below.',
    'account.verify.submit': 'Confirm email address',
    'account.verified.title': 'Your email address is confirmed',
    'account.verified.body': 'Your account is active. You can sign in now.',
    'account.verified.signIn': 'Sign in',

    'account.badLink.verifyTitle': 'The confirmation link is not valid or has expired',
    'account.badLink.verifyExpired':
      'The confirmation link has expired. Links work for 48 hours — please send a new one.',
    'account.badLink.verifyInvalid':
      'This link does not work: it may have been used already, or it was not copied in full. If your address is already confirmed, you can sign in.',
    'account.badLink.verifyAction': 'Send a new link',
    'account.badLink.resetTitle': 'The link to set a password is not valid or has expired',
    'account.badLink.resetExpired':
      'The link to set a new password has expired. Links work for one hour — please send a new one.',
    'account.badLink.resetInvalid':
      'This link does not work: it may have been used already, or it was not copied in full.',
    'account.badLink.resetAction': 'Send a new link',
    'account.badLink.signIn': 'Go to sign in',

    'account.forgot.title': 'I have forgotten my password',
    'account.forgot.lead':
      'Enter the email address of your account. We will send a link to set a new password to it; the link works for one hour.',
    'account.forgot.email': 'Email address',
    'account.forgot.submit': 'Send the link',
    'account.forgot.error.emailMissing': 'Enter your email address',
    'account.forgot.error.throttled': 'Too many attempts for this address — please try again later',
    'account.forgotSent.title': 'Check your email',
    'account.forgotSent.body':
      'If {email} belongs to an account of this service, we have sent a link to set a new password to it. The link works for one hour and only once.',
    'account.forgotSent.bodyNoEmail':
      'If the address belongs to an account of this service, we have sent a link to set a new password to it. The link works for one hour and only once.',
    'account.forgotSent.again': 'Did the message not arrive? Send the link again',

    'account.reset.title': 'Set a new password',
    'account.reset.password': 'New password',
    'account.reset.submit': 'Set password',
    'account.reset.error.passwordMissing': 'Enter a new password',
    'account.resetDone.title': 'Your password has been changed',
    'account.resetDone.body':
      'The new password works from now on. For your security, you have been signed out on every device.',
    'account.resetDone.signIn': 'Sign in',

    'account.page.title': 'My account',
    'account.page.details': 'Account details',
    'account.page.name': 'Full name',
    'account.page.email': 'Email address',
    'account.page.language.legend': 'Language of the service',
    'account.page.language.hint': 'The pages of the service are shown in this language.',
    'account.page.language.submit': 'Save the language of the service',
    'account.page.language.saved': 'The language of the service has been saved.',
    'account.page.emails.legend': 'Language of emails',
    'account.page.emails.hint':
      'We send you notifications about calls and applications in this language.',
    'account.page.emails.submit': 'Save the language of emails',
    'account.page.emails.saved': 'The language of emails has been saved.',
    'account.page.pl': 'Polish (polski)',
    'account.page.en': 'English',
    'account.page.error.languageMissing': 'Choose a language',
    'account.page.password.title': 'Password',
    'account.page.password.body':
      'Changing your password ends your sessions on every other device.',
    'account.page.password.change': 'Change your password',

    'account.changePassword.title': 'Change your password',
    'account.changePassword.current': 'Current password',
    'account.changePassword.new': 'New password',
    'account.changePassword.submit': 'Change password',
    'account.changePassword.error.currentMissing': 'Enter your current password',
    'account.changePassword.error.newMissing': 'Enter a new password',
    'account.changePassword.error.currentWrong': 'The current password is wrong',
    'account.changePassword.error.throttled':
      'Too many failed attempts — please wait a moment and try again',
    'account.changePassword.done':
      'Your password has been changed. Your sessions on other devices have ended.',
    'account.changePassword.signInAgain.title': 'Your password has been changed',
    'account.changePassword.signInAgain.body':
      'The new password works from now on. For your security, please sign in again.',
  },
};
