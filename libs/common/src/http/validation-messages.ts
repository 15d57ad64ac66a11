import type { Localized } from './api-error.js';

/**
 * Field messages by class-validator constraint name, in Polish (default) and English.
 * `{0}`, `{1}` stand for the constraint's arguments (e.g. the minimum).
 */
const MESSAGES: Record<string, Localized> = {
  isDefined: { pl: 'Pole jest wymagane', en: 'This field is required' },
  isNotNull: {
    pl: 'Pole nie może mieć wartości null (pomiń je, aby go nie zmieniać)',
    en: 'Must not be null (leave the field out not to change it)',
  },
  isNotEmpty: { pl: 'Pole nie może być puste', en: 'This field must not be empty' },
  isString: { pl: 'Wartość musi być tekstem', en: 'Must be text' },
  isInt: { pl: 'Wartość musi być liczbą całkowitą', en: 'Must be a whole number' },
  isNumber: { pl: 'Wartość musi być liczbą', en: 'Must be a number' },
  isBoolean: { pl: 'Wartość musi być prawdą lub fałszem', en: 'Must be true or false' },
  isArray: { pl: 'Wartość musi być listą', en: 'Must be a list' },
  isObject: { pl: 'Wartość musi być obiektem', en: 'Must be an object' },
  isEmail: { pl: 'Nieprawidłowy adres e-mail', en: 'Invalid e-mail address' },
  isUuid: { pl: 'Nieprawidłowy identyfikator', en: 'Invalid identifier' },
  isIso8601: {
    pl: 'Nieprawidłowa data (oczekiwano ISO 8601)',
    en: 'Invalid date (ISO 8601 expected)',
  },
  isDateString: {
    pl: 'Nieprawidłowa data (oczekiwano ISO 8601)',
    en: 'Invalid date (ISO 8601 expected)',
  },
  isIn: { pl: 'Niedozwolona wartość; dozwolone: {0}', en: 'Not allowed; allowed values: {0}' },
  isEnum: { pl: 'Niedozwolona wartość; dozwolone: {0}', en: 'Not allowed; allowed values: {0}' },
  min: { pl: 'Wartość nie może być mniejsza niż {0}', en: 'Must not be less than {0}' },
  max: { pl: 'Wartość nie może być większa niż {0}', en: 'Must not be greater than {0}' },
  minLength: {
    pl: 'Tekst musi mieć co najmniej {0} znaków',
    en: 'Must be at least {0} characters long',
  },
  maxLength: {
    pl: 'Tekst może mieć najwyżej {0} znaków',
    en: 'Must be at most {0} characters long',
  },
  length: { pl: 'Tekst musi mieć od {0} do {1} znaków', en: 'Must be {0} to {1} characters long' },
  arrayMinSize: {
    pl: 'Lista musi mieć co najmniej {0} elementów',
    en: 'Must have at least {0} items',
  },
  arrayMaxSize: { pl: 'Lista może mieć najwyżej {0} elementów', en: 'Must have at most {0} items' },
  matches: { pl: 'Nieprawidłowy format', en: 'Invalid format' },
  whitelistValidation: { pl: 'Nieznane pole', en: 'Unknown field' },
  nestedValidation: { pl: 'Nieprawidłowa wartość zagnieżdżona', en: 'Invalid nested value' },
  isPesel: { pl: 'Nieprawidłowy numer PESEL', en: 'Invalid PESEL number' },
  isNip: { pl: 'Nieprawidłowy numer NIP', en: 'Invalid NIP number' },
  isRegon: { pl: 'Nieprawidłowy numer REGON', en: 'Invalid REGON number' },
  isKrs: { pl: 'Nieprawidłowy numer KRS', en: 'Invalid KRS number' },
  isNrb: { pl: 'Nieprawidłowy numer rachunku bankowego', en: 'Invalid bank account number' },
  isStrongPassword: {
    pl: 'Hasło musi mieć co najmniej 12 znaków (dobrym hasłem jest kilka niepowiązanych słów)',
    en: 'The password needs at least 12 characters (a few unrelated words make a good one)',
  },
  isPhoneNumber: { pl: 'Nieprawidłowy numer telefonu', en: 'Invalid phone number' },
  isTeryt: { pl: 'Nieznany kod powiatu TERYT', en: 'Unknown TERYT county code' },
};

const FALLBACK: Localized = { pl: 'Nieprawidłowa wartość', en: 'Invalid value' };

/** True when `key` names a message here (a DTO may give one as its `message` option). */
export function isMessageKey(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(MESSAGES, key);
}

export function constraintMessage(constraint: string, args: unknown[] = []): Localized {
  const template = MESSAGES[constraint] ?? FALLBACK;
  const fill = (text: string) =>
    text.replace(/\{(\d)\}/g, (_, i: string) => {
      const value = args[Number(i)];
      if (Array.isArray(value)) return value.join(', ');
      if (value && typeof value === 'object') return Object.values(value).join(', ');
      return String(value ?? '');
    });
  return { pl: fill(template.pl), en: fill(template.en) };
}
