import { formatReferenceNumber, parseReferenceNumber } from './reference-number.js';

describe('reference number', () => {
  it('pads the sequence to five digits', () => {
    expect(formatReferenceNumber(2026, 42)).toBe('OWES/2026/00042');
    expect(formatReferenceNumber(2027, 1)).toBe('OWES/2027/00001');
  });

  it('keeps growing past 99999 instead of wrapping', () => {
    expect(formatReferenceNumber(2026, 123456)).toBe('OWES/2026/123456');
  });

  it('refuses a zero or fractional sequence', () => {
    expect(() => formatReferenceNumber(2026, 0)).toThrow(RangeError);
    expect(() => formatReferenceNumber(2026, 1.5)).toThrow(RangeError);
  });

  it('parses what it formats', () => {
    expect(parseReferenceNumber('OWES/2026/00042')).toEqual({ year: 2026, sequence: 42 });
    expect(parseReferenceNumber('OWES/26/42')).toBeNull();
  });
});
