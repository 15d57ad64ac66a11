import { isCallOpen } from './call-window.js';

describe('the call is open (docs/product.md#calls)', () => {
  const call = {
    opensAt: new Date('2026-11-02T08:00:00.000+01:00'),
    closesAt: new Date('2026-12-15T16:00:00.000+01:00'),
  };
  const at = (iso: string) => new Date(iso);
  const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

  it('opens at its opening moment exactly, not a millisecond before', () => {
    expect(isCallOpen(call, plus(call.opensAt, -1))).toBe(false);
    expect(isCallOpen(call, call.opensAt)).toBe(true);
    expect(isCallOpen(call, plus(call.opensAt, 1))).toBe(true);
  });

  it('takes applications up to the last millisecond before it closes; at the closing moment it is closed', () => {
    expect(isCallOpen(call, plus(call.closesAt, -1))).toBe(true);
    expect(isCallOpen(call, call.closesAt)).toBe(false);
    expect(isCallOpen(call, plus(call.closesAt, 1))).toBe(false);
  });

  it('is open in between and closed long before or after', () => {
    expect(isCallOpen(call, at('2026-12-01T12:00:00+01:00'))).toBe(true);
    expect(isCallOpen(call, at('2026-10-01T12:00:00+02:00'))).toBe(false);
    expect(isCallOpen(call, at('2027-01-01T12:00:00+01:00'))).toBe(false);
  });

  it('compares moments, not the Warsaw day: 16:00 Warsaw is 15:00 UTC', () => {
    expect(isCallOpen(call, at('2026-12-15T14:59:59.999Z'))).toBe(true);
    expect(isCallOpen(call, at('2026-12-15T15:00:00.000Z'))).toBe(false);
  });
});
