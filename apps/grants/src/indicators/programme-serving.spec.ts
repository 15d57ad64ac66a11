import { programmeServing } from './indicators.service.js';

describe('programmeServing: which programme a supported group counts in', () => {
  const older = {
    id: 'older',
    counties: ['1462', '1419'],
    yearlyBudgets: [{ year: 2026, amount: 1 }],
  };
  const newer = {
    id: 'newer',
    counties: ['1419', '1427'],
    yearlyBudgets: [{ year: 2027, amount: 1 }],
  };
  const programmes = [older, newer];
  const at = (iso: string) => new Date(iso);

  it('is the programme serving the county', () => {
    expect(programmeServing(programmes, '1462', at('2027-03-01T10:00:00Z'))).toBe('older');
    expect(programmeServing(programmes, '1427', at('2026-03-01T10:00:00Z'))).toBe('newer');
  });

  it('prefers, of several serving the county, the one with money in the year of the decision (Warsaw)', () => {
    expect(programmeServing(programmes, '1419', at('2027-06-01T10:00:00Z'))).toBe('newer');
    expect(programmeServing(programmes, '1419', at('2026-06-01T10:00:00Z'))).toBe('older');
    // 31 December 23:30 UTC is already 2027 in Warsaw
    expect(programmeServing(programmes, '1419', at('2026-12-31T23:30:00Z'))).toBe('newer');
    // no programme has money that year: the oldest serving the county
    expect(programmeServing(programmes, '1419', at('2030-01-10T10:00:00Z'))).toBe('older');
  });

  it('is none for a county no programme serves or an unknown county', () => {
    expect(programmeServing(programmes, '1465', at('2027-01-01T10:00:00Z'))).toBeNull();
    expect(programmeServing(programmes, null, at('2027-01-01T10:00:00Z'))).toBeNull();
  });
});
