import { checkPasswordStrength, personalInputs } from './password-strength.js';

describe('refusing common and guessable passwords (ASVS 2.1.7, docs/product.md#accounts)', () => {
  const anna = personalInputs('anna.kowalska@example.pl', 'Anna Kowalska');

  it.each([
    'password12',
    'qwerty1234',
    'aaaaaaaaa1',
    'password1234',
    'qwerty123456',
    'aaaaaaaaaaa1',
  ])('refuses the common or repetitive %s and says why in Polish', (password) => {
    const verdict = checkPasswordStrength(password, anna, 3);
    expect(verdict.ok).toBe(false);
    expect(verdict.reasonPl.length).toBeGreaterThan(10);
  });

  it("refuses the e-mail's local part plus a digit", () => {
    expect(checkPasswordStrength('anna.kowalska1', anna, 3).ok).toBe(false);
    const jan = personalInputs('jan.zielinski-sp@example.pl', 'Jan Zieliński');
    expect(checkPasswordStrength('jan.zielinski-sp1', jan, 3).ok).toBe(false);
  });

  it('refuses a Polish first name with a digit, which only the Polish dictionary knows', () => {
    expect(checkPasswordStrength('Małgorzata1', [], 3).ok).toBe(false);
  });

  it('accepts a passphrase of uncommon words', () => {
    const verdict = checkPasswordStrength('Ryba-Kominek-Zegar-77', anna, 3);
    expect(verdict).toMatchObject({ ok: true, score: 4 });
  });

  it('takes the person words from the e-mail and the name, lower-cased', () => {
    expect(personalInputs('Anna.Kowalska@example.pl', 'Anna Kowalska')).toEqual(
      expect.arrayContaining(['anna.kowalska', 'anna', 'kowalska']),
    );
  });
});
