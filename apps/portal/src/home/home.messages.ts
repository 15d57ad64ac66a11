import type { Messages } from '../i18n/i18n.js';

export const HOME_MESSAGES: Messages = {
  pl: {
    'home.title': 'Wsparcie finansowe na tworzenie miejsc pracy',
    'home.lead':
      'Za pomocą tego serwisu można złożyć wniosek o przyznanie wsparcia finansowego na utworzenie miejsc pracy w przedsiębiorstwie społecznym, w naborze ogłoszonym przez Ośrodek Wsparcia Ekonomii Społecznej (OWES).',
    'home.steps.title': 'Jak to wygląda',
    'home.steps.1': 'Załóż konto i potwierdź adres e-mail.',
    'home.steps.2': 'Wybierz nabór ośrodka, który obsługuje Twój powiat.',
    'home.steps.3':
      'Wypełnij wniosek — każda część zapisuje się na bieżąco, można do niej wrócić w dowolnej chwili.',
    'home.steps.4':
      'Sprawdź odpowiedzi i złóż wniosek. Otrzymasz numer wniosku i potwierdzenie e-mailem.',
    'home.start': 'Rozpocznij',
    'home.signedIn': 'Zalogowano jako {name}.',
    'home.toApplications': 'Przejdź do swoich wniosków',
    'home.help.title': 'Pomoc',
    'home.help.body':
      'W razie pytań prosimy o kontakt z ośrodkiem, który ogłosił nabór — dane kontaktowe są podane przy każdym naborze.',
  },
  en: {
    'home.title': 'Grants for creating jobs',
    'home.lead':
      'Use this service to apply for a grant to create jobs in a social enterprise, in a call for applications of a Social Economy Support Centre (OWES).',
    'home.steps.title': 'How it works',
    'home.steps.1': 'Create an account and confirm your e-mail address.',
    'home.steps.2': 'Choose a call of the centre that serves your county.',
    'home.steps.3':
      'Fill in the application — every part is saved as you go; you can come back to it at any time.',
    'home.steps.4':
      'Check your answers and submit. You get a reference number and a confirmation by e-mail.',
    'home.start': 'Start now',
    'home.signedIn': 'Signed in as {name}.',
    'home.toApplications': 'Go to your applications',
    'home.help.title': 'Help',
    'home.help.body':
      'If you have questions, please contact the centre that announced the call — its contact details are shown with each call.',
  },
};
