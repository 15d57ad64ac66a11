import { isValidPesel, parsePesel, peselCheckDigit } from './pesel.js';

// Test numbers below were computed with the checksum algorithm (independently of this module),
// so invalid dates carry a correct check digit and are rejected for the date alone.
describe('PESEL', () => {
  it('accepts the documented example and decodes it', () => {
    expect(isValidPesel('44051401359')).toBe(true);
    expect(parsePesel('44051401359')).toEqual({ birthDate: '1944-05-14', sex: 'M' });
  });

  it.each([
    ['96822912340', '1896-02-29', 'F'], // 1800s (+80), leap year
    ['85123156717', '1985-12-31', 'M'], // 1900s (+0)
    ['00222900023', '2000-02-29', 'F'], // 2000s (+20), 2000 is a leap year
    ['24222998765', '2024-02-29', 'F'], // 2000s, leap year
    ['01410111100', '2101-01-01', 'F'], // 2100s (+40)
    ['04622933315', '2204-02-29', 'M'], // 2200s (+60), leap year
  ])('decodes %s as born %s, sex %s', (pesel, birthDate, sex) => {
    expect(parsePesel(pesel)).toEqual({ birthDate, sex });
    expect(isValidPesel(pesel)).toBe(true);
  });

  it.each([
    ['00022912343', '29 Feb 1900 (not a leap year)'],
    ['99822912341', '29 Feb 1899'],
    ['23222912348', '29 Feb 2023'],
    ['00422912345', '29 Feb 2100 (not a leap year)'],
    ['00622912341', '29 Feb 2200 (not a leap year)'],
    ['24223012341', '30 Feb 2024'],
    ['85130112340', 'month 13'],
    ['05330112344', 'month 33 (2000s block, month 13)'],
    ['85001012346', 'month 00'],
    ['85931012346', 'month 93 (1800s block, month 13)'],
    ['85010012348', 'day 00'],
    ['85043112345', '31 April'],
    ['85013212349', '32 January'],
  ])('rejects %s: %s, despite a correct check digit', (pesel) => {
    expect(peselCheckDigit(pesel.slice(0, 10))).toBe(Number(pesel[10]));
    expect(isValidPesel(pesel)).toBe(false);
    expect(parsePesel(pesel)).toBeNull();
  });

  it('rejects every wrong check digit', () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 9) continue;
      expect(isValidPesel(`4405140135${d}`)).toBe(false);
    }
  });

  it.each([
    ['4405140135', 'too short'],
    ['440514013590', 'too long'],
    ['', 'empty'],
    ['4405140135a', 'letter'],
    [' 44051401359', 'leading space'],
    ['44051401359 ', 'trailing space'],
    ['4405-1401359', 'dash'],
    ['٤٤٠٥١٤٠١٣٥٩', 'non-ASCII digits'],
  ])('rejects %j (%s)', (value) => {
    expect(isValidPesel(value)).toBe(false);
  });

  it.each([[44051401359], [null], [undefined], [{}]])('rejects non-string %j', (value) => {
    expect(isValidPesel(value)).toBe(false);
  });
});
